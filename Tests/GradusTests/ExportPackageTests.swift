import Foundation
import Testing

/// `gradus export --package`: the exported lesson builds with SwiftPM against this checkout's Descent,
/// and running it prints the tables, plots and text that `gradus run` prints.
///
/// Slow (a debug build of Descent in a fresh package, about a minute), but it runs in `make test`:
/// it is the only check that the exported code is real Swift.
@Suite(.serialized) struct ExportPackageTests {
    let runner = RunCommandTests()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a program with the test's environment, its output in files so a chatty build cannot fill a pipe.
    func execute(_ executable: String, _ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let log = directory + "/.log-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = try String(contentsOfFile: log, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: log)
        return (process.terminationStatus, output)
    }

    /// The lines a run printed for its cells: no cell headings, no summary, no blank lines.
    static func printedLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).filter { line in
            !line.trimmingCharacters(in: .whitespaces).isEmpty
                && line.range(of: #"^\S+:\d+: cell \d+"#, options: .regularExpression) == nil
                && line.range(of: #"^\d+ cells? run, \d+ failed"#, options: .regularExpression) == nil
        }
    }

    @Test func anExportedLessonBuildsAndPrintsWhatGradusRunPrints() throws {
        let lesson = Self.root.appendingPathComponent("lessons/04-momentum.md").path
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-package-\(ProcessInfo.processInfo.processIdentifier)").path
        try? FileManager.default.removeItem(atPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let exported = try runner.run(["export", lesson, "--package", directory])
        #expect(exported.status == 0, "\(exported.stderr)")
        let manifest = try String(contentsOfFile: directory + "/Package.swift", encoding: .utf8)
        #expect(manifest.contains(".package(path: \"\(Self.root.standardizedFileURL.path)\")"))
        let main = try String(contentsOfFile: directory + "/Sources/main.swift", encoding: .utf8)
        #expect(main.contains("try show(minimize(Ravine(), from: [-9, 1], steps: 60) {"))

        let swift = ProcessInfo.processInfo.environment["PATH"].flatMap { path in
            path.split(separator: ":").map { $0 + "/swift" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        } ?? "/usr/bin/swift"
        let built = try execute(swift, ["build"], in: directory)
        try #require(built.status == 0, "swift build failed:\n\(built.output)")
        let compiled = try execute(directory + "/.build/debug/lesson-04-momentum", [], in: directory)
        #expect(compiled.status == 0, "\(compiled.output)")

        let interpreted = try runner.run(["run", lesson])
        #expect(interpreted.status == 0)
        let expected = Self.printedLines(interpreted.stdout), actual = Self.printedLines(compiled.output)
        #expect(expected.count > 50, "gradus run printed too little to compare:\n\(interpreted.stdout)")
        #expect(actual == expected, "first difference at line \(zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actual.count, expected.count))")
    }

    @Test func packageOptionsAreCheckedBeforeAnythingIsWritten() throws {
        let lesson = Self.root.appendingPathComponent("lessons/04-momentum.md").path
        let both = try runner.run(["export", lesson, "-o", "x.swift", "--package", "dir"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("give either -o FILE or --package DIR"))
        let half = try runner.run(["export", lesson, "--package", "dir", "--descent-url", "https://example.com/gradus.git"])
        #expect(half.status == 64)
        #expect(half.stderr.contains("--descent-url and --descent-version go together"))
        let nowhere = try runner.run(["export", lesson, "--package", "/tmp/none", "--descent-path", "/nonexistent"])
        #expect(nowhere.status == 64)
        #expect(nowhere.stderr.contains("no Gradus checkout at '/nonexistent'"))
    }
}
