import Outputs

/// Renders a notebook run for a terminal: each cell's line, its outputs, its error.
public enum TextRenderer {
    public static func render(_ result: NotebookResult, color: Bool) -> String {
        let style = Style(color: color)
        var blocks: [String] = []
        for cell in result.cells {
            var lines: [String] = []
            var heading = "\(result.lesson):\(cell.line): cell \(cell.number)"
            switch cell.status {
            case .skipped: heading += " (not run)"
            case .error: heading += style.error(" failed")
            case .ok: if cell.expectedError { heading += " (raised, as expected)" }
            }
            lines.append(style.bold(heading))
            for output in cell.outputs { lines.append(OutputText.render(output, style: style)) }
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
}
