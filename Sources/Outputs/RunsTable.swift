/// The loss table a comparison shows: selected steps as rows, one column per optimizer.
///
/// The terminal, the site and the feedback pages all draw this one table.
extension RunsOutput {
    /// The number of steps (minimize) or epochs (fit) of the longest run.
    public var length: Int {
        let longest = runs.map(\.loss.count).max() ?? 0
        return kind == .minimize ? max(0, longest - 1) : longest
    }

    /// The training table's steps: see `displayedSteps(validation:)`.
    public var displayedSteps: [Int] { displayedSteps(validation: false) }

    /// Every step when there are at most 20; else the first, every multiple of a round stride
    /// (1, 2 or 5 times a power of ten, about a tenth of the run), the step with the best loss
    /// of any run (training or, with `validation`, validation loss) and the last.
    public func displayedSteps(validation: Bool) -> [Int] {
        let n = length
        let first = kind == .minimize ? 0 : 1
        guard n > 0 else { return kind == .minimize && runs.contains(where: { !$0.loss.isEmpty }) ? [0] : [] }
        if n <= 20 { return Array(first...n) }
        let stride = Self.roundStride(Double(n) / 10)
        var steps = Set(Swift.stride(from: stride, through: n, by: stride))
        steps.insert(first)
        steps.insert(n)
        if let best = bestStep(validation: validation) { steps.insert(best) }
        return steps.sorted()
    }

    /// The step (or epoch) where some run's loss is lowest, counting only finite values before a run diverged.
    func bestStep(validation: Bool) -> Int? {
        var best: (step: Int, value: Double)?
        for run in runs {
            let values = validation ? run.validationLoss : run.loss
            for (index, value) in values.enumerated() where value.isFinite && index < (run.divergedAt ?? Int.max) {
                if best.map({ value < $0.value }) ?? true { best = (kind == .minimize ? index : index + 1, value) }
            }
        }
        return best?.step
    }

    /// 1, 2 or 5 times a power of ten, the smallest such at or above `raw` (at least 1).
    static func roundStride(_ raw: Double) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where Double(factor * magnitude) >= raw { return factor * magnitude }
            magnitude *= 10
        }
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
        let displayed = displayedSteps(validation: validation)
        for step in displayed {
            let index = kind == .minimize ? step : step - 1
            var row: [TableCell] = [.int(step)]
            var bestColumn: Int?
            var bestValue = Double.infinity
            for (column, run) in runs.enumerated() {
                let values = series[column]
                let divergedIndex = run.divergedAt
                if let divergedIndex, index >= divergedIndex {
                    let shown = kind == .minimize ? divergedIndex : divergedIndex + 1
                    let firstRow = displayed.first { (kind == .minimize ? $0 : $0 - 1) >= divergedIndex } == step
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
        var title = validation ? "validation loss" : (kind == .minimize ? title : "training loss")
        if let seeds {
            title = kind == .minimize ? title + ": mean loss" : "mean \(title) over \(seeds.count) seeds"
        }
        return TableOutput(title: title, columns: [unit] + runs.map(\.name), rows: rows, best: best, footnotes: notes)
    }
}
