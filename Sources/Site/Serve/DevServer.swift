import Foundation
import Synchronization

/// `gradus serve`: builds the site, serves it on 127.0.0.1 and rebuilds it when the course changes.
///
/// One watcher thread owns every build, so builds never overlap: it builds once, starts the
/// HTTP server, then polls the course folder and rebuilds (with the execution cache, so only
/// edited lessons run) after each change. A snapshot is taken before each build, so an edit
/// saved while a build runs starts another one. A build that fails (a course error, a broken
/// theme) leaves the last good site in place: the site is only ever swapped in whole, and the
/// server keeps answering, while pages show the errors until a build succeeds again.
public final class DevServer: Sendable {
    /// What the server reports as it works; the command turns these into terminal lines.
    public struct Events: Sendable {
        /// A build begins; `changed` lists the files that caused it (empty for the first build).
        public var buildStarted: @Sendable (_ changed: [String]) -> Void
        /// A lesson of the running build finished (as `SiteBuilder.build` reports it).
        public var lessonFinished: SiteBuilder.Progress
        /// A build ended: its report, or why the site could not be written.
        public var buildFinished: @Sendable (_ outcome: Result<BuildReport, SiteError>) -> Void
        /// The first build is done and the server accepts connections at this URL.
        public var serving: @Sendable (_ url: String) -> Void

        public init(buildStarted: @escaping @Sendable ([String]) -> Void = { _ in },
                    lessonFinished: @escaping SiteBuilder.Progress = { _, _, _, _ in },
                    buildFinished: @escaping @Sendable (Result<BuildReport, SiteError>) -> Void = { _ in },
                    serving: @escaping @Sendable (String) -> Void = { _ in }) {
            self.buildStarted = buildStarted
            self.lessonFinished = lessonFinished
            self.buildFinished = buildFinished
            self.serving = serving
        }
    }

    public let options: BuildOptions
    private let events: Events
    private let http: HTTPServer
    private let files: StaticFiles
    private let watcher: FileWatcher
    private let pollInterval: Double
    private let state = BuildState()
    private let stopping = Atomic<Bool>(false)

    /// Binds 127.0.0.1:`port` (0 for a free port) at once, so a taken port is reported before
    /// any lesson runs; nothing is built or served until `start`.
    public init(options: BuildOptions, port: UInt16, pollInterval: Double = 0.3, events: Events = Events()) throws(ServeError) {
        self.options = options
        self.events = events
        self.pollInterval = pollInterval
        self.files = StaticFiles(root: options.outputDirectory)
        self.watcher = FileWatcher(root: options.lessonsDirectory, excluding: [options.outputDirectory])
        let files = self.files, state = self.state
        self.http = try HTTPServer(port: port) { request in
            Self.respond(to: request, files: files, status: state.status)
        }
    }

    /// The port listened on.
    public var port: UInt16 { http.port }

    /// The address to open in a browser.
    public var url: String { "http://127.0.0.1:\(port)/" }

    /// What the live-reload endpoint answers now.
    public var status: LiveReload.Status { state.status }

    /// Builds, serves and watches on a thread of its own; returns at once.
    public func start() {
        Thread.detachNewThread { [self] in run() }
    }

    /// Stops watching and closes the socket. A build still running is abandoned (the process is
    /// about to exit) and its temporary folder removed; the last complete site stays in place.
    public func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        http.stop()
        if state.isBuilding {
            // The name AtomicDirectory writes into, documented in docs/site.md.
            let url = URL(fileURLWithPath: options.outputDirectory).standardizedFileURL
            let temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent
                + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    private func run() {
        var seen = watcher.snapshot()
        build(changed: [])
        guard !stopping.load(ordering: .acquiring) else { return }
        http.start()
        events.serving(url)
        while !stopping.load(ordering: .acquiring) {
            Thread.sleep(forTimeInterval: pollInterval)
            var now = watcher.snapshot()
            guard now != seen else { continue }
            // An editor may save in steps (truncate, write, rename): wait until two scans agree.
            for _ in 0..<20 {
                Thread.sleep(forTimeInterval: 0.1)
                let again = watcher.snapshot()
                if again == now { break }
                now = again
            }
            let changed = FileWatcher.changes(from: seen, to: now)
            seen = now
            guard !stopping.load(ordering: .acquiring) else { return }
            build(changed: changed)
        }
    }

    /// One build with the cache on; afterwards the state tells pages whether to reload or show errors.
    func build(changed: [String]) {
        state.begin()
        events.buildStarted(changed)
        let outcome: Result<BuildReport, SiteError>
        do {
            outcome = .success(try SiteBuilder.build(options, progress: events.lessonFinished))
        } catch {
            outcome = .failure(error)
        }
        let errors: String
        switch outcome {
        case .success(let report) where report.wroteSite: errors = ""
        case .success(let report): errors = (report.courseDiagnostics + report.linkDiagnostics).map(TerminalReport.diagnostic).joined(separator: "\n")
        case .failure(let error): errors = "error: \(error.description)"
        }
        state.finish(errors: errors)
        events.buildFinished(outcome)
    }

    /// Requests for the live-reload endpoint, else the site's files with the script in HTML pages.
    static func respond(to request: HTTPRequest, files: StaticFiles, status: LiveReload.Status) -> HTTPResponse {
        // A page elsewhere on the web could reach a loopback server through a DNS name it controls
        // (DNS rebinding); the Host header such a request carries is not ours, so it is refused.
        if let host = request.headers["host"], !isLoopback(host) {
            return .page(status: 403, message: "gradus serve only answers requests addressed to 127.0.0.1 or localhost.")
        }
        if request.rawPath == LiveReload.endpoint, request.method == "GET" || request.method == "HEAD" {
            return LiveReload.response(status)
        }
        // Only a folder gradus built is served: a mistaken --out must not publish someone's files.
        let built = FileManager.default.fileExists(atPath: files.root + "/" + AtomicDirectory.marker)
        let response = built ? files.respond(to: request)
            : .page(status: 404, message: "No site has been built in \(files.root) yet; the terminal says why.")
        return LiveReload.inject(into: response, build: status.build)
    }

    /// True for `127.0.0.1`, `localhost` and `[::1]`, with or without a port.
    static func isLoopback(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("[") {
            name = String(name.prefix { $0 != "]" }) + "]"
        } else if let colon = name.firstIndex(of: ":") {
            name = String(name[..<colon])
        }
        return ["127.0.0.1", "localhost", "[::1]"].contains(name)
    }
}

/// The build counter and the last build's errors, shared by the watcher and request threads.
final class BuildState: Sendable {
    private struct Values {
        var builds = 0
        var errors = ""
        var building = false
    }

    private let values = Mutex(Values())
    /// Distinguishes this run's builds from a previous run's, so open pages reload after a restart.
    private let session = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)

    /// The build pages compare theirs with, and the errors they show.
    var status: LiveReload.Status {
        values.withLock { LiveReload.Status(build: "\(session)-\($0.builds)", errors: $0.errors) }
    }

    var isBuilding: Bool { values.withLock { $0.building } }

    func begin() { values.withLock { $0.building = true } }

    /// Records a finished build: a new build number when it wrote the site, else its errors.
    func finish(errors: String) {
        values.withLock { values in
            values.building = false
            values.errors = errors
            if errors.isEmpty { values.builds += 1 }
        }
    }
}
