import Foundation
import Grading
import Lessons
import Testing

/// `gradus release`: solutions and hidden tests gone, every other byte kept, the copy still builds.
@Suite struct ReleaseTests {
    @Test func solutionsBecomeTodoAndHiddenTestsAreEmptied() throws {
        let key = try Lesson.load(path: Support.keyLesson)
        let released = try Release.release(key)
        #expect(!released.contains("BEGIN SOLUTION"))
        #expect(!released.contains("state.v = 0.9"))
        #expect(!released.contains("return x * x"))
        #expect(!released.contains("Beale()"), "a hidden test's code leaked")
        #expect(!released.contains("square(0.5)"), "a hidden test's code leaked")
        #expect(released.components(separatedBy: "    // YOUR CODE HERE\n    todo()\n").count == 3)
        // Every line outside the rewritten cells is unchanged, in order.
        let removed: Set<String> = ["    // BEGIN SOLUTION", "    // END SOLUTION", "    state.v = 0.9 * state.v - 0.01 * g",
                                    "    w += state.v", "    return x * x",
                                    "expectSameTrajectory(myMomentum, SGD(lr: 0.01, momentum: 0.9), on: Beale(), from: [1, 1], steps: 200)",
                                    "expectClose(square(0.5), 0.25)"]
        let kept = try Support.keyText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !removed.contains($0) }
        let added: Set<String> = ["    // YOUR CODE HERE", "    todo()"]
        #expect(released.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !added.contains($0) } == kept)
        // Hidden tests keep their fence, so check can count their points.
        let copy = Lesson.parse(source: released, path: "copy.md")
        #expect(copy.cells.filter { $0.hidden && $0.test != nil }.map(\.source) == ["", ""])
        #expect(copy.cells.map(\.attributes) == key.cells.map(\.attributes))
    }

    @Test func unclosedSolutionRegionIsAnErrorAtTheMarker() throws {
        let lesson = Lesson.parse(source: "# L\n\n```swift exercise=a\nlet x = 1\n// BEGIN SOLUTION\nlet y = 2\n```\n", path: "l.md")
        #expect(throws: LessonDiagnostic.self) { try Release.release(lesson) }
        do {
            _ = try Release.release(lesson)
        } catch {
            #expect(error.location.line == 5)
            #expect(error.message.contains("never closed"))
        }
    }

    @Test func releasedCourseBuildsWithExercisesShownNotCompleted() throws {
        let out = try Support.scratch("release")
        let released = out + "/course"
        let release = try Support.run(["release", Support.course, "--out", released])
        #expect(release.status == 0, "\(release.stderr)")
        #expect(try Support.read(released + "/course.yml") == Support.read(Support.course + "/course.yml"))
        let site = out + "/site"
        let build = try Support.run(["build", "--lessons", released, "--out", site, "--no-cache"])
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(build.stdout.contains("0 failed"))
        let page = try Support.read(site + "/momentum.html")
        #expect(page.contains("exercise not completed yet"))
        #expect(!page.contains("error-box"))
        #expect(!page.contains("Beale"))
    }
}
