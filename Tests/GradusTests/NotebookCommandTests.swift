import Foundation
import Testing

/// `gradus export --to ipynb` and `gradus import FILE.ipynb`, run as the built binary: every kind
/// of output embedded and valid for nbformat and nbconvert, the round trip, foreign and malformed
/// notebooks, and `-` for pipes.
@Suite struct NotebookCommandTests {
    let runner = RunCommandTests()
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = root + "/Tests/GradusTests/Fixtures/notebooks"
    static let venv = root + "/.build/venv/bin"

    /// A fresh folder holding a copy of the fixture `name`, and the copy's path.
    func copy(_ name: String, into folder: String) throws -> (directory: String, path: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradus-notebook-\(ProcessInfo.processInfo.processIdentifier)-\(folder)").path
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixtures + "/" + name, toPath: directory + "/" + name)
        return (directory, directory + "/" + name)
    }

    func read(_ path: String) throws -> String { String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) }

    /// Runs a shell pipeline with the built gradus as `$GRADUS`.
    func shell(_ script: String) throws -> RunCommandTests.Outcome {
        try RunCommandTests.execute(URL(fileURLWithPath: "/bin/sh"), ["-c", script],
                                    environment: ["NO_COLOR": "1", "GRADUS": RunCommandTests.binary.path, "PATH": "/usr/bin:/bin"])
    }

    /// `scripts/check-notebooks.py` on one notebook: nbformat's validation and the output counts.
    func check(_ notebook: String) throws -> [String: Any] {
        try #require(FileManager.default.isExecutableFile(atPath: Self.venv + "/python"), "no .build/venv: run 'make venv-test' (make test does)")
        let outcome = try RunCommandTests.execute(URL(fileURLWithPath: Self.venv + "/python"),
                                                  [Self.root + "/scripts/check-notebooks.py", notebook], environment: [:])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        return try #require(summary as? [String: Any])
    }

    @Test func everyKindOfOutputIsEmbeddedValidAndRendersWithNbconvert() throws {
        let (directory, lesson) = try copy("outputs.md", into: "outputs")
        let notebook = directory + "/outputs.ipynb"
        let exported = try runner.run(["export", lesson, "-o", notebook])
        let source = try read(lesson)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let failingLine = try #require(lines.firstIndex { $0.contains("undefinedName") }) + 1
        #expect(exported.status == 1, "the failing cell makes export exit 1: \(exported.stderr)")
        #expect(exported.stderr.contains("\(lesson):\(failingLine):"), "\(exported.stderr)")

        let summary = try check(notebook)
        #expect(summary["valid"] as? Bool == true, "\(summary)")
        #expect(summary["nbformat"] as? [Int] == [4, 5])
        let outputs = try #require(summary["outputs"] as? [String: Int])
        #expect(outputs["stream"] == 1, "print's text: \(outputs)")
        #expect(outputs["text/html"] == 2, "the sweep table and the comparison's loss table: \(outputs)")
        #expect(outputs["image/svg+xml"] == 3, "halving, the loss curves and the contour map: \(outputs)")
        #expect(outputs["alt"] == 3, "every plot has an alt text: \(outputs)")
        #expect(outputs["executed"] == 7, "every swift cell ran: \(outputs)")
        #expect(summary["enames"] as? [String] == ["ExpectedError", "Error"], "\(summary)")
        let tracebacks = try #require(summary["tracebacks"] as? [String])
        #expect(tracebacks.last?.hasPrefix("\(lesson):\(failingLine):") == true, "\(tracebacks)")
        #expect(summary["cells"] as? [String] == ["markdown", "code", "code", "code", "code", "code", "code", "markdown", "code"])

        let text = try read(notebook)
        #expect(text.contains("\"image/svg+xml\": \"<svg xmlns=\\\"http://www.w3.org/2000/svg\\\""))
        #expect(text.contains("$x_{t+1} = x_t - \\\\eta \\\\nabla f(x_t)$"), "math kept exactly")
        #expect(text.contains("\"grade_id\": \"square\""), "nbgrader metadata on the exercise")
        let back = try runner.run(["import", notebook])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(Array(back.stdout.utf8) == Array(source.utf8), "the notebook imports back to the lesson")
        // Exporting again uses the cache and gives the same bytes.
        #expect(try runner.run(["export", lesson, "--to", "ipynb"]).stdout == text)

        let converted = try RunCommandTests.execute(URL(fileURLWithPath: Self.venv + "/jupyter"),
                                                    ["nbconvert", "--to", "html", "--output-dir", directory + "/html", notebook],
                                                    environment: ["PATH": Self.venv + ":/usr/bin:/bin", "HOME": directory])
        #expect(converted.status == 0, "\(converted.stderr)")
        let html = try read(directory + "/html/outputs.html")
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"") || html.contains("data:image/svg+xml"), "no plot in nbconvert's page")
        #expect(html.contains("<caption>sweep</caption>"), "no table in nbconvert's page")
        #expect(html.contains("hello from a cell"))
        #expect(html.contains("undefinedName"))
    }

    @Test func noRunStudentAndFormatInference() throws {
        let (directory, lesson) = try copy("outputs.md", into: "student")
        let notebook = directory + "/plain.ipynb"
        let plain = try runner.run(["export", lesson, "--no-run", "-o", notebook])
        #expect(plain.status == 0, "nothing runs, so nothing fails: \(plain.stderr)")
        let text = try read(notebook)
        #expect(text.hasPrefix("{\n \"cells\": ["), "-o FILE.ipynb writes a notebook")
        #expect(!text.contains("\"output_type\""), "--no-run embeds no output")
        #expect(!text.contains("\"execution_count\": 1"))

        let student = try runner.run(["export", lesson, "--student", "--no-run", "--to", "ipynb"])
        #expect(student.status == 0, "\(student.stderr)")
        #expect(!student.stdout.contains("return x * x"), "the solution is replaced")
        #expect(!student.stdout.contains("expect(square(3) == 9)"), "the hidden test is absent")
        #expect(student.stdout.contains("todo()"))

        #expect(try runner.run(["export", lesson, "--no-run"]).status == 64, "--no-run needs a notebook")
        #expect(try runner.run(["export", lesson, "--to", "ipynb", "--package", directory + "/p"]).status == 64)
        #expect(try runner.run(["export", lesson, "--to", "pdf"]).status == 64)
    }

    @Test func pipesWorkForNotebooksAndScripts() throws {
        let (directory, lesson) = try copy("outputs.md", into: "pipes")
        let source = try read(lesson)
        let notebook = try shell("\"$GRADUS\" export '\(lesson)' --to ipynb --no-run -o - | \"$GRADUS\" import - -o '\(directory)/copy.md'")
        #expect(notebook.status == 0, "\(notebook.stderr)")
        #expect(try read(directory + "/copy.md") == source)
        let stdin = try shell("cat '\(lesson)' | \"$GRADUS\" export - --to ipynb --no-run | \"$GRADUS\" import -")
        #expect(stdin.status == 0, "\(stdin.stderr)")
        #expect(Array(stdin.stdout.utf8) == Array(source.utf8))
        let script = try shell("cat '\(lesson)' | \"$GRADUS\" export - -o - | \"$GRADUS\" import - -o -")
        #expect(script.status == 0, "\(script.stderr)")
        #expect(Array(script.stdout.utf8) == Array(source.utf8))
    }

    @Test func foreignSwiftNotebookBecomesALessonThatRuns() throws {
        let (directory, notebook) = try copy("foreign-swift.ipynb", into: "foreign")
        let lesson = directory + "/momentum.md"
        let imported = try runner.run(["import", notebook, "-o", lesson])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try read(lesson) == (try read(Self.fixtures + "/foreign-swift.md")))
        let run = try runner.run(["run", lesson])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("0.45999999999999996"), "\(run.stdout)")
    }

    @Test(arguments: [
        ("truncated.ipynb", "truncated.ipynb:4:2: error: expected ',' or '}' in an object, found the end of the file"),
        ("nbformat3.ipynb", "nbformat3.ipynb:3:14: error: this is an nbformat 3 notebook; gradus reads nbformat 4"),
    ])
    func malformedNotebooksAreLocatedErrors(name: String, message: String) throws {
        let (_, notebook) = try copy(name, into: "bad-" + name)
        let outcome = try runner.run(["import", notebook])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix(notebook.dropLast(name.count) + message), "\(outcome.stderr)")
    }
}
