import Foundation
import Sandbox
import Testing

/// Runs the built `sandbox-probe` as a subprocess and reads what it reported.
///
/// The sandbox cannot be entered by the test runner itself (it could never open a file
/// again), so every check happens in a child that enters it and tries one thing.
struct Probe {
    /// The executable next to the test bundle in the build products directory.
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("sandbox-probe")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("sandbox-probe")
    }

    /// How the probe ended and what it said.
    struct Outcome {
        var status: Int32
        /// The signal that killed it, or nil when it exited.
        var signal: Int32?
        var stdout: String
        var stderr: String
        var seconds: Double

        /// The one result line: "ok …" or "refused: CALL: message".
        var line: String { stdout.split(separator: "\n").first.map(String.init) ?? "" }

        /// Layers from the probe's "applied: a,b" line.
        var applied: [SandboxLayer] {
            let line = stderr.split(separator: "\n").first { $0.hasPrefix("applied: ") } ?? ""
            return line.dropFirst("applied: ".count).split(separator: ",").compactMap { SandboxLayer(rawValue: String($0)) }
        }

        /// The reason from a "missing LAYER: reason" line, or nil.
        func missing(_ layer: SandboxLayer) -> String? {
            let prefix = "missing \(layer.rawValue): "
            return stderr.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        }

        /// Cancels the test, printing why, when the probe reported `layer` missing; never skips silently.
        func require(_ layer: SandboxLayer, sourceLocation: SourceLocation = #_sourceLocation) throws {
            if let reason = missing(layer) {
                print("skipped: the sandbox could not apply \(layer): \(reason)")
                try Test.cancel("no \(layer) here: \(reason)", sourceLocation: sourceLocation)
            }
            #expect(applied.contains(layer), "probe reported neither applied nor missing \(layer): \(stderr)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Runs the probe with `arguments`; kills it with SIGTERM after `deadline` seconds.
    ///
    /// SIGTERM is used by no sandbox layer, so a probe the watchdog had to stop is told
    /// apart from one a limit ended (SIGXCPU, SIGKILL, SIGSYS, SIGXFSZ).
    static func run(
        _ arguments: [String], deadline: Double = 20, environment: [String: String] = ["SWIFT_BACKTRACE": "enable=no"]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline, execute: watchdog)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let signaled = process.terminationReason == .uncaughtSignal
        return Outcome(
            status: process.terminationStatus,
            signal: signaled ? process.terminationStatus : nil,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self),
            seconds: Date().timeIntervalSince(start)
        )
    }

    /// A file under the temporary directory that exists and can be read, for open attempts.
    static func readableFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-probe-\(UUID().uuidString).txt")
        try Data("readable\n".utf8).write(to: url)
        return url
    }
}
