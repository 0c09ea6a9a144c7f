import ArgumentParser
import Foundation
import Grading

/// `gradus check LESSON.md`: a student's self-check against the visible tests.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a lesson and its visible tests; print each test's result and the hidden tests' points.",
        discussion: "Exit status: 0 when every visible test passes, 1 otherwise, 64 for bad usage."
    )

    @Argument(help: "Your copy of the lesson.")
    var lesson: String

    @Option(help: "Seconds each cell may run, as 'gradus grade --timeout' (tests: the limits the release recorded, at most this).")
    var timeout: Double = 5

    @Flag(help: "Give every test --timeout seconds, as 'gradus grade --fixed-limits', ignoring the limits the release recorded.")
    var fixedLimits = false

    @OptionGroup var kernel: KernelOptions

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let report: CheckReport
        do {
            report = try SelfCheck.run(path: lesson, timeout: timeout, adaptiveLimits: !fixedLimits,
                                   executor: kernel.executor(width: 1))
        } catch let error as LessonErrors {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.validationFailure
        }
        print(report.text, terminator: "")
        if !report.allPassed || !report.cellErrors.isEmpty { throw ExitCode.failure }
    }
}
