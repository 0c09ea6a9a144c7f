import Snippets
import Testing

/// The interpreter's expectations and `todo()`, read from structured cell results.
@Suite struct ExpectationTests {
    func run(_ cells: [String], attributes: String = "") -> NotebookResult {
        let source = "# T\n\n" + cells.map { "```swift \(attributes)\n\($0)\n```\n" }.joined(separator: "\n")
        return Notebook.run(source: source, path: "t.md")
    }

    @Test func failedExpectationFailsTheCellAtItsLineWithItsMessage() throws {
        let result = run(["let a = 2\nexpect(a == 3, \"a should be 3\")\nprint(\"never\")"])
        let cell = try #require(result.cells.first)
        #expect(cell.status == .error)
        #expect(cell.failureKind == .expectation)
        #expect(cell.error?.message == "a should be 3")
        #expect(cell.error?.location.line == 5 && cell.error?.location.column == 1)
        #expect(cell.outputs.isEmpty)
        let plain = try #require(run(["expect(1 > 2)"]).cells.first)
        #expect(plain.error?.message == "expected 1 > 2 to be true")
    }

    @Test func expectCloseComparesNumbersAndTensorsWithinTolerance() throws {
        #expect(run(["expectClose(0.1 + 0.2, 0.3)"]).cells.first?.status == .ok)
        #expect(run(["expectClose(Tensor([[1, 2], [3, 4]]), [[1, 2], [3, 4.0000000001]])"]).cells.first?.status == .ok)
        let off = try #require(run(["expectClose(Tensor([[1, 2], [3, 4]]), [[1, 2], [3, 4.5]], tolerance: 1e-3)"]).cells.first)
        // |4 - 4.5| = 0.5 > 1e-3 · (1 + 4.5); the first differing element is [1, 1].
        #expect(off.error?.message == "expected 4.5 at element [1, 1], got 4.0 (difference 0.5, tolerance 0.001)")
        let shape = try #require(run(["expectClose([1.0, 2.0], [1.0, 2.0, 3.0])"]).cells.first)
        #expect(shape.error?.message == "expected a value of shape [3], got shape [2]")
    }

    @Test func expectLossChecksTheFinalLossOfEveryRun() throws {
        let pass = run(["let r = minimize(Quadratic(), from: [1, 1], steps: 100) { GD(lr: 0.1) }\nexpectLoss(r, below: 1e-6)"])
        #expect(pass.cells.first?.status == .ok, "\(pass.cells.first?.error?.message ?? "")")
        let fail = run(["let r = minimize(Quadratic(), from: [1, 1], steps: 1) { GD(lr: 0.1) }\nexpectLoss(r, below: 1e-6)"])
        #expect(fail.cells.first?.error?.message.contains("not below 1e-06") == true)
    }

    @Test func todoIsNotCompletedNotAFailure() throws {
        let result = run(["func f() -> Int {\n    todo()\n}", "f()"])
        #expect(result.cells.map(\.status) == [.ok, .skipped])
        #expect(result.cells[1].failureKind == .notCompleted)
        #expect(result.cells[1].error?.message == "exercise not completed yet")
        #expect(!result.hasUnexpectedFailure)
    }

    @Test func gradingNamesCannotBeRedefinedOrShadowed() throws {
        for attempt in ["let expect = 1", "var todo = 2", "func expectClose(_ a: Double, _ b: Double) {}",
                        "func expectLoss() -> Int { 0 }", "let (expectSameTrajectory, x) = (1, 2)"] {
            let cell = try #require(run([attempt]).cells.first)
            #expect(cell.status == .error, "\(attempt)")
            #expect(cell.error?.message.contains("is reserved for checking exercises") == true, "\(attempt)")
        }
        // A closure parameter named `expect` does not capture calls to it.
        let shadow = run(["let f = { (expect: Int) in expect(false, \"still the builtin\") }\nf(1)"])
        #expect(shadow.cells.first?.error?.message == "still the builtin")
    }

    @Test func printingCannotChangeACellsStatus() throws {
        let result = run(["print(\"PASSED\")\nprint(\"status: ok\")\nexpect(false, \"really failed\")"])
        #expect(result.cells.first?.status == .error)
        #expect(result.cells.first?.failureKind == .expectation)
    }
}
