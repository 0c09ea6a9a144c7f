import Testing
@testable import Lessons

/// `Lesson.studentCopy`: the one transform behind `gradus release` and the site's students' view.
@Suite struct StudentCopyTests {
    static let key = """
        ---
        title: Copy
        ---

        ```swift exercise=regions
        func f(_ x: Double) -> Double {
            let y = x + 1
            // BEGIN SOLUTION
            return y * y
            // END SOLUTION
        }
        ```

        ```swift exercise=whole
        let chosen = 0.25
        ```

        ```swift test=regions points=2
        expect(f(1) == 4)
        ```

        ```swift test=regions hidden
        expect(f(2) == 9)
        ```

        """

    @Test func solutionsBecomeThePlaceholderAndHiddenTestsAreEmptied() throws {
        let copy = try Lesson.parse(source: Self.key, path: "c.md").studentCopy()
        #expect(copy.path == "c.md")
        #expect(copy.cells.map(\.source) == [
            "func f(_ x: Double) -> Double {\n    let y = x + 1\n    // YOUR CODE HERE\n    todo()\n}\n",
            "// YOUR CODE HERE\ntodo()\n",
            "expect(f(1) == 4)\n",
            "",
        ])
        #expect(copy.cells.map(\.attributes) == Lesson.parse(source: Self.key, path: "c.md").cells.map(\.attributes))
        #expect(copy.cells[3].isHiddenTest && !copy.cells[2].isHiddenTest)
    }

    /// Releasing a released copy changes nothing: a marker-less exercise holding the placeholder is
    /// taken as released, so the copy's own signatures survive (the site builds copies this way).
    @Test func theStudentCopyOfAStudentCopyIsItself() throws {
        let once = try Lesson.parse(source: Self.key, path: "c.md").studentText()
        let twice = try Lesson.parse(source: once, path: "c.md").studentText()
        #expect(twice == once)
        #expect(once != Self.key)
    }

    @Test(arguments: [
        ("```swift exercise=a\n1️⃣// END SOLUTION\n```\n", "without a '// BEGIN SOLUTION' before it"),
        ("```swift exercise=a\n// BEGIN SOLUTION\n1️⃣  // BEGIN SOLUTION\n// END SOLUTION\n```\n", "inside another solution region"),
        ("```swift exercise=a\nlet a = 1\n1️⃣// BEGIN SOLUTION\nlet b = 2\n```\n", "never closed"),
    ])
    func misplacedMarkersAreErrorsAtTheMarker(text: String, message: String) throws {
        let marked = Marked("---\ntitle: T\n---\n\n" + text, path: "m.md")
        do {
            _ = try marked.lesson.studentCopy()
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.location == marked["1️⃣"])
        }
    }
}
