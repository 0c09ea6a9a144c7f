import Foundation
import Grading
import Snippets
import Testing

/// `gradus check`: per visible test passed or failed with the message, hidden points without names.
@Suite struct CheckTests {
    @Test func releasedCopyFailsEveryVisibleTestAsNotCompleted() throws {
        let out = try Support.scratch("check-released")
        #expect(try Support.run(["release", Support.course, "--out", out]).status == 0)
        let check = try Support.run(["check", out + "/momentum.md"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("momentum test 1 (2 points): failed: exercise not completed yet"))
        #expect(check.stdout.contains("square test 1 (1 point): failed: exercise not completed yet"))
        #expect(check.stdout.contains("hidden tests: 5 more points"))
        #expect(!check.stdout.contains("Beale"))
    }

    @Test func partlyWrongCopyNamesTheFailingExpectation() throws {
        let out = try Support.scratch("check-wrong")
        try Support.write(try Support.submission(square: "    return 2 * x\n"), to: out + "/momentum.md")
        let report = try SelfCheck.run(path: out + "/momentum.md", executor: InProcessExecutor())
        #expect(report.tests.map(\.passed) == [true, false])
        #expect(report.tests[1].message.hasPrefix("expected 9.0, got 6.0"))
        #expect(report.hiddenPoints == 5 && report.hiddenTests == 2)
        #expect(!report.allPassed)
        let check = try Support.run(["check", out + "/momentum.md"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("momentum test 1 (2 points): passed"))
    }

    @Test func keyPassesItsVisibleTestsAndExitsZero() throws {
        let check = try Support.run(["check", Support.keyLesson])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("visible tests: 2 of 2 passed, 3 of 3 points"))
    }
}
