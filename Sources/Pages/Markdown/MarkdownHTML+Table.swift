import Lessons

/// GitHub tables: a header row of column headers, then body rows, each column aligned as written.
extension MarkdownHTML {
    /// The table; header cells carry `scope="col"` so a screen reader names each cell's column.
    mutating func table(_ node: MarkdownNode, alignments: [MarkdownNode.TableAlignment]) {
        writer.block("<table class=\"prose-table\">\n")
        let rows = node.children
        let header = rows.prefix { $0.kind == .tableRow(header: true) }
        if !header.isEmpty {
            writer.write("<thead>\n")
            for row in header { self.row(row, alignments: alignments, header: true) }
            writer.write("</thead>\n")
        }
        let body = rows.dropFirst(header.count)
        if !body.isEmpty {
            writer.write("<tbody>\n")
            for row in body { self.row(row, alignments: alignments, header: false) }
            writer.write("</tbody>\n")
        }
        writer.write("</table>\n")
    }

    mutating func row(_ node: MarkdownNode, alignments: [MarkdownNode.TableAlignment], header: Bool) {
        writer.write("<tr>\n")
        for (column, cell) in node.children.enumerated() {
            let alignment = column < alignments.count ? alignments[column] : .none
            let style = switch alignment {
            case .none: ""
            case .left: " style=\"text-align: left\""
            case .center: " style=\"text-align: center\""
            case .right: " style=\"text-align: right\""
            }
            writer.write(header ? "<th scope=\"col\"\(style)>" : "<td\(style)>")
            inlines(cell.children)
            writer.write(header ? "</th>\n" : "</td>\n")
        }
        writer.write("</tr>\n")
    }
}
