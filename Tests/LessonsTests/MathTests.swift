import Testing
@testable import Lessons

/// Formulas in the lesson tree: their TeX verbatim and their file positions, with the positions
/// of what follows them unchanged (their HTML is checked in PagesTests/MathHTMLTests).
@Suite struct MathTests {
    @Test func mathNodesInTheTreeKeepTeXAndFilePosition() throws {
        let text = Marked("""
            # T

            Rate 1️⃣$\\eta_t$ then 2️⃣$$x^2$$ end.
            """)
        let lesson = text.lesson
        let paragraph = try #require(lesson.document.children.last)
        let math = paragraph.children.filter { if case .math = $0.kind { true } else { false } }
        #expect(math.map(\.literal) == [#"\eta_t"#, "x^2"])
        #expect(math.map(\.kind) == [.math(display: false), .math(display: true)])
        #expect(math.first?.range?.start == text["1️⃣"])
        #expect(math.last?.range?.start == text["2️⃣"])
        #expect(lesson.math.map(\.location) == [text["1️⃣"], text["2️⃣"]])
        #expect(paragraph.plainText == #"Rate \eta_t then x^2 end."#)
    }

    @Test func positionsAfterFormulasAreUnchanged() {
        let text = Marked("""
            # T

            $$
            a
            - b
            $$ and 1️⃣*c*

            ```swift
            2️⃣let x = 1
            ```
            """)
        let lesson = text.lesson
        #expect(lesson.cells.first?.location == text["2️⃣"])
        let emphasis = lesson.document.children[1].children.first { $0.kind == .emphasis }
        #expect(emphasis?.range?.start == text["1️⃣"])
    }
}
