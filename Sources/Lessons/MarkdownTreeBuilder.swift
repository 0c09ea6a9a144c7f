import CCmarkGFM

/// Copies a cmark tree into `MarkdownNode`s, putting formulas back in place of their placeholders.
struct MarkdownTreeBuilder {
    let source: SourceText
    let math: [MathSpan]
    /// The cell index of each fenced code block, keyed by its start line.
    let cellsByLine: [Int: Int]

    /// Nodes below this depth are left out; `LessonParser` reports the first one as an error.
    var maximumDepth = MarkdownTreeBuilder.maximumNesting

    /// The deepest nesting of Markdown (block quotes, lists, emphasis) a lesson may use.
    ///
    /// Every walker of `MarkdownNode` (headings, segments, the site's renderers, `Hashable`)
    /// recurses once per level; bounding the tree here keeps all of them far from the stack's end.
    static let maximumNesting = 100

    func build(_ node: OpaquePointer, depth: Int = 0) -> MarkdownNode {
        var result = MarkdownNode(kind: kind(of: node), literal: literal(of: node), range: range(of: node))
        let children = depth < maximumDepth ? node.cmarkChildren.map { build($0, depth: depth + 1) } : []
        // Only inline children hold text, so restoring is a no-op under blocks.
        result.children = restoringMath(children)
        return result
    }

    private func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch node.cmarkType {
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST:
            .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                  start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK:
            .codeBlock(info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "",
                       cell: cellsByLine[node.cmarkStartLine])
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE: .image(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_DOCUMENT: .document
        default: extensionKind(of: node)
        }
    }

    /// The kind of a node an extension made, known by its type name; an unknown one is a plain
    /// container, so its children still show.
    private func extensionKind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch node.cmarkTypeName {
        case "table":
            let count = Int(cmark_gfm_extensions_get_table_columns(node))
            let codes = cmark_gfm_extensions_get_table_alignments(node)
            return .table(alignments: (0..<count).map { column in
                switch codes.map({ $0[column] }) ?? 0 {
                case UInt8(ascii: "l"): .left
                case UInt8(ascii: "c"): .center
                case UInt8(ascii: "r"): .right
                default: .none
                }
            })
        case "table_header": return .tableRow(header: true)
        case "table_row": return .tableRow(header: false)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default: return .document
        }
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }

    private func literal(of node: OpaquePointer) -> String {
        switch node.cmarkType {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_CODE_BLOCK:
            node.cmarkLiteral
        default: ""
        }
    }

    private func range(of node: OpaquePointer) -> SourceRange? {
        let line = node.cmarkStartLine
        guard line > 0 else { return nil }
        let endLine = max(line, node.cmarkEndLine)
        let start = source.location(line: line, column: max(1, node.cmarkStartColumn))
        let end = node.cmarkEndColumn > 0
            ? source.location(line: endLine, column: node.cmarkEndColumn + 1)
            : source.location(line: endLine, column: source.byteRange(ofLine: endLine).count + 1)
        return SourceRange(start: start, end: max(start, end))
    }

    /// Splits text nodes at formula markers, dropping the filler and line breaks that follow them.
    private func restoringMath(_ children: [MarkdownNode]) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        var remaining = 0
        for child in children {
            switch child.kind {
            case .softBreak where remaining > 0:
                continue
            case .text:
                var text = String.UnicodeScalarView()
                var split = false
                func flush() {
                    guard !text.isEmpty else { return }
                    result.append(MarkdownNode(kind: .text, literal: String(text), range: split ? nil : child.range))
                    text = String.UnicodeScalarView()
                }
                for scalar in child.literal.unicodeScalars {
                    if remaining > 0, scalar == "x" {
                        remaining -= 1
                        continue
                    }
                    remaining = 0
                    if let index = MathPlaceholder.index(of: scalar), index < math.count {
                        split = true
                        flush()
                        let span = math[index]
                        let end = span.byteRanges.last.map { source.location(ofByte: $0.upperBound) } ?? span.location
                        result.append(MarkdownNode(
                            kind: .math(display: span.display), literal: span.tex,
                            range: SourceRange(start: span.location, end: end)))
                        remaining = MathPlaceholder.fillerCount(span)
                    } else {
                        text.append(scalar)
                    }
                }
                if split { flush() } else if !text.isEmpty { result.append(child) }
            default:
                remaining = 0
                result.append(child)
            }
        }
        return result
    }
}
