import Dispatch
import Synchronization
import Testing
@testable import Lessons
@testable import Pages

@Suite struct RenderingTests {
    static let source = """
        ---
        title: Schedules
        ---
        # Intro

        Some *prose*.

        ## Intro

        ```swift hide
        let setup = 1
        ```

        ## Метод инерции

        1. Try:

           ```swift
           print(2)
           ```

        ## Step-size: η & friends!
        <script>alert(1)</script>
        """

    @Test func headingsHaveLevelsTextAndUniqueAnchors() {
        let lesson = Lesson.parse(source: Self.source, path: "s.md")
        #expect(lesson.headings.map(\.level) == [1, 2, 2, 2])
        #expect(lesson.headings.map(\.text) == ["Intro", "Intro", "Метод инерции", "Step-size: η & friends!"])
        #expect(lesson.headings.map(\.anchor) == ["intro", "intro-1", "метод-инерции", "step-size-η--friends"])
        #expect(lesson.headings.map(\.location.line) == [4, 8, 14, 22])
    }

    @Test func htmlHasAnchorsCellsAndNoRawHTML() {
        let lesson = Lesson.parse(source: Self.source, path: "s.md")
        let html = lesson.html { cell in cell.hide ? "" : "<div class=\"cell\">\(cell.index)</div>" }
        #expect(html.contains("<h1 id=\"intro\">Intro</h1>"))
        #expect(html.contains("<h2 id=\"intro-1\">Intro</h2>"))
        #expect(html.contains("<h2 id=\"метод-инерции\">"))
        #expect(html.contains("<h2 id=\"step-size-η--friends\">Step-size: η &amp; friends!</h2>"))
        #expect(html.contains("<p>Some <em>prose</em>.</p>"))
        #expect(html.contains("<li>\n<p>Try:</p>\n<div class=\"cell\">1</div>\n</li>"), "\(html)")
        #expect(!html.contains("let setup"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("\u{F8FE}"))
    }

    @Test func defaultCellRenderingIsCmarkCode() {
        let html = Lesson.parse(source: Self.source, path: "s.md").html()
        #expect(html.contains("<pre><code class=\"language-swift\">let setup = 1\n</code></pre>"))
    }

    @Test func segmentsAlternateProseAndTopLevelCells() {
        let lesson = Lesson.parse(source: Self.source, path: "s.md")
        #expect(lesson.segments.count == 3)
        guard case .prose(let first) = lesson.segments[0], case .cell(let cell) = lesson.segments[1],
            case .prose(let last) = lesson.segments[2]
        else {
            Issue.record("unexpected segments \(lesson.segments)")
            return
        }
        #expect(first.markdown == "# Intro\n\nSome *prose*.\n\n## Intro")
        #expect(first.range.start.line == 4)
        #expect(cell.index == 0 && cell.hide)
        #expect(last.cellIndices == [1])
        let proseHTML = lesson.html(last) { "<cell \($0.index)>" }
        #expect(proseHTML.hasPrefix("<h2 id=\"метод-инерции\">"), "\(proseHTML)")
        #expect(proseHTML.contains("<cell 1>"))
        #expect(!proseHTML.contains("Some"))
    }

    @Test func documentTreeExposesBlocks() {
        let lesson = Lesson.parse(source: Self.source, path: "s.md")
        let kinds = lesson.document.children.map(\.kind)
        #expect(kinds.first == .heading(level: 1))
        #expect(kinds.contains(.codeBlock(info: "swift hide", cell: 0)))
        #expect(kinds.contains(.list(ordered: true, start: 1, tight: false)))
        #expect(lesson.document.children[1].range?.start == SourceLocation(path: "s.md", line: 6, column: 1))
    }
}

/// GitHub's extensions as cmark-gfm parses them: tables (with formulas in cells), strikethrough, autolinks.
@Suite struct GitHubMarkdownTests {
    @Test func tableWithAFormulaAlignmentAndHeaderScopes() {
        let lesson = Lesson.parse(source: "# T\n\n| a | $x_1$ |\n|:--|--:|\n| *1* | 2 |\n", path: "t.md")
        #expect(lesson.math.map(\.tex) == ["x_1"])
        let html = lesson.html()
        #expect(html.contains("<th scope=\"col\" style=\"text-align: right\"><span class=\"math inline\">\\(x_1\\)</span></th>"), "\(html)")
        #expect(html.contains("<td style=\"text-align: left\"><em>1</em></td>"))
        #expect(!html.contains("|"))
    }

    @Test func strikethroughAndAutolinks() {
        let html = Lesson.parse(source: "# T\n\n~~old~~ see www.example.org\n", path: "s.md").html()
        #expect(html.contains("<del>old</del> see <a href=\"http://www.example.org\">www.example.org</a>"), "\(html)")
    }
}

/// cmark-gfm switches a process-wide table of extension characters on and off around every parse;
/// lessons parsed on many threads at once must still all see their strikethrough and autolinks.
@Suite struct ConcurrentParsingTests {
    @Test func parsesOnManyThreadsAllSeeTheExtensions() {
        let seen = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let lesson = Lesson.parse(source: "# T\n\n~~old \(index)~~ and www.example.org/\(index)\n", path: "c\(index).md")
            var kinds = 0
            lesson.document.forEach { node in
                if node.kind == .strikethrough { kinds += 1 }
                if case .link = node.kind { kinds += 1 }
            }
            if kinds == 2 { seen.withLock { $0 += 1 } }
        }
        #expect(seen.withLock { $0 } == 64)
    }
}
