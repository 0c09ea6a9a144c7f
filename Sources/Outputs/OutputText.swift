/// Draws one output as terminal text: what `gradus run` prints and what an exported script's `show` prints.
///
/// Both print through this one function, so a lesson run by the interpreter and the same lesson
/// compiled as a Swift package show the same characters.
public enum OutputText {
    /// The output as text, with ANSI colours when `color` is on.
    public static func render(_ output: Output, color: Bool) -> String {
        render(output, style: Style(color: color))
    }

    public static func render(_ output: Output, style: Style) -> String {
        switch output {
        case let .text(text):
            return text
        case let .table(table):
            return TableRenderer.render(table, style: style)
        case let .plot(plot):
            return PlotRenderer.curves(plot.series, logScale: plot.logScale, title: plot.title, style: style)
        case let .runs(runs):
            var parts = [TableRenderer.render(runs.lossTable(), style: style)]
            if runs.runs.contains(where: { !$0.validationLoss.isEmpty }) {
                parts.append(TableRenderer.render(runs.lossTable(validation: true), style: style))
            }
            if let spread = runs.spreadTable() { parts.append(TableRenderer.render(spread, style: style)) }
            // The terminal draws the means alone; the spread table above gives s, min and max.
            let title = runs.seeds.map { "loss, mean over \($0.count) seeds" } ?? "loss"
            parts.append(PlotRenderer.curves(runs.lossCurves, logScale: runs.usesLogScale, title: title, style: style))
            if let surface = runs.surface {
                parts.append(PlotRenderer.contour(surface, runs: runs.runs, style: style))
            }
            return parts.joined(separator: "\n\n")
        }
    }
}

/// When a plot reads best on a log scale: the one rule for comparisons' loss curves and `plot(...)`.
public enum LogScale {
    /// True when no finite value is negative and the positive ones span more than two decades.
    ///
    /// A value of exactly 0 (a loss that reached the minimum) does not turn the log scale off:
    /// the log plot leaves that point out, while a linear plot would flatten every other curve.
    public static func suits(_ values: [Double]) -> Bool {
        let finite = values.filter(\.isFinite)
        guard !finite.contains(where: { $0 < 0 }) else { return false }
        let positive = finite.filter { $0 > 0 }
        guard let low = positive.min(), let high = positive.max() else { return false }
        return high / low > 100
    }
}

extension RunsOutput {
    /// Log scale for the loss curves when `LogScale.suits` their losses.
    public var usesLogScale: Bool { LogScale.suits(runs.flatMap(\.loss)) }
}
