/// The loss table a comparison shows: selected steps as rows, one column per optimizer.
///
/// The terminal, the site and the feedback pages all draw this one table.
extension RunsOutput {
    /// The number of steps (minimize) or epochs (fit) of the longest run.
    public var length: Int {
        let longest = runs.map(\.loss.count).max() ?? 0
        return kind == .minimize ? max(0, longest - 1) : longest
    }

    /// Every step when there are at most 20, else about ten evenly spaced plus the last.
    public var displayedSteps: [Int] {
        let n = length
        let first = kind == .minimize ? 0 : 1
        guard n > 0 else { return kind == .minimize && runs.contains(where: { !$0.loss.isEmpty }) ? [0] : [] }
        if n <= 20 { return Array(first...n) }
        var steps: [Int] = []
        for i in 0..<10 {
            let step = first + Int((Double(i) * Double(n - first) / 10).rounded())
            if steps.last != step { steps.append(step) }
        }
        if steps.last != n { steps.append(n) }
        return steps
    }

    public var unit: String { kind == .minimize ? "step" : "epoch" }

    /// Each run's loss against its step (from 0) or epoch (from 1), as the terminal and the site plot it.
    public var lossCurves: [PlotSeries] {
        let offset = kind == .minimize ? 0 : 1
        return runs.map { run in PlotSeries(name: run.name, x: run.loss.indices.map { Double($0 + offset) }, y: run.loss) }
    }

    /// The training-loss table, or with `validation` the validation-loss table of a fit.
    public func lossTable(validation: Bool = false) -> TableOutput {
        let series = runs.map { validation ? $0.validationLoss : $0.loss }
        var rows: [[TableCell]] = []
        var best: [Int?] = []
        for step in displayedSteps {
            let index = kind == .minimize ? step : step - 1
            var row: [TableCell] = [.int(step)]
            var bestColumn: Int?
            var bestValue = Double.infinity
            for (column, run) in runs.enumerated() {
                let values = series[column]
                let divergedIndex = run.divergedAt
                if let divergedIndex, index >= divergedIndex {
                    let shown = kind == .minimize ? divergedIndex : divergedIndex + 1
                    let firstRow = displayedSteps.first { (kind == .minimize ? $0 : $0 - 1) >= divergedIndex } == step
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
        var notes: [String] = []
        if !validation {
            for run in runs {
                if let reason = run.stopReason, !reason.isEmpty { notes.append("\(run.name): \(reason)") }
            }
        }
        let title = validation ? "validation loss" : (kind == .minimize ? title : "training loss")
        return TableOutput(title: title, columns: [unit] + runs.map(\.name), rows: rows, best: best, footnotes: notes)
    }
}
