import Foundation
import Testing

/// Hostile lessons through the real commands: every cell ends with a result, the command exits
/// with a status (never a signal), and nothing is left behind.
@Suite struct HostileCommandTests {
    static let cases = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SnippetsTests/Cases").standardizedFileURL

    static var hostileFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? [])
            .filter { $0.hasPrefix("hostile-") && $0.hasSuffix(".md") }.sorted()
    }

    struct Outcome {
        var status: Int32
        var signalled: Bool
        var stdout: Data
        var stderr: String
    }

    static func gradus(_ arguments: [String], in directory: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = RunCommandTests.binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var stderr = Data()
        DispatchQueue.global().async(group: group) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test(arguments: hostileFiles)
    func everyHostileCellEndsWithAResultAndTheRunExitsWithAStatus(_ name: String) throws {
        let path = Self.cases.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let fences = text.components(separatedBy: "\n").filter { $0.hasPrefix("```swift") }.count
        // As written, every failing cell is marked `raises`: the run succeeds.
        let outcome = try Self.gradus(["run", path, "--format", "json"])
        #expect(!outcome.signalled, "\(name): killed by signal \(outcome.status)")
        #expect(outcome.status == 0, "\(name): \(outcome.stderr)")
        let cells = try Self.cells(outcome.stdout)
        #expect(cells.count == fences, "\(name): \(cells.count) results for \(fences) cells")
        for cell in cells {
            // No cell is lost to a kernel's death: the interpreter itself reports every one of these.
            let message = (cell["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(!message.hasPrefix("the interpreter stopped"), "\(name) cell \(cell["index"] ?? ""): \(message)")
        }
        // Unmarked, the same errors are failures: exit status 1, still every cell reported.
        let unmarked = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradus-hostile-\(ProcessInfo.processInfo.processIdentifier)-\(name)").path
        try text.replacingOccurrences(of: " raises\n", with: "\n").replacingOccurrences(of: "```swift raises", with: "```swift")
            .write(toFile: unmarked, atomically: true, encoding: .utf8)
        let failing = try Self.gradus(["run", unmarked, "--format", "json"])
        #expect(!failing.signalled, "\(name): killed by signal \(failing.status)")
        #expect(failing.status == 1, "\(name): \(failing.stderr)")
        #expect(try Self.cells(failing.stdout).count == fences)
    }

    static func cells(_ json: Data) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        return object?["cells"] as? [[String: Any]] ?? []
    }

    /// A course folder of one lesson with `text`, under a fresh temporary root.
    static func course(_ name: String, _ text: String) throws -> String {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradus-hostile-\(ProcessInfo.processInfo.processIdentifier)-\(name)").path
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root + "/lessons", withIntermediateDirectories: true)
        try "title: \(name)\nlessons:\n  - 01-lesson.md\n".write(toFile: root + "/lessons/course.yml", atomically: true, encoding: .utf8)
        try text.write(toFile: root + "/lessons/01-lesson.md", atomically: true, encoding: .utf8)
        return root
    }

    @Test func aDivergingTwoDimensionalRunBuildsItsPage() throws {
        let root = try Self.course("diverging", """
            # Diverging

            ```swift
            minimize(Quadratic(), from: [1, 1], steps: 30) {
                GD(lr: 3)
                GD(lr: 0.1)
            }
            ```
            """)
        let outcome = try Self.gradus(["build", "--lessons", "lessons", "--out", "site"], in: root)
        #expect(!outcome.signalled, "killed by signal \(outcome.status): \(outcome.stderr)")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".site.tmp") }
        #expect(left.isEmpty)
        let page = try String(contentsOfFile: root + "/site/01-lesson.html", encoding: .utf8)
        #expect(page.contains("<svg"))
    }

    @Test func tenThousandNestedQuotesAreALocatedErrorNotACrash() throws {
        let root = try Self.course("quotes", "# Quotes\n\n" + String(repeating: "> ", count: 10_000) + "deep\n")
        let outcome = try Self.gradus(["build", "--lessons", "lessons", "--out", "site"], in: root)
        #expect(!outcome.signalled, "killed by signal \(outcome.status): \(outcome.stderr)")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("01-lesson.md:3:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Markdown nested too deeply"))
        let left = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".site.tmp") }
        #expect(left.isEmpty)
    }
}
