import Testing
@testable import Lessons

@Suite struct FrontMatterTests {
    @Test func fieldsAndExtraKeys() {
        let lesson = Lesson.parse(source: """
            ---
            title: "Adam: adaptive moments"
            summary: Bias correction and all.
            timeout: 7.5
            level: 3
            tags: [optimizers, adaptive]
            draft: true
            code: "3"
            ---
            Text.
            """, path: "adam.md")
        #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
        #expect(lesson.title == "Adam: adaptive moments")
        #expect(lesson.summary == "Bias correction and all.")
        #expect(lesson.timeout == 7.5)
        #expect(lesson.frontMatter.extra["level"] == .integer(3))
        #expect(lesson.frontMatter.extra["tags"] == .list([.string("optimizers"), .string("adaptive")]))
        #expect(lesson.frontMatter.extra["draft"] == .bool(true))
        #expect(lesson.frontMatter.extra["code"] == .string("3"), "quoted numbers stay text")
        #expect(lesson.frontMatter.extra["title"] == nil)
        #expect(lesson.frontMatter.lines == 1...9)
        #expect(lesson.id == "adam")
    }

    @Test func positionsAfterFrontMatterAreFilePositions() {
        let text = Marked("""
            ---
            title: T
            ---
            1️⃣# Heading

            ```swift
            2️⃣let a = 1
            ```
            """)
        let lesson = text.lesson
        #expect(lesson.headings.first?.location == text["1️⃣"])
        #expect(lesson.cells.first?.location == text["2️⃣"])
        #expect(lesson.cells.first?.line == 7)
    }

    @Test func titleFallsBackToFirstHeading() {
        let lesson = Lesson.parse(source: "Intro\n\n## Not this\n\n# Gradient descent\n", path: "gd.md")
        #expect(lesson.title == "Gradient descent")
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test func missingTitleIsAnErrorWithFixIt() {
        let lesson = Lesson.parse(source: "---\nsummary: s\n---\nText\n", path: "x.md")
        let diagnostic = lesson.diagnostics.first
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.message.contains("no title") == true)
        #expect(diagnostic?.fixIt?.range.start == SourceLocation(path: "x.md", line: 2, column: 1))
    }

    @Test func malformedYAMLIsReportedAtItsFileLine() {
        // libyaml rejects a second ':' on a plain scalar line at that colon.
        let text = Marked("""
            ---
            title: T
            summary: ratio1️⃣: 2
            ---
            Body
            """)
        let diagnostics = text.lesson.diagnostics
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.location == text["1️⃣"])
        #expect(diagnostics.first?.message.hasPrefix("malformed front matter") == true)
    }

    @Test func unterminatedQuoteIsReportedInsideTheFrontMatter() {
        let lesson = Lesson.parse(source: "---\ntitle: T\nsummary: \"open\n---\nBody\n", path: "q.md")
        let diagnostic = lesson.diagnostics.first { $0.message.hasPrefix("malformed front matter") }
        #expect(diagnostic != nil, "\(lesson.diagnostics)")
        #expect((3...4).contains(diagnostic?.location.line ?? 0))
    }

    @Test func badFieldTypesPointAtTheValue() {
        let text = Marked("""
            ---
            title: 1️⃣[a, b]
            timeout: 2️⃣soon
            ---
            """)
        let diagnostics = text.lesson.diagnostics
        #expect(diagnostics.contains { $0.location == text["1️⃣"] && $0.message.contains("'title' must be text") })
        #expect(diagnostics.contains { $0.location == text["2️⃣"] && $0.message.contains("'timeout'") })
    }

    @Test func unclosedFrontMatter() {
        let lesson = Lesson.parse(source: "---\ntitle: T\n\n# Body\n", path: "u.md")
        let diagnostic = lesson.diagnostics.first
        #expect(diagnostic?.description == "u.md:1:1: error: front matter opened by '---' on line 1 is never closed")
        #expect(lesson.frontMatter.lines == nil)
    }

    @Test func notAMapping() {
        let lesson = Lesson.parse(source: "---\n- a\n- b\n---\n# T\n", path: "m.md")
        #expect(lesson.diagnostics.map(\.location.line) == [2])
        #expect(lesson.title == "T")
    }
}
