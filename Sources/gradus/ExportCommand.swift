import ArgumentParser
import Foundation
import Lessons

/// `gradus export LESSON.md [-o FILE.swift]`: the lesson as a percent-format Swift script.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a lesson as a Swift script in the percent format.",
        discussion: """
            Each Swift cell follows a '// %%' line with its attributes; prose becomes \
            '// %% [markdown]' cells of '//' comments; front matter is a header comment. \
            'gradus import' turns the script back into the same Markdown, byte for byte. \
            See docs/authoring.md. Exit status: 0 on success, 64 for bad usage or an unreadable file.
            """
    )

    @Argument(help: "The lesson's Markdown file.")
    var lesson: String

    @Option(name: .shortAndLong, help: "Write the script here instead of standard output.")
    var output: String?

    func run() throws {
        do {
            let text = try AuthoringFiles.read(lesson, what: "lesson")
            let script = PercentScript.script(fromLesson: text, path: lesson)
            try AuthoringFiles.write(script, to: output)
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.validationFailure
        }
    }
}

/// Exact-byte reading and writing shared by `export` and `import`.
enum AuthoringFiles {
    /// The file's text; a missing or non-UTF-8 file is a usage error (decoding would change bytes).
    static func read(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("cannot read \(what) '\(path)': no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("cannot read \(what) '\(path)': not UTF-8 text")
        }
        return text
    }

    /// Writes `text` to `path`, or to standard output when `path` is nil.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw UsageError("cannot write '\(path)'")
        }
    }
}
