import Testing
@testable import Lessons

/// `visibility=` on test cells: Gradescope's four values, how they relate to `hidden`, and the errors.
@Suite struct VisibilityTests {
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
