import ArgumentParser
import Dispatch
import Foundation
import Site
import Synchronization

/// `gradus serve [--lessons DIR] [--out DIR] [--port 8000] [--solutions]`: a live preview of the course website.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the course website, serve it on 127.0.0.1 and rebuild it as you edit.",
        discussion: """
            Builds like 'gradus build' (with the cache; the students' view unless --solutions), \
            then serves the output folder on \
            http://127.0.0.1:PORT/ only. Every edit to a lesson, course.yml, the theme or another \
            file in the lessons folder rebuilds the site; open pages reload themselves. A failing \
            cell shows in its page and on the terminal; a course error keeps the last good site \
            and is shown on the page. Ctrl-C stops. See docs/serve.md. Exit status: 0 when \
            stopped by Ctrl-C or SIGTERM, 1 when the port cannot be used, 64 for bad usage.
            """
    )

    @Option(help: "The course folder holding course.yml.")
    var lessons = "lessons"

    @Option(help: "Where to write the site; replaced as a whole on each rebuild.")
    var out = "site"

    @Option(help: "The port on 127.0.0.1 (0 picks a free one).")
    var port = 8000

    @Flag(help: "Serve the instructor's view: solutions and hidden tests shown, a banner on every page.")
    var solutions = false

    @OptionGroup var kernel: KernelOptions

    @Option(help: "Lessons to run at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: lessons, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no lessons folder at '\(lessons)'")
        }
    }

    func run() throws {
        // Ctrl-C and SIGTERM are taken from their default (killing mid-build) and delivered as
        // events, so the socket is closed and the site left whole before exiting with 0.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stop = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        var options = BuildOptions(lessonsDirectory: lessons, outputDirectory: out, useCache: true, jobs: jobs)
        options.executor = kernel.executor(width: options.jobs)
        options.view = solutions ? .solutions : .student
        options.notebook = { lesson, records in NotebookOutputs.notebook(lesson, records: records).text }
        let terminal = ServeTerminal(output: out, interactive: isatty(STDERR_FILENO) == 1)
        let server: DevServer
        do {
            server = try DevServer(options: options, port: UInt16(port), events: terminal.events)
        } catch {
            ServeTerminal.write("error: \(error.description)\n", to: .standardError)
            throw ExitCode.failure
        }
        server.start()
        stop.wait()
        server.stop()
        ServeTerminal.write("stopped\n", to: .standardOutput)
        sources.forEach { $0.cancel() }
    }
}

/// What `gradus serve` prints: the first build like `gradus build`, then one block per rebuild.
///
/// The first build prints every lesson in course order (with the progress bar on a terminal);
/// a rebuild prints what changed, the lessons whose cells ran or failed, and the summary, so a
/// prose edit costs two lines instead of one per lesson.
final class ServeTerminal: Sendable {
    private struct Progress {
        var printer = OrderedPrinter()
        var firstBuild = true
    }

    private let output: String
    private let interactive: Bool
    private let progress = Mutex(Progress())

    init(output: String, interactive: Bool) {
        self.output = output
        self.interactive = interactive
    }

    var events: DevServer.Events {
        DevServer.Events(
            buildStarted: { [self] changed in started(changed) },
            lessonFinished: { [self] lesson, position, finished, total in lessonFinished(lesson, position, finished, total) },
            buildFinished: { [self] outcome in finished(outcome) },
            serving: { url in Self.write("Serving \(url) — Ctrl-C to stop\n", to: .standardOutput) })
    }

    private func started(_ changed: [String]) {
        progress.withLock { $0.printer = OrderedPrinter() }
        guard !changed.isEmpty else { return }
        let clock = DateFormatter()
        clock.dateFormat = "HH:mm:ss"
        let time = clock.string(from: Date())
        let shown = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
        Self.write("[\(time)] changed: \(shown); rebuilding\n", to: .standardError)
    }

    private func lessonFinished(_ lesson: LessonReport, _ position: Int, _ finished: Int, _ total: Int) {
        var text = progress.withLock { $0.firstBuild ? $0.printer.add(lesson, at: position) : "" }
        guard !text.isEmpty || interactive else { return }
        if interactive, progress.withLock({ $0.firstBuild }) {
            text = "\r\u{1B}[K" + text
            if finished < total { text += TerminalReport.progressBar(finished: finished, total: total) }
        }
        Self.write(text, to: .standardError)
    }

    private func finished(_ outcome: Result<BuildReport, SiteError>) {
        let first = progress.withLock { progress in
            defer { progress.firstBuild = false }
            return progress.firstBuild
        }
        switch outcome {
        case .failure(let error):
            Self.write("error: \(error.description)\n", to: .standardError)
            Self.write("the last good site is still served; fix the error and save to rebuild\n", to: .standardError)
        case .success(let report):
            var text = ""
            if !first {
                for lesson in report.lessons where lesson.cellsRun > 0 || lesson.cellsFailed > 0 {
                    text += TerminalReport.line(lesson) + "\n"
                    for failure in lesson.failures { text += TerminalReport.failure(failure) + "\n" }
                }
            }
            for diagnostic in report.courseDiagnostics + report.linkDiagnostics { text += TerminalReport.diagnostic(diagnostic) + "\n" }
            Self.write(text, to: .standardError)
            Self.write(TerminalReport.summary(report, output: output) + "\n", to: .standardOutput)
            if !report.wroteSite {
                Self.write("the last good site is still served; fix the course and save to rebuild\n", to: .standardError)
            }
        }
    }

    /// Unbuffered, so a reader of a pipe (a test, an editor plugin) sees each line as it happens.
    static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
