import Testing
@testable import Lessons

/// Line breaks as cmark counts them: `\n`, `\r\n` and a lone `\r` each end a line.
///
/// cmark reports positions in those lines, so the lesson model must split the file the same way;
/// when it split at `\n` only, a stray `\r` (found by `make fuzz`) shifted every later line: cells
/// were dropped or got another fence's attributes, and rewrites changed code they should keep.
@Suite struct LineBreakTests {
    @Test func aLoneCarriageReturnEndsALine() {
        let lesson = Lesson.parse(source: "# T\rtext\r```swift hide\rlet x = 1\r```\r", path: "mac.md")
        // Lines: 1 "# T", 2 "text", 3 "```swift hide", 4 "let x = 1", 5 "```".
        #expect(lesson.cells.count == 1)
        let cell = lesson.cells.first
        #expect(cell?.language == "swift")
        #expect(cell?.hide == true)
        #expect(cell?.source == "let x = 1\n")
        #expect(cell?.fenceRange.start.line == 3)
        #expect(cell?.location == SourceLocation(path: "mac.md", line: 4, column: 1))
        #expect(cell?.fenceRange.end == SourceLocation(path: "mac.md", line: 5, column: 4))
        #expect(lesson.title == "T")
    }

    @Test func aStrayCarriageReturnInProseKeepsLaterCellsInPlace() {
        let source = "# T\n\nintro\rmore\n\n```swift raises\nlet y = 2\n```\n"
        let lesson = Lesson.parse(source: source, path: "mixed.md")
        // Lines: 1 "# T", 2 "", 3 "intro", 4 "more", 5 "", 6 the fence, 7 the code.
        #expect(lesson.cells.map(\.raises) == [true])
        #expect(lesson.cells.first?.location.line == 7)
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test func rewritingAFileWithLoneCarriageReturnsKeepsItsCells() throws {
        let source = "# T\rtext\r```swift\rlet x = 1\rprint(x)\r```\rafter\r"
        let lesson = Lesson.parse(source: source, path: "mac.md")
        let again = try lesson.replacingCells { $0.source }
        #expect(again.cells.map(\.source) == ["let x = 1\nprint(x)\n"])
        #expect(try lesson.rewritingCells { _ in nil } == source)
        let replaced = try lesson.replacingCells { _ in "let z = 3" }
        #expect(replaced.cells.map(\.source) == ["let z = 3\n"])
        #expect(replaced.source.hasSuffix("```\rafter\r"))
    }

    @Test func newCodeCannotCloseTheFenceBehindALoneCarriageReturn() {
        let lesson = Lesson.parse(source: "# T\n\n```swift\nold()\n```\n", path: "r.md")
        #expect(throws: LessonDiagnostic.self) { try lesson.rewritingCells { _ in "fine()\r```" } }
    }

    @Test func anEmptyFenceOnTheLastLineIsLocatedInsideTheFile() {
        let unterminated = Lesson.parse(source: "# T\n```swift", path: "end.md")
        // "```swift" is line 2; its code would start after its 8 bytes.
        #expect(unterminated.cells.first?.location == SourceLocation(path: "end.md", line: 2, column: 9))
        let terminated = Lesson.parse(source: "# T\n```swift\n", path: "end.md")
        #expect(terminated.cells.first?.location == SourceLocation(path: "end.md", line: 3, column: 1))
    }
}
