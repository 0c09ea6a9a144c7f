import ArgumentParser
import Foundation
import Grading
import Lessons

/// `gradus autograder KEY --out autograder.zip`: a Gradescope autograder for an answer key.
struct AutograderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autograder",
        abstract: "Write a Gradescope autograder zip: gradus, the answer key, setup.sh and run_autograder.",
        discussion: """
            Upload the zip as the assignment's autograder; students hand in their <lesson>.md files. \
            run_autograder runs 'gradus grade --gradescope' (AUTOGRADER_ROOT overrides /autograder \
            to try it locally). The same key and gradus give a byte-identical zip. See \
            docs/grading.md. Exit status: 0 on success, 1 when the key has errors, 64 for bad usage.
            """
    )

    @Argument(help: "The answer key: a course folder with solutions and hidden tests.")
    var key: String

    @Option(help: "Where to write the zip.")
    var out: String = "autograder.zip"

    @Option(help: "The Linux gradus executable to put in the zip (default: this one).")
    var binary: String?

    @Option(help: "Seconds each test may run at most, passed to gradus grade.")
    var timeout: Double?

    @Flag(help: "Passed to gradus grade: every test gets --timeout instead of limits from the key's own times.")
    var fixedLimits = false

    @Option(help: "Memory each kernel may use, passed to gradus grade, e.g. 1G.")
    var memory: String?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds, not '\(timeout)'")
        }
        if let memory, MemorySize.bytes(memory) == nil {
            throw ValidationError("--memory must be \(MemorySize.advice), not '\(memory)'")
        }
    }

    func run() throws {
        var arguments: [String] = []
        if let timeout { arguments += ["--timeout", String(timeout)] }
        if fixedLimits { arguments.append("--fixed-limits") }
        if let memory { arguments += ["--memory", memory] }
        let options = Autograder.Options(keyDirectory: key, binary: binary ?? KernelOptions.executable, gradeArguments: arguments)
        do {
            let summary = try Autograder.write(options, to: out)
            for warning in summary.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            print("wrote \(out): \(summary.lessons) lesson\(summary.lessons == 1 ? "" : "s"), \(summary.bytes) bytes")
        } catch let error as GradingError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.validationFailure
        } catch let error as LessonErrors {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data("error: cannot write '\(out)': \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
    }
}
