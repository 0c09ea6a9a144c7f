import ArgumentParser
import Foundation
import Grading

/// `gradus release LESSONS... --out DIR`: student copies with solutions and hidden tests taken out.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Write student copies of lessons: solutions become todo(), hidden tests are emptied.",
        discussion: """
            Each region between '// BEGIN SOLUTION' and '// END SOLUTION' in an exercise cell becomes \
            '// YOUR CODE HERE' and 'todo()'; hidden test cells keep their fence with no code. Every \
            other byte is kept. A course folder is released whole (course.yml and theme/ copied). Each \
            lesson with exercises is run once to time its tests, and its copy ends with a one-line \
            comment that 'gradus check' reads (the cells released and each test's time limit). \
            Exit status: 0 on success, 1 when a lesson has errors (nothing is written), 64 for bad usage.
            """
    )

    @Argument(help: "Lesson files or course folders (holding course.yml).")
    var lessons: [String]

    @Option(help: "The folder to write the student copies into.")
    var out: String

    @Option(help: "Seconds each test may run when graded (as 'gradus grade --timeout'); tests are limited to 20 times the key's time, at least 1 s, at most this.")
    var timeout: Double = 5

    @OptionGroup var kernel: KernelOptions

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        do {
            let report = try Release.release(lessons, to: out, timeout: timeout, executor: kernel.executor(width: ProcessInfo.processInfo.activeProcessorCount))
            for warning in report.warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
            print("released \(report.written.count) file\(report.written.count == 1 ? "" : "s") into \(out): "
                + "\(report.exercises) exercise\(report.exercises == 1 ? "" : "s"), \(report.hiddenTests) hidden test\(report.hiddenTests == 1 ? "" : "s") removed")
        } catch let error as GradingError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.validationFailure
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
