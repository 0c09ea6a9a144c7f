import Outputs
import Testing
@testable import Pages

/// Tables that read well: sampled rows evenly spaced with the best and the last, one number format
/// per column, a caption and header scopes on every table.
@Suite struct TableRulesTests {
    /// A 200-step minimization whose loss is lowest at step 37 and climbs after.
    static let runs: RunsOutput = {
        var loss: [Double] = []
        for step in 0...200 {
            let value: Double = step <= 37 ? 10 - Double(step) * 0.25 : 0.75 + Double(step - 37) * 0.01
            loss.append(value)
        }
        return RunsOutput(title: "climb", kind: .minimize, runs: [RunSeries(name: "GD", loss: loss)])
    }()

    @Test func sampledRowsAreEvenlySpacedWithTheBestAndTheLast() {
        let steps = Self.runs.displayedSteps
        #expect(steps == [0, 20, 37, 40, 60, 80, 100, 120, 140, 160, 180, 200], "\(steps)")
        let table = Self.runs.lossTable()
        #expect(table.rows.map { $0.first } == steps.map { TableCell.int($0) })
    }

    @Test func oddLengthsKeepARoundStrideAndTheLastStep() {
        let fit = RunsOutput(title: "fit", kind: .fit, runs: [RunSeries(name: "SGD", loss: (1...37).map { 1 / Double($0) })])
        // 37 epochs: a stride of 5 (3.7 rounded up to 1, 2, 5 × 10^k), the first epoch, the best (the last).
        #expect(fit.displayedSteps == [1, 5, 10, 15, 20, 25, 30, 35, 37])
    }

    @Test func aColumnHasOneNumberFormat() {
        let html = OutputHTML.table(TableOutput(title: nil, columns: ["lr", "loss", "big"],
                                                rows: [[.number(0.5), .number(12), .number(3)], [.number(0.0012), .number(0.25), .number(2e6)]]))
        #expect(html.contains("<th scope=\"row\" class=\"num\">0.500000</th>"), "\(html)")
        #expect(html.contains("<th scope=\"row\" class=\"num\">0.001200</th>"))
        #expect(html.contains("<td class=\"num\">12.0000</td>") && html.contains("<td class=\"num\">0.2500</td>"))
        #expect(html.contains("<td class=\"num\">3.000e+00</td>") && html.contains("<td class=\"num\">2.000e+06</td>"))
    }

    @Test func everyTableHasACaptionAndHeaderScopes() {
        let untitled = OutputHTML.table(TableOutput(title: nil, columns: ["lr", "loss"], rows: [[.number(0.1), .number(0.5)]]))
        #expect(untitled.contains("<caption class=\"visually-hidden\">Table of lr, loss</caption>"))
        #expect(untitled.contains("<th scope=\"col\">lr</th>") && untitled.contains("<th scope=\"row\""))
        let titled = OutputHTML.table(TableOutput(title: "sweep", columns: ["lr"], rows: [[.number(0.1)]]))
        #expect(titled.contains("<caption>sweep</caption>"))
    }
}
