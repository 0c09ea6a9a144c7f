import Foundation
import Testing

/// `results.json` as Gradescope reads it, test visibilities, and `--gradescope` against a fake root.
@Suite struct GradescopeTests {
    /// A key with one exercise and a test of each visibility, every test failing the same way for a wrong answer.
    static let key = """
        ---
        title: Double
        ---

        ```swift exercise=double
        func double(_ x: Double) -> Double {
            // BEGIN SOLUTION
            return 2 * x
            // END SOLUTION
        }
        ```

        ```swift test=double
        expect(double(3) == 6, "double(3) should be 6")
        ```

        ```swift test=double hidden points=2
        expect(double(3) == 6, "double(3) should be 6")
        ```

        ```swift test=double visibility=after_due_date points=3
        expect(double(3) == 6, "double(3) should be 6")
        ```

        ```swift test=double visibility=after_published points=4
        expect(double(3) == 6, "double(3) should be 6")
        ```

        ```swift test=double visibility=hidden points=5
        expect(double(3) == 6, "double(3) should be 6")
        ```

        """

    static let wrong = key.replacingOccurrences(of: "return 2 * x", with: "return 3 * x")

    /// `root/key/double.md` and a fresh `root/submission/double.md` holding `submission`.
    static func autograderRoot(_ name: String, submission: String) throws -> String {
        let root = try Support.scratch(name)
        try Support.write(key, to: root + "/key/double.md")
        try Support.write(submission, to: root + "/submission/double.md")
        return root
    }

    static func results(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyVisibilityReachesResultsAndOnlyHiddenTestsKeepTheirReason() throws {
        let root = try Self.autograderRoot("visibilities", submission: Self.wrong)
        let outcome = try Support.run(["grade", "--gradescope", "--root", root, "--key", root + "/key", "--timeout", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try Self.results(root + "/results/results.json")
        #expect(Set(object.keys) == ["score", "execution_time", "output", "visibility", "stdout_visibility", "tests"])
        #expect((object["execution_time"] as? Int).map { $0 >= 1 } == true, "whole seconds, rounded up")
        #expect(object["score"] as? Int == 0)
        #expect(object["visibility"] as? String == "visible")
        #expect(object["stdout_visibility"] as? String == "hidden")
        #expect(object["output"] as? String == "double.md: 0 of 1 visible test passed")
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.map { $0["visibility"] as? String } == ["visible", "hidden", "after_due_date", "after_published", "hidden"])
        #expect(tests.map { $0["max_score"] as? Int } == [1, 2, 3, 4, 5])
        #expect(tests.map { $0["number"] as? String } == ["1.1", "1.2", "1.3", "1.4", "1.5"])
        #expect(tests.map { $0["name"] as? String } == (1...5).map { "double: double test \($0)" })
        for test in tests {
            #expect(test["status"] as? String == "failed" && test["score"] as? Int == 0)
            #expect(test["output_format"] as? String == "text")
            let output = try #require(test["output"] as? String)
            if test["visibility"] as? String == "hidden" {
                #expect(output == "failed", "a hidden test never says why")
            } else {
                #expect(output.hasPrefix("failed: double(3) should be 6"), "\(output)")
            }
        }
    }

    @Test func aCorrectSubmissionScoresEveryVisibility() throws {
        let root = try Self.autograderRoot("visibilities-correct", submission: Self.key)
        let outcome = try Support.run(["grade", "--gradescope", "--root", root, "--key", root + "/key", "--timeout", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try Self.results(root + "/results/results.json")
        #expect(object["score"] as? Int == 15)
        #expect(object["output"] as? String == "double.md: 1 of 1 visible test passed")
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.allSatisfy { $0["status"] as? String == "passed" && $0["output"] as? String == "passed" })
    }

    @Test func testsShownLaterStayOutOfReleaseAndCheckLikeHiddenOnes() throws {
        let root = try Self.autograderRoot("visibilities-release", submission: Self.wrong)
        let released = root + "/released"
        let release = try Support.run(["release", root + "/key/double.md", "--out", released])
        #expect(release.status == 0, "\(release.stderr)")
        let copy = try Support.read(released + "/double.md")
        #expect(copy.components(separatedBy: "double(3) == 6").count == 2, "only the visible test keeps its code")
        #expect(copy.contains("```swift test=double visibility=after_due_date points=3\n```"))
        let check = try Support.run(["check", root + "/key/double.md", "--timeout", "2"])
        #expect(check.stdout.contains("hidden tests: 14 more points"), "\(check.stdout)")
    }

    @Test func aMisspeltVisibilityIsALocatedErrorListingTheValues() throws {
        let root = try Support.scratch("visibility-typo")
        try Support.write(Self.key.replacingOccurrences(of: "visibility=after_due_date", with: "visibility=after-due-date"),
                          to: root + "/key/double.md")
        let outcome = try Support.run(["grade", "--key", root + "/key", root, "--out", root + "/out"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(
            "double.md:21:22: error: 'visibility' must be one of visible, hidden, after_due_date, after_published, not 'after-due-date'"),
            "\(outcome.stderr)")
    }

    @Test func aBrokenKeyStillTellsTheStudentSomething() throws {
        let root = try Self.autograderRoot("broken-key", submission: Self.key)
        try Support.write(Self.key.replacingOccurrences(of: "points=2", with: "points=two"), to: root + "/key/double.md")
        let outcome = try Support.run(["grade", "--gradescope", "--root", root, "--key", root + "/key"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("'points' must be a whole number"))
        let object = try Self.results(root + "/results/results.json")
        #expect(object["score"] as? Int == 0)
        #expect((object["output"] as? String)?.contains("could not read its answer key") == true)
    }

    @Test(arguments: [
        (["--root", "/tmp"], "--root is for --gradescope runs"),
        (["--gradescope", "--root", "/tmp", "--out", "/tmp/x"], "do not give SUBMISSIONS, --out, --shard or --merge"),
        (["--gradescope", "--root", "/tmp", "/tmp/submissions"], "do not give SUBMISSIONS, --out, --shard or --merge"),
    ])
    func gradescopeMisuseIsBadUsage(arguments: [String], message: String) throws {
        let outcome = try Support.run(["grade", "--key", Support.course] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test func gradescopeOutsideGradescopeIsBadUsage() throws {
        // This machine is not Gradescope: without --root the flag looks in /autograder and stops.
        try #require(!FileManager.default.fileExists(atPath: "/autograder/submission"))
        let outcome = try Support.run(["grade", "--gradescope", "--key", Support.course])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--gradescope: no folder '/autograder/submission'"))
        #expect(!FileManager.default.fileExists(atPath: "/autograder/results"))
    }

    @Test func batchResultsSayWhyAFileWasNotGraded() throws {
        let out = try GradeTests.reference.get()
        let grace = try Self.results(out + "/students/grace/results.json")
        #expect(grace["output"] as? String == "momentum.md: no file 'momentum.md' was handed in")
        let alice = try Self.results(out + "/students/alice/results.json")
        #expect(alice["output"] as? String == "momentum.md: 2 of 2 visible tests passed")
    }
}
