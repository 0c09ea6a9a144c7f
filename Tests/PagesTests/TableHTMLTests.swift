import Foundation
import Testing
import Snippets
@testable import Pages

/// Tables as HTML: header, numbers right-aligned, the best value of each row marked.
@Suite struct TableHTMLTests {
    @Test func marksTheGivenBestCellOfEachRow() {
        let table = TableOutput(title: "sweep", columns: ["step", "GD", "Adam"],
                                rows: [[.int(0), .number(1.5), .number(2.5)], [.int(1), .number(0.75), .number(0.5)]],
                                best: [1, 2], footnotes: ["GD: stopped"])
        let html = OutputHTML.table(table)
        #expect(html.contains("<caption>sweep</caption>"))
        #expect(html.contains("<th scope=\"col\">GD</th><th scope=\"col\">Adam</th>"))
        // Row 1: GD (column 1) best; row 2: Adam (column 2) best.
        let rows = html.components(separatedBy: "<tr>").dropFirst(2).map { $0 }
        #expect(rows.count == 2)
        #expect(rows[0].contains("<td class=\"num best\"><strong title=\"best in this row\">1.5000</strong></td><td class=\"num\">2.5000</td>"))
        #expect(rows[1].contains("<td class=\"num\">0.7500</td><td class=\"num best\"><strong title=\"best in this row\">0.5000</strong></td>"))
        #expect(html.components(separatedBy: "class=\"num best\"").count - 1 == 2)
        #expect(html.contains("<p class=\"table-note\">GD: stopped</p>"))
    }

    @Test func escapesText() {
        let table = TableOutput(title: "<b>", columns: ["a&b"], rows: [[.text("<script>")]], best: [nil], footnotes: [])
        let html = OutputHTML.table(table)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;") && html.contains("a&amp;b") && html.contains("&lt;b&gt;"))
    }

    /// The loss table of a comparison marks the lowest loss of each row, found here by hand.
    @Test func comparisonTableMarksLowestLossPerRow() {
        let runs = RunsOutput(title: "bowl", kind: .minimize, runs: [
            RunSeries(name: "A", loss: [4, 2, 1.5, 1.2]),
            RunSeries(name: "B", loss: [4, 3, 1, 0.5]),
            RunSeries(name: "C", loss: [4, 1, .infinity, .nan]),
        ])
        let table = runs.lossTable()
        #expect(table.columns == ["step", "A", "B", "C"])
        #expect(table.rows.map { $0.first } == [.int(0), .int(1), .int(2), .int(3)])
        // Step 0: a tie at 4, the first (A) is marked; step 1: C's 1 is lowest;
        // step 2: C diverged, B's 1 < A's 1.5; step 3: B's 0.5.
        #expect(table.best == [1, 3, 2, 2])
        #expect(table.rows[2][3] == .text("diverged at step 2"))
        #expect(table.rows[3][3] == .text(""))
        let html = OutputHTML.table(table)
        #expect(html.contains("<td>diverged at step 2</td>"))
    }

    @Test func longRunsShowARoundStrideAndTheLast() {
        let runs = RunsOutput(title: "long", kind: .fit, runs: [RunSeries(name: "A", loss: (1...45).map { 1 / Double($0) })])
        let table = runs.lossTable()
        // Fit epochs 1...45: the first, every 5th (4.5 rounded up to 1, 2, 5 × 10^k) and the last, which is also the best.
        #expect(table.rows.map { $0.first } == [1, 5, 10, 15, 20, 25, 30, 35, 40, 45].map { TableCell.int($0) })
        #expect(table.best.allSatisfy { $0 == nil }, "a single run has nothing to compare")
    }

    @Test func numbersUseFourSignificantDigits() {
        #expect(OutputHTML.number(0.123456) == "0.1235")
        #expect(OutputHTML.number(12.5) == "12.5")
        #expect(OutputHTML.number(1.5e-7) == "1.500e-07")
        #expect(OutputHTML.number(.infinity) == "inf")
    }
}
