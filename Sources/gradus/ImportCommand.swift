import ArgumentParser
import Foundation
import Lessons

/// `gradus import FILE.swift|FILE.ipynb [-o LESSON.md]`: a percent-format script or a notebook back into a lesson.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a percent-format Swift script or a Jupyter notebook back into a lesson.",
        discussion: """
            The inverse of 'gradus export': a script or notebook it wrote comes back as the same \
            Markdown, byte for byte. Any other notebook (nbformat 4) becomes a clean lesson: markdown \
            cells as prose, Swift code cells as swift cells, other languages as fenced blocks that do \
            not run, outputs dropped. A file is read as a notebook when its name ends in .ipynb or \
            it starts with '{'. '-' is standard input or output. Exit status: 0 on success, 1 when \
            the file is malformed (the line and column are reported), 64 for bad usage or an \
            unreadable file.
            """
    )

    @Argument(help: "The percent-format Swift script or .ipynb notebook, or '-' for standard input.")
    var script: String

    @Option(name: .shortAndLong, help: "Write the lesson here instead of standard output ('-' is standard output).")
    var output: String?

    func run() throws {
        do {
            let text = try AuthoringFiles.read(script, what: script.hasSuffix(".ipynb") ? "notebook" : "script")
            let path = script == "-" ? "stdin" : script
            let lesson: String
            do {
                if Self.isNotebook(text, path: script) {
                    lesson = try JupyterNotebook.read(text, path: path).lessonText(path: path)
                } else {
                    lesson = try PercentScript.lesson(fromScript: text, path: path)
                }
            } catch {
                FileHandle.standardError.write(Data((error.fullDescription + "\n").utf8))
                throw ExitCode.failure
            }
            try AuthoringFiles.write(lesson, to: output)
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.validationFailure
        }
    }

    /// A notebook: named `.ipynb`, or text whose first non-blank character is `{` (no script starts so).
    static func isNotebook(_ text: String, path: String) -> Bool {
        path.lowercased().hasSuffix(".ipynb") || text.utf8.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "{")
    }
}
