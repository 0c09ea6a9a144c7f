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

    @Option(help: "Seconds each cell may run (default: the lesson's own limit).")
    var timeout: Double?

    @OptionGroup var kernel: KernelOptions

    func run() throws {
        let report: CheckReport
        do {
            report = try SelfCheck.run(path: lesson, timeout: timeout, executor: kernel.executor(width: 1))
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
