import ArgumentParser
import Foundation
import Lessons

/// `gradus import FILE.swift [-o LESSON.md]`: a percent-format script back into a lesson.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a percent-format Swift script back into a lesson.",
        discussion: """
            The inverse of 'gradus export': a script it wrote comes back as the same Markdown, \
            byte for byte. Exit status: 0 on success, 1 when the script is malformed (the line \
            is reported), 64 for bad usage or an unreadable file.
            """
    )

    @Argument(help: "The percent-format Swift script.")
    var script: String

    @Option(name: .shortAndLong, help: "Write the lesson here instead of standard output.")
    var output: String?

    func run() throws {
        do {
            let text = try AuthoringFiles.read(script, what: "script")
            let lesson: String
            do {
                lesson = try PercentScript.lesson(fromScript: text, path: script)
            } catch {
                FileHandle.standardError.write(Data("\(error.location): error: \(error.message)\n".utf8))
                throw ExitCode.failure
            }
            try AuthoringFiles.write(lesson, to: output)
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.validationFailure
        }
    }
}
