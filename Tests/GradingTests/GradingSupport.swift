import Foundation
import Lessons
import Testing

/// Shared helpers: the fixture course, a scratch folder, the built `gradus` binary and submissions.
enum Support {
    /// `Tests/GradingTests/Fixtures/course`, found from this file so no resource rule is needed.
    static let course = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/course").path
    static let keyLesson = course + "/momentum.md"

    static func keyText() throws -> String { try String(contentsOfFile: keyLesson, encoding: .utf8) }

    /// A fresh empty folder under the temporary directory.
    static func scratch(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradus-grading-\(ProcessInfo.processInfo.processIdentifier)-\(name)").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The `gradus` binary in the build products directory, as the GradusTests find it.
    static var binary: String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("gradus")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("gradus").path
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        try execute(binary, arguments, environment: ["NO_COLOR": "1"])
    }

    /// Runs the program at `path` to its end, with its exit status and output.
    static func execute(_ path: String, _ arguments: [String], environment: [String: String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The key with the bodies of its two solution regions replaced, as a student would hand it in.
    static func submission(momentum: String? = nil, square: String? = nil) throws -> String {
        var text = try keyText()
        if let momentum {
            text = text.replacingOccurrences(of: "    state.v = 0.9 * state.v - 0.01 * g\n    w += state.v\n", with: momentum)
        }
        if let square { text = text.replacingOccurrences(of: "    return x * x\n", with: square) }
        return text
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
}
