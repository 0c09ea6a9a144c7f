import Foundation
import Testing

/// `gradus check` says what `gradus grade` will say: over a fixture of submissions (a helper in a
/// cell of its own, slow code, errors, `todo()` left, shadowing), each visible test's verdict from
/// `check` on the student's own file equals `grade`'s against the key.
@Suite(.serialized) struct AgreementTests {
    static let key = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/agreement").path
    static let todo = "    // YOUR CODE HERE\n    todo()\n"
    static let right = "    return lr * pow(0.5, Double(step))\n"

    /// Each student's edit of the released copy, and the visible verdicts worked out by hand.
    static let students: [(name: String, edit: @Sendable (String) -> String, expected: [Bool])] = [
        ("right", { $0.replacingOccurrences(of: todo, with: right) }, [true, true]),
        // The helper sits in a new cell above the exercise: grading uses the key's cells, so it is gone.
        ("helper-cell", {
            $0.replacingOccurrences(of: "```swift exercise=decay", with: "```swift\nfunc half(_ x: Double) -> Double { x / 2 }\n```\n\n```swift exercise=decay")
                .replacingOccurrences(of: todo, with: "    var rate = lr\n    for _ in 0..<step { rate = half(rate) }\n    return rate\n")
        }, [false, false]),
        // Correct, but far slower than twenty times the key: past the adaptive limit of 1 s.
        ("slow", { $0.replacingOccurrences(of: todo, with: "    var spin = 0\n    while spin < 50_000_000 { spin += 1 }\n" + right) }, [false, false]),
        ("error", { $0.replacingOccurrences(of: todo, with: "    return lr * rate\n") }, [false, false]),
        ("todo", { $0 }, [false, false]),
        // Right answers, but the cell also redefines the lesson's helper or a builtin the tests use.
        ("shadow", { $0.replacingOccurrences(of: todo, with: right + "}\nfunc clamp(_ x: Double) -> Double {\n    x\n") }, [false, false]),
        ("abs", { $0.replacingOccurrences(of: todo, with: right + "}\nfunc abs(_ x: Double) -> Double {\n    1\n") }, [false, false]),
    ]

    /// The released key, the submissions made from it and one grading run over them.
    static let prepared: Result<(submissions: String, graded: String), Error> = Result {
        let root = try Support.scratch("agreement")
        let release = try Support.run(["release", key, "--out", root + "/released"])
        guard release.status == 0 else { throw Failure(text: release.stderr) }
        let released = try Support.read(root + "/released/decay.md")
        for student in students { try Support.write(student.edit(released), to: "\(root)/submissions/\(student.name)/decay.md") }
        let grade = try Support.run(["grade", "--key", key, root + "/submissions", "--out", root + "/graded", "--jobs", "2"])
        guard grade.status == 0 else { throw Failure(text: grade.stderr) }
        return (root + "/submissions", root + "/graded")
    }

    struct Failure: Error { var text: String }

    /// `check`'s verdict for each visible test, in order, from its printed report.
    static func checkVerdicts(_ report: String) -> [Bool] {
        report.split(separator: "\n").filter { $0.hasPrefix("  decay test ") }.map { $0.hasSuffix("): passed") }
    }

    /// `grade`'s verdict for each visible test of the student, in order, from results.json.
    static func gradeVerdicts(_ graded: String, _ student: String) throws -> [Bool] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(graded)/students/\(student)/results.json"))
        let results = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tests = try #require(results["tests"] as? [[String: Any]])
        return tests.filter { ($0["visibility"] as? String) != "hidden" }.compactMap { test in
            guard let score = test["score"] as? Double, let max = test["max_score"] as? Double else { return nil }
            return score == max
        }
    }

    @Test(arguments: students.map(\.name))
    func checkAgreesWithGrade(_ student: String) throws {
        let (submissions, graded) = try Self.prepared.get()
        let check = try Support.run(["check", "\(submissions)/\(student)/decay.md"])
        let expected = try #require(Self.students.first { $0.name == student }?.expected)
        #expect(Self.checkVerdicts(check.stdout) == expected, "check:\n\(check.stdout)\(check.stderr)")
        #expect(try Self.gradeVerdicts(graded, student) == expected, "grade")
        #expect(check.status == (expected.allSatisfy { $0 } ? 0 : 1))
    }

    @Test func checkWarnsThatAHelperInItsOwnCellWillNotExistWhenGraded() throws {
        let (submissions, _) = try Self.prepared.get()
        let path = "\(submissions)/helper-cell/decay.md"
        let check = try Support.run(["check", path])
        let line = try #require(Support.read(path).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("func half") }) // the fence is the line above, 1-based: index
        #expect(check.stdout.contains("\(path):\(line):1: warning: this cell is not an exercise cell and is not as released; "
                                      + "grading uses the original, so 'half' will not exist when your work is graded"), "\(check.stdout)")
        #expect(check.stdout.contains("cannot find 'half' in scope"))
    }

    @Test func bothApplyTheAdaptiveLimitNotTheConfiguredOne() throws {
        let (submissions, graded) = try Self.prepared.get()
        let check = try Support.run(["check", "\(submissions)/slow/decay.md"])
        #expect(check.stdout.contains("the test ran longer than 1 s"), "\(check.stdout)")
        #expect(try Support.read("\(graded)/students/slow/results.json").contains("the test ran longer than 1 s"))
    }

    @Test func anEditedTestIsReportedAsNotCheckedRatherThanPassed() throws {
        let (submissions, _) = try Self.prepared.get()
        let path = try Support.scratch("agreement-edited-test") + "/decay.md"
        let text = try Support.read("\(submissions)/todo/decay.md")
            .replacingOccurrences(of: "expect(abs(decayed(-8, step: 3)) == 1, \"a negative rate keeps its size\")", with: "expect(true)")
        try Support.write(text, to: path)
        let check = try Support.run(["check", path])
        #expect(check.stdout.contains("decay test 2 (1 point): failed: this test differs from the released copy"), "\(check.stdout)")
        #expect(check.stdout.contains("so your changes to this test are ignored"))
    }
}
