import ArgumentParser
import Foundation
import Site
import Synchronization

/// `gradus build [--lessons DIR] [--out DIR] [--solutions] [--no-cache] [--jobs N]`: the course website.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every lesson and build the course website.",
        discussion: """
            Writes index.html, one page per lesson, the search index, the stylesheet and KaTeX into \
            the output folder, replacing it only when the build succeeds. By default the site is the \
            students' view: solutions become todo() as 'gradus release' writes them, hidden tests \
            are left out and test cells are not run; --solutions writes the instructor's view, with \
            a banner on every page. Results are cached in \
            .gradus-cache beside the lessons folder. Exit status: 0 when every cell ran as expected, \
            1 when a cell failed (every page is still written) or the course has errors (nothing \
            is written), 64 for bad usage.
            """
    )

    @Option(help: "The course folder holding course.yml.")
    var lessons = "lessons"

    @Option(help: "Where to write the site; replaced as a whole.")
    var out = "site"

    @Flag(help: "Run every cell, ignoring cached results.")
    var noCache = false

    @Flag(help: "Write the instructor's view: solutions and hidden tests shown, a banner on every page.")
    var solutions = false

    @OptionGroup var kernel: KernelOptions

    @Option(help: "Lessons to run at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: lessons, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no lessons folder at '\(lessons)'")
        }
    }

    func run() throws {
        var options = BuildOptions(lessonsDirectory: lessons, outputDirectory: out, useCache: !noCache, jobs: jobs)
        options.executor = kernel.executor(width: options.jobs)
        options.view = solutions ? .solutions : .student
        options.notebook = { lesson, records in NotebookOutputs.notebook(lesson, records: records).text }
        let interactive = isatty(STDERR_FILENO) == 1
        let report: BuildReport
        do {
            let printer = Mutex(OrderedPrinter())
            report = try SiteBuilder.build(options) { lesson, position, finished, total in
                // Lessons finish in any order; their lines are printed in course order.
                var text = printer.withLock { $0.add(lesson, at: position) }
                if interactive {
                    text = "\r\u{1B}[K" + text
                    if finished < total { text += TerminalReport.progressBar(finished: finished, total: total) }
                }
                FileHandle.standardError.write(Data(text.utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        for diagnostic in report.courseDiagnostics + report.linkDiagnostics {
            FileHandle.standardError.write(Data((TerminalReport.diagnostic(diagnostic) + "\n").utf8))
        }
        print(TerminalReport.summary(report, output: out))
        if report.failed { throw ExitCode.failure }
    }
}

/// Holds finished lessons until every earlier one has been printed.
struct OrderedPrinter {
    private var pending: [Int: LessonReport] = [:]
    private var next = 0

    /// The text of every lesson now printable in order, possibly empty.
    mutating func add(_ report: LessonReport, at position: Int) -> String {
        pending[position] = report
        var text = ""
        while let ready = pending.removeValue(forKey: next) {
            text += TerminalReport.line(ready) + "\n"
            for failure in ready.failures { text += TerminalReport.failure(failure) + "\n" }
            next += 1
        }
        return text
    }
}
