import Foundation
import Lessons
import Testing
@testable import Snippets

/// What `gradus export` makes of a cell: `show(...)` for displayed values, `try`/`throws` for compiled Swift.
@Suite struct ExportTests {
    /// The code with `show(...)` around each range `DisplayedValues` finds.
    func shown(_ code: String) -> String {
        ShowCalls.wrap(code, DisplayedValues.ranges(in: code))
    }

    @Test func theLastValueAndUnboundComparisonsAreShown() {
        #expect(shown("let a = 1\na + 1") == "let a = 1\nshow(a + 1)")
        #expect(shown("minimize(f, from: [0, 0], steps: 2) { GD() }\nlet b = 2") == "show(minimize(f, from: [0, 0], steps: 2) { GD() })\nlet b = 2")
        #expect(shown("for lr in [0.1, 0.2] {\n    table(columns: [\"a\"], rows: [[lr]])\n}") ==
            "for lr in [0.1, 0.2] {\n    show(table(columns: [\"a\"], rows: [[lr]]))\n}")
        #expect(shown("x // the value\n") == "show(x) // the value\n")
    }

    @Test func statementsWithoutAValueAreLeftAlone() {
        for code in ["x = 1", "x += 1", "print(x)", "xs.append(1)", "expect(x > 0)", "_ = minimize(f, from: [0], steps: 1) { GD() }",
                     "if x > 0 { print(x) }", "let y = 1", "func f() -> Int { 1 }",
                     // A closure's single expression is its result, not a display.
                     "let rows = rates.map { r in table(columns: [\"r\"], rows: [[r]]) }"] {
            #expect(DisplayedValues.ranges(in: code).isEmpty, "\(code)")
        }
    }

    @Test func theShowBuiltinDisplaysWhereItIsCalled() throws {
        let result = Notebook.run(source: "```swift\nlet a = 2\nshow(a * 3)\nprint(\"after\")\nshow(print(\"void\"))\n```\n", path: "show.md")
        let cell = try #require(result.cells.first)
        #expect(cell.status == .ok)
        #expect(cell.outputs == [.text("6"), .text("after\nvoid")])
    }

    @Test func compiledSwiftGetsTryAndThrows() {
        #expect(CompiledSwift.rewrite("let a = b * c\nlet d = 1") == "let a = try b * c\nlet d = 1")
        #expect(CompiledSwift.rewrite("func loss(_ w: Tensor) -> Double {\n    return (w * w).sum()\n}") ==
            "func loss(_ w: Tensor) throws -> Double {\n    return try (w * w).sum()\n}")
        #expect(CompiledSwift.rewrite("let f: (Double) -> Double = { x in x * 2 }") ==
            "let f: (Double) throws -> Double = { x in try x * 2 }")
        #expect(CompiledSwift.rewrite("for k in 0..<n {\n    if a[k] > 0 { w[k] = f(k) }\n}") ==
            "for k in try 0..<n {\n    if try a[k] > 0 { try w[k] = f(k) }\n}")
        // Stored and rethrowing closures may throw; Function2D's formula may not.
        #expect(CompiledSwift.rewrite("let s = xs.map { $0 * t }") == "let s = try xs.map { try $0 * t }")
        #expect(CompiledSwift.rewrite("let f = Function2D(\"f\") { x, y in x * y }") == "let f = try Function2D(\"f\") { x, y in x * y }")
    }

    @Test func builderBlocksOnlyTryTheLessonsOwnFunctions() {
        let code = "minimize(f, from: [0], steps: 1) {\n    GD(lr: rate())\n    Adam(lr: 0.1)\n}"
        #expect(CompiledSwift.rewrite(code, userFunctions: ["rate"]) ==
            "try minimize(f, from: [0], steps: 1) {\n    try GD(lr: rate())\n    Adam(lr: 0.1).named(\"Adam(lr: 0.1)\")\n}")
    }

    @Test func literalOptimizersKeepTheNameTheLessonGaveThem() {
        #expect(CompiledSwift.rewrite("let o = Momentum(lr: 0.001, mu: 0.9, form: .classic)") ==
            "let o = try Momentum(lr: 0.001, mu: 0.9, form: .classic).named(\"Momentum(lr: 0.001, mu: 0.9, form: .classic)\")")
        #expect(CompiledSwift.rewrite("let o = Adam.keras()") == "let o = try Adam.keras().named(\"Adam.keras()\")")
        // A computed argument: Descent's own name already shows the value, as the interpreter does.
        #expect(CompiledSwift.rewrite("let o = Adam(lr: rate)") == "let o = try Adam(lr: rate)")
    }

    @Test func aLessonsOwnTypeNamedLikeAnOptimizerIsNotRenamed() {
        let code = "class Momentum { init(lr: Double) {} }\nlet heavy = Momentum(lr: 0.1)"
        let types = CompiledSwift.declaredTypes(in: code)
        #expect(types == ["Momentum"])
        #expect(!CompiledSwift.rewrite(code, userTypes: types).contains(".named("))
        #expect(CompiledSwift.rewrite(code).contains(".named(\"Momentum(lr: 0.1)\")"))
        #expect(CompiledSwift.declaredTypes(in: "struct A {}\nenum B {}\nprotocol C {}\nfunc d() {}") == ["A", "B", "C"])
    }

    @Test func testCellsAreGuardedAndNorunCellsCommentedOut() throws {
        let markdown = "```swift\nlet a = 1\n```\n\n```swift test=t points=1\nexpect(a == 1)\n```\n\n```swift norun\nwhile true {}\n```\n"
        let package = LessonPackage(lessonSource: markdown, path: "lessons/03-x.md", dependency: .url("https://example.com/me/gradus.git", version: "1.2.3"))
        #expect(package.name == "lesson-03-x")
        #expect(package.mainSource.contains("\n// %% test=t points=1\ndo {\n    try expect(a == 1)\n} catch {\n    print(\"test failed: \\(error)\")\n}\n"))
        #expect(package.mainSource.contains("\n// %% norun\n// (not run in the lesson: norun)\n// while true {}\n"))
        #expect(package.packageManifest.contains(".package(url: \"https://example.com/me/gradus.git\", exact: \"1.2.3\")"))
        #expect(package.packageManifest.contains(".product(name: \"Descent\", package: \"gradus\")"))
    }

    /// Every lesson exports with its displayed values shown, and imports back byte for byte.
    @Test func everyCourseLessonRoundTripsWithShows() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("lessons")
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
            .map { folder.appendingPathComponent($0).path } + [root.appendingPathComponent("docs/dsl.md").path]
        #expect(paths.count >= 13)
        for path in paths {
            let markdown = try String(contentsOfFile: path, encoding: .utf8)
            let script = PercentScript.script(fromLesson: markdown, path: path, displays: DisplayedValues.ranges)
            #expect(try PercentScript.lesson(fromScript: script) == markdown, "\(path) does not round-trip")
            // Not the fallback without shows: every cell that displays something is tagged.
            let displaying = Lesson.parse(source: markdown, path: path).cells.filter {
                $0.language == "swift" && !$0.isNested && !ShowCalls.hasStatementCall($0.source) && !DisplayedValues.ranges(in: $0.source).isEmpty
            }.count
            let tagged = script.split(separator: "\n").filter { $0.hasPrefix("// %%") && $0.contains("[show]") }.count
            #expect(tagged == displaying && tagged > 0, "\(path): \(tagged) [show] cells, \(displaying) displaying cells")
        }
    }
}
