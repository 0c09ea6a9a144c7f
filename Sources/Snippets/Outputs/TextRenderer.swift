/// Renders a notebook run for a terminal: each cell's line, its outputs, its error.
public enum TextRenderer {
    public static func render(_ result: NotebookResult, color: Bool) -> String {
        let style = Style(color: color)
        var blocks: [String] = []
        for cell in result.cells {
            var lines: [String] = []
            var heading = "\(result.lesson):\(cell.line): cell \(cell.index)"
            switch cell.status {
            case .skipped: heading += " (not run)"
            case .error: heading += style.error(" failed")
            case .ok: if cell.expectedError { heading += " (raised, as expected)" }
            }
            lines.append(style.bold(heading))
            for output in cell.outputs { lines.append(render(output, style: style)) }
            if let error = cell.error { lines.append(error.rendered) }
            blocks.append(lines.joined(separator: "\n"))
        }
        let failed = result.cells.filter { $0.status == .error }.count
        let ran = result.cells.filter { $0.status != .skipped }.count
        var summary = "\(ran) cell\(ran == 1 ? "" : "s") run, \(failed) failed"
        let skipped = result.cells.count - ran
        if skipped > 0 { summary += ", \(skipped) not run" }
        blocks.append(failed > 0 ? style.error(summary) : summary)
        return blocks.joined(separator: "\n\n") + "\n"
    }

    static func render(_ output: Output, style: Style) -> String {
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
            let series = runs.runs.map { run in
                let offset = runs.kind == .minimize ? 0 : 1
                return PlotSeries(name: run.name, x: run.loss.indices.map { Double($0 + offset) }, y: run.loss)
            }
            parts.append(PlotRenderer.curves(series, logScale: runs.usesLogScale, title: "loss", style: style))
            if let surface = runs.surface {
                parts.append(PlotRenderer.contour(surface, runs: runs.runs, style: style))
            }
            return parts.joined(separator: "\n\n")
        }
    }
}

extension RunsOutput {
    /// Log scale when the positive finite losses span more than two decades.
    public var usesLogScale: Bool {
        let values = runs.flatMap(\.loss).filter { $0.isFinite }
        guard let low = values.min(), let high = values.max(), low > 0 else { return false }
        return high / low > 100
    }
}
