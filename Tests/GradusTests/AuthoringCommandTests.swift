import Foundation
import Testing

/// `gradus export`, `import`, `init` and `new lesson`, run as the built binary.
@Suite struct AuthoringTests {
    let runner = RunCommandTests()

    /// A fresh empty folder under the temporary directory.
    func scratch(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradus-authoring-\(ProcessInfo.processInfo.processIdentifier)-\(name)").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func read(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func exportThenImportGivesBackTheLessonFile() throws {
        let directory = try scratch("roundtrip")
        let lesson = directory + "/lesson.md"
        let markdown = "---\r\ntitle: T\r\n---\r\n\r\nProse.\r\n\r\n~~~swift hide\r\nlet a = 1\r\n~~~\r\n"
        try Data(markdown.utf8).write(to: URL(fileURLWithPath: lesson))
        let exported = try runner.run(["export", lesson])
        #expect(exported.status == 0)
        #expect(exported.stdout == "// ---\r\n// title: T\r\n// ---\r\n\r\n// %% [markdown]\r\n// Prose.\r\n\r\n// %% [fence=~~~] hide\r\nlet a = 1\r\n")
        let script = directory + "/lesson.swift"
        #expect(try runner.run(["export", lesson, "-o", script]).status == 0)
        let back = directory + "/back.md"
        let imported = try runner.run(["import", script, "-o", back])
        #expect(imported.status == 0)
        #expect(try read(back) == Array(markdown.utf8))
    }

    @Test func badInputIsReported() throws {
        let directory = try scratch("bad")
        #expect(try runner.run(["export", directory + "/missing.md"]).status == 64)
        let script = directory + "/bad.swift"
        try Data("// %% [markdown]\nlet x = 1\n".utf8).write(to: URL(fileURLWithPath: script))
        let outcome = try runner.run(["import", script])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("\(script):2:1: error:"))
    }

    @Test func initThenBuildSucceedsAndInitRefusesToOverwrite() throws {
        let directory = try scratch("init") + "/course"
        let created = try runner.run(["init", directory])
        #expect(created.status == 0, "\(created.stderr)")
        for file in ["README.md", "lessons/course.yml", "lessons/01-first-lesson.md"] {
            #expect(FileManager.default.fileExists(atPath: directory + "/" + file), "\(file) missing")
        }
        let built = try runner.run(["build", "--lessons", directory + "/lessons", "--out", directory + "/site"])
        #expect(built.status == 0, "\(built.stdout)\n\(built.stderr)")
        #expect(built.stdout.contains("cells run, 0 failed,"), "\(built.stdout)")
        #expect(FileManager.default.fileExists(atPath: directory + "/site/index.html"))

        let before = try read(directory + "/lessons/course.yml")
        let again = try runner.run(["init", directory])
        #expect(again.status == 1)
        #expect(again.stderr.contains("is not empty"))
        #expect(try read(directory + "/lessons/course.yml") == before)
    }

    @Test func newLessonIsNumberedListedAndBuilds() throws {
        let directory = try scratch("new") + "/course"
        #expect(try runner.run(["init", directory]).status == 0)
        let lessons = directory + "/lessons"
        let manifest = lessons + "/course.yml"
        var text = String(decoding: try read(manifest), as: UTF8.self)
        text = text.replacingOccurrences(of: "lessons:\n", with: "# the order students see\nlessons:  # keep sorted\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: manifest))

        let added = try runner.run(["new", "lesson", "Momentum: a ball rolling", "--lessons", lessons])
        #expect(added.status == 0, "\(added.stderr)")
        let file = lessons + "/02-momentum-a-ball-rolling.md"
        let lesson = String(decoding: try read(file), as: UTF8.self)
        #expect(lesson.hasPrefix("---\ntitle: \"Momentum: a ball rolling\"\n"))
        #expect(lesson.contains("```swift\n"))
        let expected = text.replacingOccurrences(
            of: "  - 01-first-lesson.md\n", with: "  - 01-first-lesson.md\n  - 02-momentum-a-ball-rolling.md\n")
        #expect(String(decoding: try read(manifest), as: UTF8.self) == expected)

        let built = try runner.run(["build", "--lessons", lessons, "--out", directory + "/site"])
        #expect(built.status == 0, "\(built.stdout)\n\(built.stderr)")
        #expect(!built.stderr.contains("error"), "\(built.stderr)")
        #expect(try runner.run(["new", "lesson", "x", "--lessons", directory]).status == 1)
    }
}
