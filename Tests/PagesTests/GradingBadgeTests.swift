import Lessons
import Testing
@testable import Pages

/// Exercise and test cells carry a badge on the page, so readers can tell them from ordinary cells.
@Suite struct GradingBadgeTests {
    let lesson = Lesson.parse(source: """
        ---
        title: Badges
        ---

        ```swift exercise=momentum
        let a = 1
        ```

        ```swift test=momentum points=2
        let b = 2
        ```

        ```swift test=momentum hidden
        let c = 3
        ```

        ```swift
        let d = 4
        ```
        """, path: "badges.md")

    @Test func badgesNameTheExerciseAndThePoints() throws {
        #expect(lesson.cells.count == 4)
        #expect(lesson.cells.map(CellHTML.gradingBadge) == [
            "exercise momentum", "test of momentum, 2 points", "hidden test of momentum, 1 point", nil,
        ])
        let html = CellHTML.html(lesson.cells[1], result: nil)
        #expect(html.contains("<span class=\"badge grading\">test of momentum, 2 points</span>"))
        #expect(!CellHTML.html(lesson.cells[3], result: nil).contains("badge"))
    }
}
