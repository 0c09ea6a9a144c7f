import Testing
@testable import Lessons

/// Markdown nested past the limit is an error at its place, not a stack overflow while the tree is built.
@Suite struct NestingTests {
    @Test func tenThousandNestedBlockQuotesAreALocatedError() {
        let text = "# Deep\n\n" + String(repeating: "> ", count: 10_000) + "deep\n\n```swift\nprint(1)\n```\n"
        let lesson = Lesson.parse(source: text, path: "deep.md")
        let errors = lesson.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = errors.first
        #expect(error?.message.hasPrefix("Markdown nested too deeply (more than 100 levels") == true)
        // The document is level 0, so the 101st block quote (column 1 + 2 * 100) is the first too deep.
        #expect(error?.location.line == 3)
        #expect(error?.location.column == 201)
        #expect(lesson.cells.count == 1)
        var depth = 0
        func measure(_ node: MarkdownNode, _ level: Int) {
            depth = max(depth, level)
            for child in node.children { measure(child, level + 1) }
        }
        measure(lesson.document, 0)
        #expect(depth == 100)
    }

    @Test func nestingWithinTheLimitHasNoError() {
        let text = "# Fine\n\n" + String(repeating: "> ", count: 50) + "quoted\n"
        let lesson = Lesson.parse(source: text, path: "fine.md")
        #expect(lesson.diagnostics.isEmpty)
    }
}
