import Foundation
import Testing

/// The shipped course as the tests see it: the repository's `lessons/`, copied to scratch folders,
/// and the built `gradus` binary run as a process.
enum Course {
    /// The repository root, three folders above this file (`Tests/CourseTests/CourseSupport.swift`).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let lessons = root + "/lessons"
    static let submissions = root + "/Tests/CourseTests/Fixtures/submissions"

    /// The lesson files `course.yml` lists, in course order (`  - 01-optimization.md` lines).
    static func lessonFiles() throws -> [String] {
        let yaml = try read(lessons + "/course.yml")
        return yaml.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- "), trimmed.hasSuffix(".md") else { return nil }
            return String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
    }

    /// A fresh empty folder under the temporary directory, so nothing is written into the repository
    /// (a build keeps its `.gradus-cache` beside the lessons folder it is given).
    static func scratch(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradus-course-\(ProcessInfo.processInfo.processIdentifier)-\(name)").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of `lessons/` at `<scratch>/lessons`, returned as that path.
    static func copyOfLessons(_ name: String) throws -> String {
        let copy = try scratch(name) + "/lessons"
        try FileManager.default.copyItem(atPath: lessons, toPath: copy)
        return copy
    }

    /// A copy of `lessons/` whose cells may run 30 s rather than course.yml's 10 s: that limit is
    /// met with room to spare on an idle machine (all of lesson 9 runs in about 4 s), but a
    /// debug build sharing two cores with other builds ran it past 10 s, and speed is not what
    /// these tests check.
    static func roomyCopy(_ name: String) throws -> String {
        let lessons = try copyOfLessons(name)
        let manifest = lessons + "/course.yml"
        let text = try read(manifest)
        let roomy = text.replacingOccurrences(of: "\n  timeout: 10\n", with: "\n  timeout: 30\n")
        try #require(roomy != text, "course.yml no longer says 'timeout: 10' under defaults")
        try Data(roomy.utf8).write(to: URL(fileURLWithPath: manifest))
        return lessons
    }

    /// The `gradus` binary in the build products directory, found as the GradusTests find it.
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

    struct TimedOut: Error, CustomStringConvertible {
        var arguments: [String]
        var description: String { "gradus \(arguments.joined(separator: " ")) ran longer than its limit" }
    }

    /// Runs gradus with its output in files (so a full pipe can never block it) and kills it after
    /// `limit` seconds, so a hanging build fails the test instead of stalling the whole run.
    /// `input`, when given, is the process's standard input.
    static func run(_ arguments: [String], input: String? = nil, limit: Double = 600) throws -> Outcome {
        try execute(binary, arguments, input: input, limit: limit)
    }

    /// Runs any program as `run` runs gradus: output in files, killed after `limit` seconds.
    static func execute(_ executable: String, _ arguments: [String], input: String? = nil, limit: Double = 600) throws -> Outcome {
        let logs = try scratch("log-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: logs + "/out", contents: nil)
        FileManager.default.createFile(atPath: logs + "/err", contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: logs + "/out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: logs + "/err"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["NO_COLOR": "1"]
        process.standardOutput = out
        process.standardError = err
        if let input {
            FileManager.default.createFile(atPath: logs + "/in", contents: Data(input.utf8))
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: logs + "/in"))
        }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + limit) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw TimedOut(arguments: arguments)
        }
        try out.close()
        try err.close()
        defer { try? FileManager.default.removeItem(atPath: logs) }
        return Outcome(status: process.terminationStatus, stdout: try read(logs + "/out"), stderr: try read(logs + "/err"))
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
}

/// A fenced `swift` cell of a lesson file: its fence line's words and its code.
struct FencedCell {
    var fence: String
    var code: String

    var words: [String] { fence.split(separator: " ").map(String.init) }
    var isHiddenTest: Bool { words.contains { $0.hasPrefix("test=") } && words.contains("hidden") }
    var exercise: String? { value("exercise") }
    var test: String? { value("test") }
    /// `points=N` on a test fence, 1 when absent (docs/grading.md).
    var points: Int { value("points").flatMap(Int.init) ?? 1 }

    func value(_ key: String) -> String? {
        words.first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    /// The top-level ```` ```swift ```` cells of a lesson, read line by line, independently of the Lessons module.
    static func cells(of text: String) -> [FencedCell] {
        var cells: [FencedCell] = []
        var current: FencedCell?
        for line in text.components(separatedBy: "\n") {
            if var open = current {
                if line.trimmingCharacters(in: .whitespaces) == "```" {
                    cells.append(open)
                    current = nil
                } else {
                    open.code += line + "\n"
                    current = open
                }
            } else if line.hasPrefix("```swift") {
                current = FencedCell(fence: String(line.dropFirst(3)), code: "")
            }
        }
        return cells
    }
}
