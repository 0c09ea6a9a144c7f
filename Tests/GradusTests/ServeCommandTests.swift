import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing

/// `gradus serve` as a process: serves a course made by `gradus init`, rebuilds on edits, stops on Ctrl-C.
@Suite struct ServeCommandTests {
    /// Text a pipe delivered so far, filled by a reader thread.
    final class Collected: Sendable {
        private let text = Mutex("")
        var value: String { text.withLock { $0 } }

        /// Reads `handle` to its end on a thread of its own, so the child never blocks on a full pipe.
        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                while true {
                    let data = handle.availableData
                    if data.isEmpty { return }
                    text.withLock { $0 += String(decoding: data, as: UTF8.self) }
                }
            }
        }
    }

    /// A running `gradus serve`; `kill` is deferred by the test so a failure never leaves it behind.
    struct ServeProcess {
        let process = Process()
        let stdout: Collected
        let stderr: Collected

        init(_ arguments: [String]) throws {
            process.executableURL = RunCommandTests.binary
            process.arguments = arguments
            process.environment = ["NO_COLOR": "1"]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            stdout = Collected(out.fileHandleForReading)
            stderr = Collected(err.fileHandleForReading)
        }

        func kill() {
            if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        }
    }

    /// Polls `condition` every 200 ms until it holds or `seconds` pass.
    func eventually(_ seconds: Double, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(200))
        }
        return try await condition()
    }

    /// The port in the `Serving http://127.0.0.1:PORT/ …` line.
    static func port(in output: String) -> Int? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Serving http://127.0.0.1:") }) else { return nil }
        return Int(line.dropFirst("Serving http://127.0.0.1:".count).prefix { $0.isNumber })
    }

    let session = URLSession(configuration: .ephemeral)

    /// The page's text, or an empty string when the server does not answer 200.
    func get(_ url: URL) async -> String {
        guard let (data, response) = try? await session.data(from: url),
              (response as? HTTPURLResponse)?.statusCode == 200 else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Replaces the body of the lesson's first swift cell with `code`.
    func replaceFirstCell(_ path: String, with code: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let open = try #require(text.range(of: "```swift\n"))
        let close = try #require(text.range(of: "```\n", range: open.upperBound..<text.endIndex))
        try Data(text.replacingCharacters(in: open.upperBound..<close.lowerBound, with: code + "\n").utf8)
            .write(to: URL(fileURLWithPath: path))
    }

    @Test func servesRebuildsOnEditsAndStopsOnCtrlC() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-serve-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let created = try RunCommandTests().run(["init", root + "/course"])
        try #require(created.status == 0, "\(created.stderr)")
        let lessons = root + "/course/lessons", lesson = lessons + "/01-first-lesson.md"

        let server = try ServeProcess(["serve", "--port", "0", "--lessons", lessons, "--out", root + "/course/site"])
        defer { server.kill() }
        let listening = await eventually(120) { server.stdout.value.contains("Serving http://127.0.0.1:") || !server.process.isRunning }
        let line = try #require(server.stdout.value.split(separator: "\n").first { $0.hasPrefix("Serving ") },
                                "no URL line (\(listening)): \(server.stdout.value)\n\(server.stderr.value)")
        #expect(line.hasSuffix("— Ctrl-C to stop"))
        let base = try #require(line.split(separator: " ").dropFirst().first.flatMap { URL(string: String($0)) })
        #expect(base.host == "127.0.0.1" && base.port != nil && base.port != 8000)
        let page = base.appendingPathComponent("01-first-lesson.html")
        let first = await get(page)
        #expect(first.contains("A first lesson"), "\(first.prefix(300))")
        #expect(first.contains("gradus-live-reload"))

        // A heading and a cell change: the page shows both once the rebuild is done.
        var text = try String(contentsOfFile: lesson, encoding: .utf8)
        text = text.replacingOccurrences(of: "# A first lesson", with: "# A lesson edited while served")
        try Data(text.utf8).write(to: URL(fileURLWithPath: lesson))
        try replaceFirstCell(lesson, with: "print(\"served cell says\", 6 * 7)")
        let rebuilt = await eventually(120) {
            let html = await get(page)
            return html.contains("A lesson edited while served") && html.contains("served cell says 42")
        }
        #expect(rebuilt, "the page never changed: \(server.stderr.value)")

        // A failing cell: shown in the page and on the terminal, and the server keeps running.
        try replaceFirstCell(lesson, with: "print(notDefinedAnywhere)")
        let failed = await eventually(120) { await get(page).contains("notDefinedAnywhere") && server.stderr.value.contains("1 failed") }
        #expect(failed, "the failure never showed: \(server.stderr.value)")
        #expect(server.stderr.value.contains("cannot find 'notDefinedAnywhere' in scope"))
        #expect(server.process.isRunning)
        #expect(await get(base).contains("01-first-lesson.html"), "the index is still served")

        kill(server.process.processIdentifier, SIGINT)
        let exited = await eventually(30) { !server.process.isRunning }
        try #require(exited, "gradus serve did not stop on SIGINT")
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        #expect(await eventually(5) { server.stdout.value.hasSuffix("stopped\n") }, "\(server.stdout.value)")
        #expect(await get(page).isEmpty, "the socket is closed")
    }

    @Test func aTakenPortIsReportedWithExitStatusOne() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-serve-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let created = try RunCommandTests().run(["init", root + "/course"])
        try #require(created.status == 0)
        let arguments = ["serve", "--port", "0", "--lessons", root + "/course/lessons", "--out", root + "/course/site"]
        let first = try ServeProcess(arguments)
        defer { first.kill() }
        _ = await eventually(120) { first.stdout.value.contains("Serving") || !first.process.isRunning }
        let port = try #require(Self.port(in: first.stdout.value), "\(first.stdout.value)\n\(first.stderr.value)")
        let second = try RunCommandTests().run(["serve", "--lessons", root + "/course/lessons", "--out", root + "/course/site2",
                                                "--port", String(port)])
        #expect(second.status == 1)
        #expect(second.stderr.contains("port \(port) is already in use"), "\(second.stderr)")
        #expect(second.stderr.contains("--port"))
        #expect(try RunCommandTests().run(["serve", "--port", "70000"]).status == 64)
    }
}
