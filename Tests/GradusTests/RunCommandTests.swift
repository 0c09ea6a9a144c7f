import Foundation
import Testing

/// Runs the built `gradus` executable as a process and checks its output and exit status.
@Suite struct RunCommandTests {
    /// The `gradus` binary next to the test bundle in the build products directory.
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("gradus")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("gradus")
    }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"]) throws -> Outcome {
        try Self.execute(Self.binary, arguments, environment: environment)
    }

    /// Runs `executable` to its end (in `directory` when given), with its exit status and output.
    static func execute(_ executable: URL, _ arguments: [String], environment: [String: String],
                        directory: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func write(_ text: String, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func passingLessonExitsZeroWithWholeOutput() throws {
        let path = try write("""
            # Lesson

            ```swift
            let x = 6 * 7
            print("x =", x)
            ```

            ```swift raises
            x + "a"
            ```

            ```swift norun
            not run
            ```
            """, name: "pass.md")
        let outcome = try run(["run", path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == """
            \(path):3: cell 1
            x = 42

            \(path):8: cell 2 (raised, as expected)
            \(path):9:3: error: binary operator '+' cannot be applied to operands of type Int and String
            x + "a"
              ^

            \(path):12: cell 3 (not run)

            2 cells run, 0 failed, 1 not run

            """)
        #expect(outcome.stderr.isEmpty)
    }

    @Test func failingCellExitsOne() throws {
        let path = try write("""
            ```swift
            let model = Adam(lr: 0.1, mu: 0.9)
            ```
            """, name: "fail.md")
        let outcome = try run(["run", path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == """
            \(path):1: cell 1 failed
            \(path):2:27: error: 'Adam' has no argument labelled 'mu'; valid labels: lr:, beta1:, beta2:, eps:, weightDecay:, amsgrad:, decoupledWeightDecay:, epsilonPlacement:
            let model = Adam(lr: 0.1, mu: 0.9)
                                      ^

            1 cell run, 1 failed

            """)
    }

    @Test func versionIsTheCacheVersion() throws {
        let outcome = try run(["--version"])
        #expect(outcome.status == 0)
        // The version keys the execution cache; a rebuild after an upgrade must not reuse old results.
        let source = try String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Site/Build/ExecutionCache.swift").path, encoding: .utf8)
        #expect(source.contains("gradusVersion = \"\(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))\""))
        #expect(outcome.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(outcome.stdout)")
    }

    @Test func badUsageExitsSixtyFour() throws {
        #expect(try run(["run"]).status == 64)
        #expect(try run(["run", "a.md", "--format", "yaml"]).status == 64)
        #expect(try run(["run", "/nonexistent/lesson.md"]).status == 64)
        let path = try write("```swift\n1\n```\n", name: "one.md")
        let outOfRange = try run(["run", path, "--cell", "2"])
        #expect(outOfRange.status == 64)
        #expect(outOfRange.stderr == "error: --cell 2 is out of range: '\(path)' has 1 swift cell\n")
    }

    @Test func jsonFormat() throws {
        let path = try write("```swift\nlet a = [1, 2]\na.count\n```\n\n```swift\na[3]\n```\n", name: "json.md")
        let outcome = try run(["run", path, "--format", "json"])
        #expect(outcome.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.count == 2)
        let outputs = try #require(cells[0]["outputs"] as? [[String: Any]])
        #expect(outputs.first?["text"] as? String == "2")
        let error = try #require(cells[1]["error"] as? [String: Any])
        #expect(error["line"] as? Int == 7)
        #expect(error["column"] as? Int == 3)
    }

    @Test func cellOptionShowsOneCell() throws {
        let path = try write("```swift\nlet a = 5\n```\n\n```swift\na * 2\n```\n", name: "cell.md")
        let outcome = try run(["run", path, "--cell", "2"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "\(path):5: cell 2\n10\n\n1 cell run, 0 failed\n")
    }
}
