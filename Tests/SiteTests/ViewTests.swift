import Foundation
import Testing
@testable import Site

/// The students' view (the default) and the instructor's (`--solutions`) of a course with exercises.
@Suite struct ViewTests {
    /// One exercise written as a function, one as a closure, their tests, and a hidden test each.
    static let exercises: [(String, String)] = [
        ("01-square.md", """
            ---
            title: Squares
            ---

            # Squares

            ```swift hide
            let two = 2.0
            ```

            ```swift exercise=square
            func square(_ x: Double) -> Double {
                // BEGIN SOLUTION
                return x * x * secretFactor
                // END SOLUTION
            }
            let secretFactor = 1.0
            ```

            ```swift test=square points=2
            expectClose(square(3), 9, tolerance: 1e-12)
            ```

            ```swift test=square hidden points=3
            let hiddenProbe = 0.5
            expectClose(square(hiddenProbe), 0.25)
            ```

            ```swift
            print("after the exercise", two)
            ```
            """),
        ("02-momentum.md", """
            ---
            title: Momentum
            ---

            # Momentum

            ```swift exercise=momentum
            let myMomentum = Optimizer("momentum") { w, g, state in
                // BEGIN SOLUTION
                state.v = 0.9 * state.v - 0.01 * g
                w += state.v
                // END SOLUTION
            }
            ```

            ```swift test=momentum
            expectSameTrajectory(myMomentum, SGD(lr: 0.01, momentum: 0.9), on: Rosenbrock(), from: [-1.5, 2], steps: 20)
            ```

            ```swift test=momentum hidden
            expectSameTrajectory(myMomentum, SGD(lr: 0.01, momentum: 0.9), on: Beale(), from: [1, 1], steps: 30)
            ```
            """),
    ]

    /// Lines of the solutions and hidden tests above, none of which may reach the students' site.
    static let secrets = ["return x * x * secretFactor", "state.v = 0.9 * state.v - 0.01 * g", "w += state.v",
                          "square(hiddenProbe)", "on: Beale()"]

    static let pages = ["index.html", "01-square.html", "02-momentum.html"]

    /// A page's text as a reader sees it: tags dropped (the highlighter's spans split code lines), entities decoded.
    static func text(_ html: String) -> String {
        HTMLText.plain(Substring(html.replacing(/<[^>]*>/, with: "")))
    }

    @Test func theStudentsViewHasNoSolutionNoHiddenTestAndRunsNoTest() throws {
        let fixture = try Fixture(lessons: Self.exercises)
        defer { fixture.remove() }
        let report = try fixture.build()
        #expect(!report.failed, "\(report.lessons.flatMap(\.failures))")
        #expect(report.wroteSite)
        // The hide cell, the exercise and the print run; the tests do not.
        #expect(report.lessons.map(\.cellsRun) == [3, 1])
        let search = try fixture.read("site/search.json")
        for page in Self.pages {
            let html = try fixture.read("site/" + page)
            let text = Self.text(html)
            for secret in Self.secrets {
                #expect(!text.contains(secret), "\(page) shows '\(secret)'")
                #expect(!search.contains(secret), "search.json holds '\(secret)'")
            }
            #expect(!html.contains("view-banner"), "\(page) carries the instructor's banner")
            #expect(!html.contains("error-box"), "\(page) shows an error box")
        }
        let square = try fixture.read("site/01-square.html")
        #expect(Self.text(square).contains("// YOUR CODE HERE\n    todo()"))
        #expect(Self.text(square).contains("expectClose(square(3), 9, tolerance: 1e-12)"), "a visible test's code is shown")
        #expect(square.contains("<p class=\"cell-note\" role=\"note\">Not run on this page: this test runs when you check your work with <code>gradus check 01-square.md</code>.</p>"))
        #expect(square.contains("<p class=\"cell-note\" role=\"note\"><strong>To do:</strong> exercise not completed yet. Replace <code>todo()</code> with your code"))
        #expect(!square.contains("test of square, 3 points"), "the hidden test is drawn")
        #expect(square.contains("after the exercise 2"), "cells after the exercise still run")
    }

    @Test func theInstructorsViewShowsEverythingUnderABannerOnEveryPage() throws {
        let fixture = try Fixture(lessons: Self.exercises)
        defer { fixture.remove() }
        var options = fixture.options
        options.view = .solutions
        let report = try SiteBuilder.build(options)
        #expect(!report.failed, "\(report.lessons.flatMap(\.failures))")
        #expect(report.lessons.map(\.cellsRun) == [5, 3])
        let search = try fixture.read("site/search.json")
        for page in Self.pages {
            let html = try fixture.read("site/" + page)
            #expect(html.contains("<div class=\"view-banner\" role=\"note\"><strong>Instructor's view, with solutions.</strong>"), "\(page) has no banner")
        }
        let text = try Self.pages.map { Self.text(try fixture.read("site/" + $0)) }.joined()
        for secret in Self.secrets {
            #expect(text.contains(secret), "the instructor's view lacks '\(secret)'")
            #expect(search.contains(secret), "the instructor's search index lacks '\(secret)'")
        }
        #expect(try fixture.read("site/01-square.html").contains("<span class=\"badge grading\">hidden test of square, 3 points</span>"))
        #expect(!text.contains("YOUR CODE HERE"))
        #expect(!text.contains("Not run on this page"))
    }

    @Test func theViewsKeepTheirOwnCachedResults() throws {
        let fixture = try Fixture(lessons: Self.exercises)
        defer { fixture.remove() }
        var solutions = fixture.options
        solutions.view = .solutions
        #expect(try fixture.build().cellsRun == 4)
        #expect(try SiteBuilder.build(solutions).cellsRun == 8)
        // Each view finds its own results: building one did not prune or overwrite the other's.
        #expect(try fixture.build().cellsRun == 0)
        #expect(try SiteBuilder.build(solutions).cellsRun == 0)
        let student = try FileManager.default.contentsOfDirectory(atPath: fixture.cache + "/cells/student")
        let instructor = try FileManager.default.contentsOfDirectory(atPath: fixture.cache + "/cells/solutions")
        #expect(student.count == 4 && instructor.count == 8)
        #expect(Set(student).isDisjoint(with: instructor), "a key is shared between the views")
        #expect(!Self.text(try fixture.read("site/01-square.html")).contains("YOUR CODE HERE"), "the last build was the instructor's")
    }

    /// An exercise whose solution is top-level code stops at `todo()` in the students' view: that
    /// cell is "not completed" (no error), but a later cell using what it defines fails, and its
    /// error says why, so the author can rewrite the exercise as a function.
    @Test func aCellUsingATopLevelExerciseFailsWithANoteSayingWhy() throws {
        let fixture = try Fixture(lessons: [("01-rate.md", """
            ---
            title: Rate
            ---

            ```swift exercise=rate
            let chosenRate = 0.1
            ```

            ```swift test=rate
            expect(chosenRate < 1)
            ```

            ```swift
            print(chosenRate * 2)
            ```
            """)])
        defer { fixture.remove() }
        let report = try fixture.build()
        let lesson = try #require(report.lessons.first)
        #expect(lesson.cellsFailed == 1 && report.failed)
        let error = try #require(lesson.failures.first)
        #expect(error.message.contains("chosenRate"), "\(error.message)")
        #expect(error.location.line == 15, "\(error.location)")
        let note = try #require(error.notes.first)
        #expect(note.message.contains("exercise 'rate' stops at todo() in the students' view"))
        #expect(note.location?.line == 6)
        let page = try fixture.read("site/01-rate.html")
        #expect(page.components(separatedBy: "class=\"error-box\"").count == 2, "one error box, the print cell's")
        #expect(page.contains("exercise not completed yet"))
        // The instructor's view runs the solution: nothing fails, and no such note.
        var options = fixture.options
        options.view = .solutions
        #expect(try !SiteBuilder.build(options).failed)
    }

    @Test func anOpenSolutionRegionIsACourseErrorInTheStudentsView() throws {
        let open = Self.exercises[0].1.replacing("    // END SOLUTION\n", with: "")
        #expect(open != Self.exercises[0].1)
        let fixture = try Fixture(lessons: [("01-square.md", open)])
        defer { fixture.remove() }
        let report = try fixture.build()
        #expect(!report.wroteSite && report.failed)
        let error = try #require(report.courseDiagnostics.first)
        #expect(error.message.contains("never closed"))
        #expect(error.location.path.hasSuffix("01-square.md") && error.location.line == 13, "\(error.location)")
        #expect(!FileManager.default.fileExists(atPath: fixture.site + "/index.html"))
    }
}
