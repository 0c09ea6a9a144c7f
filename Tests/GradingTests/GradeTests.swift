import Foundation
import Testing

/// `gradus grade` on a fixture batch holding every bad case and every cheating attempt.
@Suite struct GradeTests {
    /// Each student's expected gradebook rows: (momentum score, status), (square score, status).
    static let expected: [String: [(Int, String)]] = [
        "alice": [(5, "passed"), (3, "passed")],
        "bob": [(0, "failed"), (3, "passed")],
        "carol": [(0, "failed"), (3, "passed")],
        "dave": [(0, "empty"), (0, "empty")],
        "erin": [(0, "not-utf8"), (0, "not-utf8")],
        "frank": [(0, "too-large"), (0, "too-large")],
        "grace": [(0, "missing"), (0, "missing")],
        "heidi": [(0, "unparsable"), (0, "unparsable")],
        "ivan": [(5, "passed"), (0, "no-exercise")],
        "judy": [(5, "passed"), (0, "failed")],
        "ken": [(0, "failed"), (0, "failed")],
        "leo": [(5, "passed"), (0, "failed")],
        "mallory": [(0, "not-completed"), (0, "not-completed")],
    ]

    /// The submissions folder, written once for all tests.
    static let submissions: String = {
        do { return try makeSubmissions() } catch { return "error: \(error)" }
    }()

    static func makeSubmissions() throws -> String {
        let root = try Support.scratch("submissions")
        func put(_ student: String, _ text: String) throws { try Support.write(text, to: "\(root)/\(student)/momentum.md") }
        try put("alice", try Support.keyText())
        try put("bob", try Support.submission(momentum: "    state.v = 0.8 * state.v - 0.01 * g\n    w += state.v\n"))
        try put("carol", try Support.submission(momentum: "    while true { }\n"))
        try put("dave", "")
        try FileManager.default.createDirectory(atPath: root + "/erin", withIntermediateDirectories: true)
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: root + "/erin/momentum.md"))
        try put("frank", try Support.keyText() + String(repeating: "padding line\n", count: 90_000))
        try FileManager.default.createDirectory(atPath: root + "/grace", withIntermediateDirectories: true)
        try put("heidi", "---\ntitle: [unclosed\n---\n\n```swift exercise=momentum\nlet x = 1\n```\n")
        try put("ivan", try Support.keyText().replacingOccurrences(of: "```swift exercise=square", with: "```swift"))
        // judy redefines `expect` so every check would pass.
        try put("judy", try Support.submission(square: "    return 2 * x\n}\nfunc expect(_ condition: Bool, _ message: String) {\n    print(\"ok\")\n"))
        // ken imports a module and reads a file.
        try put("ken", try Support.submission(momentum: "    w += state.v\n}\nimport Foundation\nfunc unused() {\n",
                                              square: "    let secret = String(contentsOfFile: \"/etc/passwd\")\n    return x * x\n"))
        // leo prints what a naive grader would take for a pass.
        try put("leo", try Support.submission(square: "    print(\"PASSED\")\n    print(\"{\\\"score\\\": 100}\")\n    return x + x\n"))
        let released = root + "-released"
        _ = try Support.run(["release", Support.course, "--out", released])
        try put("mallory", try Support.read(released + "/momentum.md"))
        return root
    }

    static func grade(_ out: String, _ extra: [String] = []) throws -> Support.Outcome {
        try Support.run(["grade", "--key", Support.course, submissions, "--out", out, "--timeout", "1", "--jobs", "2"] + extra)
    }

    /// One reference run shared by the tests that only read it.
    static let reference: Result<String, Error> = Result {
        let out = try Support.scratch("graded")
        let outcome = try grade(out)
        guard outcome.status == 0 else { throw GradeFailure(text: outcome.stderr) }
        return out
    }

    struct GradeFailure: Error { var text: String }

    @Test func everyStudentHasRowsWithTheExpectedScores() throws {
        let out = try Self.reference.get()
        let csv = try Support.read(out + "/gradebook.csv")
        var lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.removeFirst() == "student,lesson,exercise,score,max_score,status")
        var rows: [String: [(Int, String)]] = [:]
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 6)
            #expect(fields[1] == "momentum")
            #expect(fields[4] == (fields[2] == "momentum" ? "5" : "3"))
            rows[fields[0], default: []].append((Int(fields[3]) ?? -1, fields[5]))
        }
        #expect(lines.count == 2 * Self.expected.count)
        #expect(lines.map { String($0.prefix { $0 != "," }) } == lines.map { String($0.prefix { $0 != "," }) }.sorted())
        for (student, want) in Self.expected {
            let got = rows[student] ?? []
            #expect(got.map(\.0) == want.map(\.0), "\(student) scores")
            #expect(got.map(\.1) == want.map(\.1), "\(student) statuses")
        }
    }

    @Test func failuresCarryReasonsAStudentCanActOn() throws {
        let out = try Self.reference.get()
        let carol = try Support.read(out + "/students/carol/results.json")
        #expect(carol.contains("time limit exceeded: the test ran longer than 1 s"))
        let bob = try Support.read(out + "/students/bob/results.json")
        #expect(bob.contains("the trajectories part at step 2 of 50"))
        let judy = try Support.read(out + "/students/judy/results.json")
        #expect(judy.contains("'expect' is reserved"))
        let ken = try Support.read(out + "/students/ken/results.json")
        #expect(ken.contains("'import' is not available"))
        #expect(ken.contains("cannot find 'String' in scope") || ken.contains("String"))
        let frank = try Support.read(out + "/students/frank/results.json")
        #expect(frank.contains("over the limit of 1048576 bytes"))
    }

    @Test func resultsFollowGradescopeSchemaAndHideHiddenTests() throws {
        let out = try Self.reference.get()
        for student in Self.expected.keys {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/students/\(student)/results.json"))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            // Gradescope's fields, but no execution_time: a batch run's files are byte-identical across runs.
            #expect(Set(object.keys) == ["score", "output", "visibility", "stdout_visibility", "tests"])
            #expect(object["visibility"] as? String == "visible" && object["stdout_visibility"] as? String == "hidden")
            let tests = try #require(object["tests"] as? [[String: Any]])
            #expect(tests.count == 4)
            #expect(tests.map { $0["number"] as? String } == ["1.1", "1.2", "1.3", "1.4"])
            var total = 0
            for test in tests {
                #expect(Set(test.keys) == ["name", "number", "score", "max_score", "status", "output", "output_format", "visibility"])
                #expect(test["output_format"] as? String == "text")
                let status = try #require(test["status"] as? String)
                #expect(status == "passed" || status == "failed")
                let score = try #require(test["score"] as? Int)
                #expect(score == (status == "passed" ? test["max_score"] as? Int : 0))
                total += score
                if test["visibility"] as? String == "hidden" {
                    #expect(test["output"] as? String == status)
                } else {
                    #expect(test["visibility"] as? String == "visible")
                }
            }
            #expect(object["score"] as? Int == total)
            #expect(total == Self.expected[student]?.reduce(0) { $0 + $1.0 })
        }
    }

    @Test func feedbackShowsTheStudentsCodeButNotHiddenTests() throws {
        let out = try Self.reference.get()
        let page = try Support.read(out + "/students/bob/feedback.html")
        // Code is highlighted: read it with the markup taken out.
        let text = page.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        #expect(text.contains("0.8 * state.v"))
        #expect(page.contains("tok-kw"))
        #expect(page.contains("Hidden test momentum test 2 failed"))
        #expect(!page.contains("Beale"))
        #expect(!page.contains("square(0.5)"))
        #expect(page.contains("Total: 3 / 8 points."))
        // The lesson's title shows once, as its section's heading; formulas render with KaTeX beside the page.
        #expect(page.components(separatedBy: ">Momentum</h2>").count == 2, "one title heading for the lesson")
        #expect(!page.contains("<h1 id=\"momentum\""))
        #expect(page.contains("<span class=\"math inline\">\\(v\\)</span>"))
        #expect(page.contains("<script defer src=\"katex/katex.min.js\">"))
        #expect(FileManager.default.fileExists(atPath: out + "/students/bob/katex/katex.min.js"))
        let leo = try Support.read(out + "/students/leo/feedback.html")
        #expect(leo.contains("PASSED"), "printed output is shown")
        #expect(leo.contains("Test square test 1 failed"))
    }

    @Test func requireSandboxGradesWhereEveryLayerHolds() throws {
        // Developers' machines and CI run as root, where every layer applies; elsewhere the
        // command must refuse with the missing layers named, never grade silently unprotected.
        let out = try Support.scratch("require-sandbox")
        let outcome = try Self.grade(out, ["--require-sandbox"])
        if getuid() == 0 {
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(FileManager.default.fileExists(atPath: out + "/gradebook.csv"))
        } else {
            #expect(outcome.status == 0 || outcome.stderr.contains("--require-sandbox: this machine cannot apply every sandbox layer"))
        }
    }

    @Test func aMemorySizeThatIsNotOneIsBadUsage() throws {
        let outcome = try Self.grade(try Support.scratch("bad-memory"), ["--memory", "10M"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--memory must be a size between 768M and 1024G"))
    }

    @Test func gradingTwiceWritesIdenticalFiles() throws {
        let first = try Self.reference.get()
        let second = try Support.scratch("graded-again")
        #expect(try Self.grade(second).status == 0)
        #expect(try Self.snapshot(first) == Self.snapshot(second))
    }

    @Test func shardsMergeIntoWhatOneRunWrites() throws {
        let one = try Self.reference.get()
        var parts: [String] = []
        for index in 0..<3 {
            let part = try Support.scratch("shard-\(index)")
            #expect(try Self.grade(part, ["--shard", "\(index)/3"]).status == 0)
            parts.append(part)
        }
        // KaTeX's files beside each feedback page are not counted: the same in every folder.
        let sizes = try parts.map { try Self.snapshot($0).keys.filter { !$0.contains("/katex/") }.count }
        #expect(sizes.allSatisfy { $0 > 1 } && sizes.reduce(0, +) == 3 + 2 * Self.expected.count)
        let merged = try Support.scratch("merged")
        let merge = try Support.run(["grade", "--merge"] + parts + ["--out", merged])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Self.snapshot(merged) == Self.snapshot(one))
    }

    @Test func gradescopeModeWritesResultsWhereGradescopeLooksForThem() throws {
        let root = try Support.scratch("autograder")
        try Support.write(try Support.submission(square: "    return 2 * x\n"), to: root + "/submission/momentum.md")
        let outcome = try Support.run(["grade", "--gradescope", "--root", root, "--key", Support.course, "--timeout", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/results/results.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["score"] as? Int == 5)
    }

    @Test func gradescopeModeOutsideGradescopeWritesNothing() throws {
        let root = try Support.scratch("not-autograder")
        let outcome = try Support.run(["grade", "--gradescope", "--root", root, "--key", Support.course, "--timeout", "2"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--gradescope: no folder '\(root)/submission'"))
        #expect(!FileManager.default.fileExists(atPath: root + "/results"))
    }

    /// Every file under `folder` by relative path, with its bytes.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }
}
