import ArgumentParser
import Foundation
import Grading
import Kernel

/// `gradus grade --key KEY SUBMISSIONS --out DIR`: batch grading in worker processes.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade every student's lessons against the answer key.",
        discussion: """
            SUBMISSIONS holds one folder per student with their edited <lesson>.md files. Writes \
            DIR/gradebook.csv and DIR/students/<student>/results.json (Gradescope's format) and \
            feedback.html. --gradescope grades one submission as Gradescope's autograder does (see \
            `gradus autograder`). \
            --shard K/N grades students K, K+N, K+2N… (0-based, sorted by name); --merge joins shard \
            outputs. See docs/grading.md. Exit status: 0 when grading finished (whatever the scores), \
            1 when the key has errors, 64 for bad usage.
            """
    )

    @Option(help: "The answer key: a course folder with solutions and hidden tests.")
    var key: String?

    @Argument(help: "The submissions folder (one folder per student).")
    var submissions: String?

    @Option(help: "Where to write the gradebook and the students' results.")
    var out: String?

    @Option(help: "Worker processes at once (default: one per core).")
    var jobs: Int?

    @Option(help: "Seconds each test may run at most: a test gets 20 times the key's own time for it, at least 1 s, at most this.")
    var timeout: Double = 5

    @Flag(help: "Give every test --timeout seconds instead of limits from the key's own times.")
    var fixedLimits = false

    @Option(help: "Grade the K-th of N disjoint slices of the students, 0-based: 0/4 … 3/4.")
    var shard: String?

    @Option(parsing: .upToNextOption, help: "Merge the --out folders of shard runs into --out.")
    var merge: [String] = []

    @Flag(help: "Refuse to grade unless every sandbox layer holds (docs/sandbox.md).")
    var requireSandbox = false

    @OptionGroup var kernel: KernelOptions

    @Flag(help: "Run as Gradescope's autograder: ROOT/submission in, ROOT/results/results.json out.")
    var gradescope = false

    @Option(help: "With --gradescope: the folder laid out like Gradescope's (default /autograder), to try an autograder elsewhere.")
    var root: String?

    func validate() throws {
        if root != nil && !gradescope { throw ValidationError("--root is for --gradescope runs") }
        if gradescope && (submissions != nil || out != nil || shard != nil || !merge.isEmpty) {
            throw ValidationError("--gradescope grades ROOT/submission into ROOT/results; do not give SUBMISSIONS, --out, --shard or --merge")
        }
    }

    func run() throws {
        do {
            try grade()
        } catch let error as GradingError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.validationFailure
        } catch let error as LessonErrors {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    private func grade() throws {
        if !merge.isEmpty {
            guard let out else { throw GradingError("--merge needs --out DIR") }
            try Merge.merge(merge, into: out)
            print("merged \(merge.count) folder\(merge.count == 1 ? "" : "s") into \(out)")
            return
        }
        guard let key else { throw GradingError("--key LESSONS_DIR is required") }
        let width = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // Every lesson of every student gets a fresh kernel: nothing one submission does can reach the next.
        let executor = kernel.executor(width: width, reuse: false)
        if requireSandbox {
            guard let pool = executor as? KernelPool else { throw GradingError("--require-sandbox needs kernels") }
            let missing = try pool.missingSandboxLayers()
            if !missing.isEmpty {
                throw GradingError("--require-sandbox: this machine cannot apply every sandbox layer; missing: "
                                   + missing.joined(separator: "; "))
            }
        }
        var options = GradeOptions(keyDirectory: key, submissionsDirectory: submissions ?? "", outputDirectory: out ?? "",
                                   jobs: width, timeout: timeout, executor: executor)
        options.adaptiveLimits = !fixedLimits
        if gradescope {
            let summary = try BatchGrader.gradescope(root: root ?? "/autograder", options: options)
            Self.warn(summary)
            print(Self.describe(summary))
            return
        }
        guard let submissions, let out else { throw GradingError("give the submissions folder and --out DIR") }
        options.submissionsDirectory = submissions
        options.outputDirectory = out
        if let shard { options.shard = try Self.parseShard(shard) }
        let summary = try BatchGrader.grade(options)
        Self.warn(summary)
        print(Self.describe(summary) + " into \(out)")
    }

    /// The key's own failing tests, on standard error before the summary.
    static func warn(_ summary: GradeSummary) {
        for warning in summary.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
    }

    static func parseShard(_ text: String) throws -> (index: Int, count: Int) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 0, index < count else {
            throw GradingError("--shard must be K/N with 0 ≤ K < N, e.g. 0/4, not '\(text)'")
        }
        return (index, count)
    }

    static func describe(_ summary: GradeSummary) -> String {
        let counts = summary.statuses.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }
        return "graded \(summary.students) student\(summary.students == 1 ? "" : "s") × \(summary.lessons) lesson\(summary.lessons == 1 ? "" : "s")"
            + String(format: " in %.1f s", summary.seconds) + (counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")")
    }
}
