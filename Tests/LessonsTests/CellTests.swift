import Testing
@testable import Lessons

@Suite struct CellTests {
    static let text = Marked("""
        ---
        title: Momentum
        summary: A heavy ball rolls downhill.
        ---

        # Momentum

        ```swift exercise=momentum points=2 hidden title="a b"
        1️⃣let v = 0.9 * v + g
        print(v)
        ```

        1. Step one:

           ```swift norun
           2️⃣let x = 1
             3️⃣y
           ```

        > ```python
        > 4️⃣print(1)
        > ```

        ~~~~
        5️⃣plain ``` inside
        ~~~~
        """)

    @Test func cellsInOrderWithLanguageAndSource() throws {
        let lesson = Self.text.lesson
        #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
        #expect(lesson.cells.map(\.index) == [0, 1, 2, 3])
        #expect(lesson.cells.map(\.language) == ["swift", "swift", "python", nil])
        #expect(lesson.cells[0].source == "let v = 0.9 * v + g\nprint(v)\n")
        #expect(lesson.cells[1].source == "let x = 1\n  y\n")
        #expect(lesson.cells[2].source == "print(1)\n")
        #expect(lesson.cells[3].source == "plain ``` inside\n")
        #expect(lesson.cells.map(\.isNested) == [false, true, true, false])
    }

    @Test func attributesKeepOrderAndQuotedValues() {
        let cell = Self.text.lesson.cells[0]
        #expect(cell.attributes == ["exercise": "momentum", "points": "2", "hidden": "", "title": "a b"])
        #expect(cell.attributes.keys == ["exercise", "points", "hidden", "title"])
        #expect(cell.attributes != ["points": "2", "exercise": "momentum", "hidden": "", "title": "a b"])
        #expect(cell.exercise == "momentum")
        #expect(cell.points == 2)
        #expect(cell.hidden)
        #expect(cell.runs)
        #expect(!cell.norun && !cell.hide && !cell.raises)
        #expect(cell.test == nil && cell.timeout == nil)
    }

    @Test func typedAccessorsDefaults() {
        let cells = Self.text.lesson.cells
        #expect(!cells[1].runs, "norun cell must not run")
        #expect(cells[1].norun)
        #expect(!cells[2].runs, "python cells do not run")
        #expect(cells[1].points == 1)
        let lesson = Lesson.parse(source: """
            ```swift test=momentum raises="shape mismatch" timeout=2.5 hide
            ```
            """, path: "t.md")
        let cell = lesson.cells[0]
        #expect(cell.test == "momentum")
        #expect(cell.raises && cell.raisesMatching == "shape mismatch")
        #expect(cell.timeout == 2.5)
        #expect(cell.hide && cell.runs)
        #expect(cell.source == "")
    }

    @Test func positionsOfFirstCodeLine() {
        let lesson = Self.text.lesson
        #expect(lesson.cells[0].location == Self.text["1️⃣"])
        #expect(lesson.cells[1].location == Self.text["2️⃣"], "inside a list item")
        #expect(lesson.cells[2].location == Self.text["4️⃣"], "inside a blockquote")
        #expect(lesson.cells[3].location == Self.text["5️⃣"])
        #expect(lesson.cells[0].line == 9 && lesson.cells[0].column == 1)
    }

    @Test func mappingCellPositionsToFile() {
        let lesson = Self.text.lesson
        let first = lesson.cells[0]
        #expect(first.location(line: 1, column: 5) == Self.text["1️⃣"].advanced(byColumns: 4))
        #expect(first.location(line: 2, column: 1).line == Self.text["1️⃣"].line + 1)
        let nested = lesson.cells[1]
        #expect(nested.location(line: 1, column: 5) == Self.text["2️⃣"].advanced(byColumns: 4))
        #expect(nested.location(line: 2, column: 3) == Self.text["3️⃣"])
        #expect(lesson.cells[2].location(line: 1, column: 7) == Self.text["4️⃣"].advanced(byColumns: 6))
    }

    @Test func fenceRangeCoversOpeningToClosingFence() {
        let text = Marked("""
            Intro

            1️⃣```swift
            let a = 1
            ```2️⃣
            """)
        let cell = text.lesson.cells[0]
        #expect(cell.fenceRange.start == text["1️⃣"])
        #expect(cell.fenceRange.end == text["2️⃣"])
    }

    @Test func malformedAttributesAreDiagnosedWhereWritten() {
        let text = Marked("""
            # Errors

            ```swift 1️⃣points=two 2️⃣timeout=-1 3️⃣=x
            ```

            ```swift a=1 title=4️⃣"unterminated
            ```

            ```swift 5️⃣exercise 6️⃣test=a b=7️⃣ 8️⃣test=b
            ```
            """)
        let diagnostics = text.lesson.diagnostics
        let byLocation = Dictionary(grouping: diagnostics, by: \.location)
        for marker in ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "8️⃣"] {
            #expect(byLocation[text[marker]]?.first?.severity == .error, "no error at \(marker): \(diagnostics)")
        }
        let emptyValue = diagnostics.first { $0.message.contains("expected a value after 'b='") }
        #expect(emptyValue?.location == text["7️⃣"].advanced(byColumns: -1))
        #expect(emptyValue?.fixIt?.replacement == "")
        let duplicate = diagnostics.first { $0.message.contains("duplicate attribute 'test'") }
        #expect(duplicate?.notes.first?.location == text["6️⃣"])
        #expect(text.lesson.cells[0].points == 1, "invalid points fall back to the default")
        #expect(diagnostics.count == 7, "\(diagnostics.map(\.description))")
        #expect(diagnostics.first?.description.hasPrefix("lesson.md:3:10: error: 'points'") == true)
    }

    @Test func indentedCodeIsNotACell() {
        let lesson = Lesson.parse(source: "Text\n\n    ```swift\n    let a = 1\n", path: "i.md")
        #expect(lesson.cells.isEmpty)
        guard case .codeBlock(_, let cell) = lesson.document.children[1].kind else {
            Issue.record("expected a code block, got \(lesson.document.children)")
            return
        }
        #expect(cell == nil)
    }

    // MARK: visibility= on test cells: Gradescope's four values, how they relate to `hidden`, the errors.

    @Test func eachValueMapsAndAnythingButVisibleHidesTheCode() {
        let lesson = Lesson.parse(source: """
            # Visibilities

            ```swift test=a
            ```

            ```swift test=a hidden
            ```

            ```swift test=a visibility=visible
            ```

            ```swift test=a visibility=hidden
            ```

            ```swift test=a visibility=after_due_date
            ```

            ```swift test=a hidden visibility=after_published
            ```
            """, path: "v.md")
        #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
        #expect(lesson.cells.map(\.visibility) == [.visible, .hidden, .visible, .hidden, .afterDueDate, .afterPublished])
        #expect(lesson.cells.map(\.hidden) == [false, true, false, true, true, true])
    }

    @Test func malformedVisibilityIsALocatedErrorNamingTheValues() {
        let text = Marked("""
            # Errors

            ```swift test=a 1️⃣visibility=later
            ```

            ```swift 2️⃣visibility=hidden
            ```

            ```swift test=a 3️⃣hidden 4️⃣visibility=visible
            ```
            """)
        let diagnostics = text.lesson.diagnostics
        #expect(diagnostics.count == 3, "\(diagnostics.map(\.description))")
        #expect(diagnostics.map(\.severity) == [.error, .error, .error])
        #expect(diagnostics.map(\.location) == [text["1️⃣"], text["2️⃣"], text["4️⃣"]])
        #expect(diagnostics.first?.message
            == "'visibility' must be one of visible, hidden, after_due_date, after_published, not 'later'")
        #expect(diagnostics.dropFirst().first?.message.hasPrefix("'visibility' is for test cells (test=ID)") == true)
        #expect(diagnostics.last?.message.hasPrefix("'visibility=visible' contradicts 'hidden'") == true)
        #expect(diagnostics.last?.notes.first?.location == text["3️⃣"])
        // A typo never shows a test: the unknown value counts as hidden.
        #expect(text.lesson.cells[0].visibility == .hidden && text.lesson.cells[0].hidden)
    }
}
