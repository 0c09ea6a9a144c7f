import Lessons

/// Inline Markdown: text, emphasis, code, links, images and formulas.
extension MarkdownHTML {
    /// Inline nodes in order; an inline formula and the punctuation right after it are kept on
    /// one line, so a sentence's closing "." never wraps alone below a formula.
    mutating func inlines(_ nodes: [MarkdownNode]) {
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            index += 1
            guard node.kind == .math(display: false), index < nodes.count, nodes[index].kind == .text else {
                inline(node)
                continue
            }
            let text = nodes[index].literal
            let punctuation = text.prefix { ".,;:!?)".contains($0) }
            guard !punctuation.isEmpty else {
                inline(node)
                continue
            }
            writer.write("<span class=\"math-tail\">")
            inline(node)
            writer.write(HTML.escape(String(punctuation)) + "</span>")
            writer.write(HTML.escape(String(text.dropFirst(punctuation.count))))
            index += 1
        }
    }

    mutating func inline(_ node: MarkdownNode) {
        switch node.kind {
        case .text:
            writer.write(HTML.escape(node.literal))
        case .softBreak:
            writer.write("\n")
        case .lineBreak:
            writer.write("<br />\n")
        case .code:
            writer.write("<code>\(HTML.escape(node.literal))</code>")
        case .htmlInline:
            writer.write("<!-- raw HTML omitted -->")
        case .emphasis:
            wrapped(node, "em")
        case .strikethrough:
            wrapped(node, "del")
        case .strong:
            wrapped(node, "strong")
        case let .link(destination, title):
            writer.write("<a href=\"\(Self.href(destination))\"" + Self.titleAttribute(title) + ">")
            inlines(node.children)
            writer.write("</a>")
        case let .image(destination, title):
            writer.write("<img src=\"\(Self.href(destination))\" alt=\"\(HTML.escape(node.plainText))\""
                + Self.titleAttribute(title) + " />")
        case let .math(display):
            writer.write(display
                ? "<span class=\"math display\">\\[\(HTML.escape(node.literal))\\]</span>"
                : "<span class=\"math inline\">\\(\(HTML.escape(node.literal))\\)</span>")
        default:
            render(node)
        }
    }

    mutating func wrapped(_ node: MarkdownNode, _ tag: String) {
        writer.write("<\(tag)>")
        inlines(node.children)
        writer.write("</\(tag)>")
    }

    static func titleAttribute(_ title: String) -> String {
        title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
    }

    /// A link target as cmark's safe mode writes it: script and file URLs dropped, the rest
    /// percent-encoded where a byte is not allowed in a URL, `&` and `'` escaped for the attribute.
    static func href(_ url: String) -> String {
        guard !isUnsafe(url) else { return "" }
        var result = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;"
            case UInt8(ascii: "'"): result += "&#x27;"
            case _ where allowed.contains(byte): result.unicodeScalars.append(Unicode.Scalar(byte))
            default: result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// Bytes a URL may hold as they are (letters, digits and the reserved and unreserved marks).
    private static let allowed: Set<UInt8> = Set(Array(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!*();:@=+$,/?#[]%".utf8))

    /// `javascript:`, `vbscript:`, `file:` and `data:` URLs, except images' PNG, GIF, JPEG and WebP data.
    static func isUnsafe(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: lower.hasPrefix)
        }
        return ["javascript:", "vbscript:", "file:"].contains(where: lower.hasPrefix)
    }
}

/// The HTML being written, with cmark's rule for starting a block on a fresh line.
struct HTMLWriter {
    private(set) var output = ""

    mutating func write(_ text: String) { output += text }

    /// Ends the current line unless it is already ended (cmark's `cr`).
    mutating func newline() {
        if let last = output.utf8.last, last != UInt8(ascii: "\n") { output += "\n" }
    }

    /// Starts `text` on a fresh line.
    mutating func block(_ text: String) {
        newline()
        output += text
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}


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
