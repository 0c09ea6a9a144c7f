import Testing
@testable import Lessons

@Suite struct RewritingTests {
    static let source = """
        ---
        title: Rewrite
        ---
        # Rewrite

        ```swift exercise=step
        let answer = 42   \t
        ```

        - Nested:

          ```swift test=step
          check(answer)
          ```

        > ```swift exercise=quote
        > let quoted = 1
        > ```

        ```swift
        ```
        Tail text *unchanged*.

        """

    @Test func unchangedWhenNoCellIsReplaced() throws {
        let lesson = Lesson.parse(source: Self.source, path: "r.md")
        #expect(try lesson.rewritingCells { _ in nil } == Self.source)
        #expect(try lesson.rewritingCells { $0.source } == Self.source)
    }

    @Test func replacesCodeKeepingPrefixesAndEverythingElse() throws {
        let lesson = Lesson.parse(source: Self.source, path: "r.md")
        let rewritten = try lesson.rewritingCells { cell in
            switch cell.index {
            case 0: "let answer = try solve()\n\nprint(answer)"
            case 1: "check(answer)\n\nexpect(answer == 42)\n"
            case 2: "let quoted = 2\n\nlet more = 3\n"
            case 3: "added()\n"
            default: nil
            }
        }
        let expected = """
            ---
            title: Rewrite
            ---
            # Rewrite

            ```swift exercise=step
            let answer = try solve()

            print(answer)
            ```

            - Nested:

              ```swift test=step
              check(answer)

              expect(answer == 42)
              ```

            > ```swift exercise=quote
            > let quoted = 2
            >
            > let more = 3
            > ```

            ```swift
            added()
            ```
            Tail text *unchanged*.

            """
        #expect(rewritten == expected)
        let reparsed = Lesson.parse(source: rewritten, path: "r.md")
        #expect(reparsed.cells.map(\.source) == [
            "let answer = try solve()\n\nprint(answer)\n", "check(answer)\n\nexpect(answer == 42)\n",
            "let quoted = 2\n\nlet more = 3\n", "added()\n",
        ])
        #expect(reparsed.cells.map(\.attributes) == lesson.cells.map(\.attributes))
    }

    @Test func strippingSolutionsLeavesEmptyCells() throws {
        let lesson = Lesson.parse(source: Self.source, path: "r.md")
        let released = try lesson.replacingCells { $0.exercise != nil ? "" : nil }
        #expect(released.cells.map(\.source) == ["", "check(answer)\n", "", ""])
        #expect(released.cells.count == 4)
        #expect(released.headings == lesson.headings)
    }

    @Test func codeThatWouldCloseTheFenceIsRejected() {
        let lesson = Lesson.parse(source: Self.source, path: "r.md")
        #expect(throws: LessonDiagnostic.self) {
            try lesson.rewritingCells { $0.index == 0 ? "a\n```\nb" : nil }
        }
    }

    @Test func crlfFilesKeepTheirLineEndings() throws {
        let source = "# T\r\n\r\n```swift\r\nold()\r\n```\r\nEnd\r\n"
        let lesson = Lesson.parse(source: source, path: "w.md")
        #expect(lesson.cells.first?.source == "old()\n")
        #expect(try lesson.rewritingCells { _ in "new()\nmore()" } == "# T\r\n\r\n```swift\r\nnew()\r\nmore()\r\n```\r\nEnd\r\n")
    }
}
