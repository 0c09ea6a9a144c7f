import ArgumentParser
import Foundation
import Lessons
import Snippets

/// `gradus run LESSON.md [--cell N] [--format text|json]`: runs a lesson's cells like a notebook.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a lesson's Swift cells and show their outputs.",
        discussion: """
            Cells run top to bottom in one environment. Exit status: 0 when no cell failed \
            unexpectedly, 1 when one did, 64 for bad usage (unknown option, missing file, bad --cell).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The lesson's Markdown file.")
    var lesson: String

    @Option(help: "Run cells up to N (1-based) and show only cell N.")
    var cell: Int?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var kernel: KernelOptions

    func run() throws {
        do {
            try runLesson()
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.validationFailure
        }
    }

    private func runLesson() throws {
        let model: Lesson
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: lesson))
            guard let text = String(data: data, encoding: .utf8) else { throw CocoaError(.fileReadInapplicableStringEncoding) }
            model = Lesson.parse(source: text, path: lesson)
        } catch {
            throw UsageError("cannot read lesson '\(lesson)': no such file or not UTF-8 text")
        }
        let count = model.cells.filter { $0.language == "swift" }.count
        if let cell, cell < 1 || cell > count {
            throw UsageError("--cell \(cell) is out of range: '\(lesson)' has \(count) swift cell\(count == 1 ? "" : "s")")
        }
        var options = NotebookOptions()
        options.onlyCell = cell
        let result = kernel.executor(width: 1).run(NotebookJob(lesson: model, options: options))
        switch format {
        case .json:
            print(JSONRenderer.render(result), terminator: "")
        case .text:
            let environment = ProcessInfo.processInfo.environment
            let color = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil
            print(TextRenderer.render(result, color: color), terminator: "")
        }
        if result.hasUnexpectedFailure { throw ExitCode.failure }
    }
}

/// A mistake in how gradus was called: printed as `error: ...`, exit status 64.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
