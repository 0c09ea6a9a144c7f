/// The loss tables of a comparison, chosen as the terminal shows them.
///
/// Snippets keeps its table builder internal, so the same rule is restated here: every step
/// when there are at most 20, else about ten evenly spaced and the last; the lowest finite
/// loss of each row is the best.
extension RunsRecord {
    var isMinimize: Bool { kind == "minimize" }

    /// The number of steps (minimize) or epochs (fit) of the longest run.
    var length: Int {
        let longest = runs.map(\.loss.count).max() ?? 0
        return isMinimize ? max(0, longest - 1) : longest
    }

    var displayedSteps: [Int] {
        let n = length
        let first = isMinimize ? 0 : 1
        guard n > 0 else { return isMinimize && runs.contains(where: { !$0.loss.isEmpty }) ? [0] : [] }
        if n <= 20 { return Array(first...n) }
        var steps: [Int] = []
        for i in 0..<10 {
            let step = first + Int((Double(i) * Double(n - first) / 10).rounded())
            if steps.last != step { steps.append(step) }
        }
        if steps.last != n { steps.append(n) }
        return steps
    }

    var unit: String { isMinimize ? "step" : "epoch" }

    /// The training-loss table, or with `validation` the validation-loss table of a fit.
    func lossTable(validation: Bool = false) -> TableRecord {
        let series = runs.map { validation ? $0.validationLoss : $0.loss }
        let steps = displayedSteps
        var rows: [[TableRecord.Value]] = []
        var best: [Int?] = []
        for step in steps {
            let index = isMinimize ? step : step - 1
            var row: [TableRecord.Value] = [.int(step)]
            var bestColumn: Int?
            var bestValue = Double.infinity
            for (column, run) in runs.enumerated() {
                let values = series[column]
                if let diverged = run.divergedAt, index >= diverged {
                    let shown = isMinimize ? diverged : diverged + 1
                    let firstRow = steps.first { (isMinimize ? $0 : $0 - 1) >= diverged } == step
                    row.append(.text(firstRow ? "diverged at \(unit) \(shown)" : ""))
                } else if index < values.count {
                    let value = values[index]
                    row.append(.number(value))
                    if value.isFinite, value < bestValue { bestValue = value; bestColumn = column + 1 }
                } else {
                    row.append(.text(""))
                }
            }
            rows.append(row)
            best.append(runs.count > 1 ? bestColumn : nil)
        }
        let notes = validation ? [] : runs.compactMap { run in
            run.stopReason.flatMap { $0.isEmpty ? nil : "\(run.name): \($0)" }
        }
        let heading = validation ? "validation loss" : (isMinimize ? title : "training loss")
        return TableRecord(title: heading, columns: [unit] + runs.map(\.name), rows: rows, best: best, footnotes: notes)
    }
}
