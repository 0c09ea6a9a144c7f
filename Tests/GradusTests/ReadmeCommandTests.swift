import Foundation
import Testing

/// The commands the READMEs give, run as written: the author's loop in README.md and the block in
/// the README `gradus init` writes. Each block runs as one `sh -e` script with the built `gradus`
/// first on PATH, so a command that fails (a wrong argument, a copy that does not build) fails here.
@Suite struct ReadmeCommandTests {
    /// The repository root, three folders above this file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func scratch(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradus-readme-\(ProcessInfo.processInfo.processIdentifier)-\(name)").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The lines of the first ```` ```sh ```` block after `heading` (the whole text when nil).
    static func shellBlock(in text: String, after heading: String? = nil) throws -> [String] {
        var rest = Substring(text)
        if let heading {
            let found = try #require(rest.range(of: heading), "no '\(heading)' in the README")
            rest = rest[found.upperBound...]
        }
        let open = try #require(rest.range(of: "```sh\n"), "no sh block")
        let close = try #require(rest[open.upperBound...].range(of: "```"), "an sh block is not closed")
        return rest[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    }

    /// Runs `lines` in `directory` as one script; `gradus serve` lines are left out (they never end),
    /// and `before` maps a command's start to setup the test does first (a folder a command reads).
    func run(_ lines: [String], in directory: String, before: [String: String] = [:]) throws -> RunCommandTests.Outcome {
        var script = "set -e\n"
        var commands = 0
        for line in lines where !line.hasPrefix("gradus serve") {
            if let setup = before.first(where: { line.hasPrefix($0.key) })?.value { script += setup + "\n" }
            script += line + "\n"
            commands += 1
        }
        #expect(commands >= 5, "the block has \(commands) commands to run")
        let path = RunCommandTests.binary.deletingLastPathComponent().path
        return try RunCommandTests.execute(URL(fileURLWithPath: "/bin/sh"), ["-c", script],
                                           environment: ["PATH": path + ":/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory],
                                           directory: directory)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func theInitReadmeCommandsWorkAsWritten() throws {
        let directory = try scratch("init") + "/course"
        #expect(try RunCommandTests().run(["init", directory]).status == 0)
        let lines = try Self.shellBlock(in: read(directory + "/README.md"))
        #expect(lines.contains { $0.hasPrefix("gradus release lessons ") }, "the README releases the whole course folder")
        let outcome = try run(lines, in: directory)
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(try read(directory + "/release/lessons/course.yml") == read(directory + "/lessons/course.yml"))
        #expect(FileManager.default.fileExists(atPath: directory + "/release/site/index.html"), "the released copy was not built")
        #expect(try read(directory + "/key-site/index.html").contains("view-banner"))
        #expect(try !read(directory + "/site/index.html").contains("view-banner"))
        #expect(try read(directory + "/release/lessons/01-first-lesson.md").contains("todo()"))
    }

    @Test func theAuthorsLoopInTheReadmeWorksAsWritten() throws {
        let directory = try scratch("loop")
        let lines = try Self.shellBlock(in: read(Self.root + "/README.md"), after: "### The author's loop")
        #expect(lines.first?.hasPrefix("gradus init my-course && cd my-course") == true)
        // What a grader is handed: one folder per student holding their lesson files.
        let submissions = "mkdir -p submissions/ada && cp release/lessons/*.md submissions/ada/"
        let outcome = try run(lines, in: directory, before: ["gradus grade": submissions])
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        let course = directory + "/my-course"
        #expect(FileManager.default.fileExists(atPath: course + "/lessons/02-momentum.md"))
        #expect(FileManager.default.fileExists(atPath: course + "/release/site/02-momentum.html"))
        #expect(try read(course + "/key-site/01-first-lesson.html").contains("view-banner"))
        let gradebook = try read(course + "/grades/gradebook.csv")
        #expect(gradebook.split(separator: "\n").contains { $0.hasPrefix("ada,") }, "\(gradebook)")
        #expect(FileManager.default.fileExists(atPath: course + "/autograder.zip"), "the Gradescope autograder was not written")
    }
}
