import Foundation
import Testing
@testable import Snippets

/// The JSON of `gradus run --format json`, as docs/run.md documents it.
@Suite struct JSONSchemaTests {
    static let lesson = """
        ```swift
        print("hello")
        0.1 + 0.2
        ```

        ```swift norun
        nothing
        ```

        ```swift
        table(columns: ["lr", "loss"], rows: [[0.1, 1.0 / 3], [1, 2]])
        ```

        ```swift
        let oops = missing
        ```
        """

    func decode(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func topLevelAndCells() throws {
        let json = try decode(JSONRenderer.render(Notebook.run(source: Self.lesson, path: "lessons/x.md")))
        #expect(Set(json.keys) == ["lesson", "cells"])
        #expect(json["lesson"] as? String == "lessons/x.md")
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.count == 4)
        #expect(cells.map { $0["index"] as? Int } == [1, 2, 3, 4])
        #expect(cells.map { $0["line"] as? Int } == [1, 6, 10, 14])
        #expect(cells.map { $0["status"] as? String } == ["ok", "skipped", "ok", "error"])
        for cell in cells { #expect(cell["outputs"] is [Any]) }
    }

    @Test func textOutputsKeepOrderAndFullPrecision() throws {
        let json = try decode(JSONRenderer.render(Notebook.run(source: Self.lesson, path: "x.md")))
        let cells = try #require(json["cells"] as? [[String: Any]])
        let outputs = try #require(cells[0]["outputs"] as? [[String: Any]])
        #expect(outputs.count == 2)
        #expect(outputs[0]["type"] as? String == "text")
        #expect(outputs[0]["text"] as? String == "hello")
        #expect(outputs[1]["text"] as? String == "0.30000000000000004")
    }

    @Test func tableRowsAreJSONNumbers() throws {
        let text = JSONRenderer.render(Notebook.run(source: Self.lesson, path: "x.md"))
        #expect(text.contains("[0.1,0.3333333333333333]"))
        let json = try decode(text)
        let cells = try #require(json["cells"] as? [[String: Any]])
        let table = try #require((cells[2]["outputs"] as? [[String: Any]])?.first)
        #expect(table["type"] as? String == "table")
        #expect(table["columns"] as? [String] == ["lr", "loss"])
        let rows = try #require(table["rows"] as? [[Double]])
        #expect(rows == [[0.1, 1.0 / 3], [1, 2]])
        #expect(table.keys.contains("title"))
    }

    @Test func errorsCarryMessageLineAndColumn() throws {
        let json = try decode(JSONRenderer.render(Notebook.run(source: Self.lesson, path: "x.md")))
        let cells = try #require(json["cells"] as? [[String: Any]])
        let error = try #require(cells[3]["error"] as? [String: Any])
        #expect(error["message"] as? String == "cannot find 'missing' in scope")
        #expect(error["line"] as? Int == 15)
        #expect(error["column"] as? Int == 12)
        #expect(cells[0]["error"] == nil)
    }

    @Test func runsKeepEveryStepAndEncodeNaNAsNull() throws {
        let runs = RunsOutput(title: "Rosenbrock", kind: .minimize, runs: [
            RunSeries(name: "GD(lr: 0.1)", loss: [4, 2, 1, .nan], points: [[0, 1], [0.5, 1], [1, 1], [.nan, .nan]]),
            RunSeries(name: "Adam(lr: 0.1)", loss: [4, 3.5, 3.25, 3.125], points: [[0, 1], [0.1, 1], [0.2, 1], [0.3, 1]], stopReason: "completed"),
        ])
        let object = try JSONSerialization.jsonObject(with: Data(JSONRenderer.output(.runs(runs)).serialized.utf8))
        let json = try #require(object as? [String: Any])
        #expect(json["type"] as? String == "runs")
        #expect(json["title"] as? String == "Rosenbrock")
        let list = try #require(json["runs"] as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["GD(lr: 0.1)", "Adam(lr: 0.1)"])
        let first = try #require(list[0]["loss"] as? [Any])
        #expect(first.count == 4)
        #expect(first[3] is NSNull)
        #expect(list[0]["divergedAt"] as? Int == 3)
        #expect(list[1]["loss"] as? [Double] == [4, 3.5, 3.25, 3.125])
        #expect(list[1]["points"] as? [[Double]] == [[0, 1], [0.1, 1], [0.2, 1], [0.3, 1]])
        #expect(list[1]["stopReason"] as? String == "completed")
        #expect(list[1]["validationLoss"] == nil)
    }

    /// Over seeds, `loss` holds the means and `spread` the sample standard deviation, min and max per step.
    @Test func runsOverSeedsCarryTheirSeedsAndSpread() throws {
        // From (s, 0) on x² + y², the loss at the start is s²: 1 and 9 for seeds 1 and 3, so the
        // mean is 5 and s = √((16 + 16)/1) = √32.
        let lesson = "```swift\noverSeeds([1, 3]) { seed in minimize(Quadratic(), from: [Double(seed), 0], steps: 2) { GD(lr: 0.1) } }\n```\n"
        let json = try decode(JSONRenderer.render(Notebook.run(source: lesson, path: "x.md")))
        let cells = try #require(json["cells"] as? [[String: Any]])
        let runs = try #require((cells.first?["outputs"] as? [[String: Any]])?.first)
        #expect(runs["type"] as? String == "runs")
        #expect(runs["seeds"] as? [Int] == [1, 3])
        let run = try #require((runs["runs"] as? [[String: Any]])?.first)
        #expect((run["loss"] as? [Double])?.first == 5)
        let spread = try #require(run["spread"] as? [String: Any])
        #expect((spread["standardDeviation"] as? [Double])?.first == 32.0.squareRoot())
        #expect((spread["minimum"] as? [Double])?.first == 1 && (spread["maximum"] as? [Double])?.first == 9)
        #expect((spread["standardDeviation"] as? [Double])?.count == 3)
        #expect(run["validationSpread"] == nil)
    }

    @Test func stringsAreEscaped() {
        #expect(JSON.string("a\"b\\c\nd\u{1}").serialized == #""a\"b\\c\nd\u0001""#)
    }
}
