/// Draws a table as aligned terminal text: numbers right-aligned, the best cell of a row marked.
enum TableRenderer {
    static func render(_ table: TableOutput, style: Style) -> String {
        let header = table.columns
        var rows: [[String]] = []
        for row in table.rows {
            rows.append(row.map { cell in
                switch cell {
                case let .int(i): return String(i)
                case let .number(d): return NumberFormat.short(d)
                case let .text(t): return t
                }
            })
        }
        // Mark the best value with a trailing star, so the mark survives without colour.
        for (index, best) in table.best.enumerated() where index < rows.count {
            if let best, best < rows[index].count { rows[index][best] += " *" }
        }
        var widths = header.map(\.count)
        for row in rows {
            for (column, text) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], text.count)
            }
        }
        var lines: [String] = []
        if let title = table.title { lines.append(style.bold(title)) }
        lines.append(zip(header, widths).map { pad($0, $1, right: false) }.joined(separator: " │ "))
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"))
        for (rowIndex, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, text -> String in
                let numeric = rowIndex < table.rows.count && column < table.rows[rowIndex].count && isNumeric(table.rows[rowIndex][column])
                let padded = pad(text, column < widths.count ? widths[column] : text.count, right: numeric || text.hasSuffix(" *"))
                let isBest = rowIndex < table.best.count && table.best[rowIndex] == column
                return isBest ? style.best(padded) : padded
            }
            lines.append(cells.joined(separator: " │ "))
        }
        for note in table.footnotes { lines.append(style.dim(note)) }
        return lines.joined(separator: "\n")
    }

    private static func isNumeric(_ cell: TableCell) -> Bool {
        if case .text = cell { return false }
        return true
    }

    private static func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
