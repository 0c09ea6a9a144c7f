import Testing
@testable import Snippets

/// Fence attributes: `hide`, `norun`, `raises`, `timeout=`, and grading attributes that run like plain cells.
@Suite struct AttributeTests {
    static let lesson = """
        # Attributes

        ```swift
        let a = 2
        a * 10
        ```

        ```swift hide
        let b = a + 1
        b
        ```

        ```swift norun
        let c = thisWouldFail
        ```

        ```swift raises
        let d = Tensor([1.0, 2.0]) + Tensor([1.0, 2.0, 3.0])
        ```

        ```swift raises
        let e = 1
        ```

        ```swift exercise=double points=2 hidden
        func double(_ x: Int) -> Int { x * 2 }
        double(b)
        ```

        ```swift test=double
        double(21)
        ```

        ```python
        print("not swift")
        ```
        """

    let result = Notebook.run(source: lesson, path: "attributes.md")

    @Test func onlySwiftCellsAreCells() {
        #expect(result.cells.count == 7)
        #expect(result.cells.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(result.cells.map(\.line) == [3, 8, 13, 17, 21, 25, 30])
    }

    @Test func plainCellShowsSourceAndValue() {
        #expect(result.cells[0].status == .ok)
        #expect(CaseFileTests.shown(result.cells[0].outputs) == ["20"])
    }

    @Test func hideStillRuns() {
        #expect(result.cells[1].status == .ok)
        #expect(CaseFileTests.shown(result.cells[1].outputs) == ["3"])
    }

    @Test func norunIsSkipped() {
        #expect(result.cells[2].status == .skipped)
        #expect(result.cells[2].error == nil)
        #expect(result.cells[2].outputs.isEmpty)
    }

    @Test func raisesShowsTheErrorWithoutFailing() {
        let cell = result.cells[3]
        #expect(cell.status == .ok)
        #expect(cell.expectedError)
        #expect(cell.error?.message == "shape mismatch in +: [2] and [3] cannot be combined")
        #expect(cell.error?.location.line == 18)
        #expect(cell.error?.location.column == 28)
    }

    @Test func raisesWithoutAnErrorFails() {
        let cell = result.cells[4]
        #expect(cell.status == .error)
        #expect(cell.error?.message == "this cell is marked 'raises' but ran without an error")
        #expect(cell.error?.location.line == 21)
    }

    @Test func gradingAttributesRunLikePlainCells() {
        #expect(result.cells[5].status == .ok)
        #expect(CaseFileTests.shown(result.cells[5].outputs) == ["6"])
        #expect(CaseFileTests.shown(result.cells[6].outputs) == ["42"])
        #expect(result.hasUnexpectedFailure)
    }

    @Test func onlyCellRunsEarlierCellsForTheirNames() {
        var options = NotebookOptions()
        options.onlyCell = 6
        let partial = Notebook.run(source: Self.lesson, path: "attributes.md", options: options)
        #expect(partial.cells.count == 1)
        #expect(partial.cells.first?.number == 6)
        #expect(CaseFileTests.shown(partial.cells.first?.outputs ?? []) == ["6"])
        #expect(!partial.hasUnexpectedFailure)
    }

    @Test func fenceTimeoutOverridesTheDefault() {
        let lesson = """
            ```swift timeout=0.5
            while true {}
            ```
            """
        let error = Notebook.run(source: lesson, path: "t.md").cells.first?.error
        #expect(error?.message.hasPrefix("time limit exceeded: the cell ran longer than 0.5 s") == true)
    }
}
