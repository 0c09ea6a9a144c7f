import Foundation
import Testing

/// A probe kept waiting inside the sandbox so the test can read its /proc entries from outside.
///
/// Reading /proc/PID checks each layer against the kernel's own account of the process, not
/// against what `Sandbox.enter` claims to have done.
struct Inspection {
    let pid: Int32
    let report: String

    /// Starts `sandbox-probe ARGUMENTS wait`, runs `body` once the probe has entered, then ends it.
    static func with(_ arguments: [String], _ body: (Inspection) throws -> Void) throws {
        let process = Process()
        process.executableURL = Probe.binary
        process.arguments = arguments + ["wait"]
        process.environment = ["SWIFT_BACKTRACE": "enable=no"]
        let input = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        var report = Data()
        let deadline = Date().addingTimeInterval(20)
        while !String(decoding: report, as: UTF8.self).contains("applied: "), Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            report += chunk
        }
        // The report is written in one call after the last layer, so it is complete here.
        try body(Inspection(pid: process.processIdentifier, report: String(decoding: report, as: UTF8.self)))
    }

    /// A "Key:\tvalue" line of /proc/PID/status.
    func status(_ key: String) throws -> String? {
        let text = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        return text.split(separator: "\n").first { $0.hasPrefix(key + ":") }
            .map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    /// Soft and hard value of a /proc/PID/limits row ("Max address space" …); nil means unlimited.
    func limit(_ name: String) throws -> (soft: UInt64?, hard: UInt64?) {
        let text = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        guard let row = text.split(separator: "\n").first(where: { $0.hasPrefix(name + " ") }) else {
            Issue.record("no row \(name) in /proc/\(pid)/limits")
            return (nil, nil)
        }
        let fields = row.dropFirst(name.count).split(separator: " ")
        return (UInt64(fields[0]), UInt64(fields[1]))
    }

    /// The namespace /proc/PID/ns/net points at ("net:[4026531840]").
    func networkNamespace() throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/ns/net")
    }
}
