/// One node of a lesson's Markdown as cmark parsed it, as a Swift value a renderer can walk.
///
/// cmark's own tree is a C structure that cannot cross threads; this copy can. Formulas appear
/// as `.math` nodes holding their TeX verbatim, and fenced code blocks name the cell they are.
public struct MarkdownNode: Sendable, Hashable {
    /// What a node is, with the fields that kind carries.
    public enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        /// A code block; `cell` is the lesson cell index for a fenced block, nil for an indented one.
        case codeBlock(info: String, cell: Int?)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(destination: String, title: String)
        /// A formula; `literal` is its TeX without the dollar signs.
        case math(display: Bool)
        /// A GitHub table; one alignment per column.
        case table(alignments: [TableAlignment])
        /// A table row; the first row of a table is its header.
        case tableRow(header: Bool)
        case tableCell
        /// GitHub's `~~struck~~` text.
        case strikethrough
    }

    /// How a table column's cells are aligned (`:--`, `:-:`, `--:` in its delimiter row).
    public enum TableAlignment: Sendable, Hashable {
        case none, left, center, right
    }

    /// The kind of node.
    public var kind: Kind
    /// The text of a text, code, HTML, code block or math node; empty for containers.
    public var literal: String
    /// Where the node is in the file, when cmark reports it.
    public var range: SourceRange?
    /// Child nodes, in order.
    public var children: [MarkdownNode]

    /// Creates a node.
    public init(kind: Kind, literal: String = "", range: SourceRange? = nil, children: [MarkdownNode] = []) {
        self.kind = kind
        self.literal = literal
        self.range = range
        self.children = children
    }

    /// Whether this is a block (as opposed to inline) node.
    public var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak,
             .table, .tableRow, .tableCell:
            true
        default:
            false
        }
    }

    /// The text a reader sees, with formulas as their TeX; used for heading names and anchors.
    public var plainText: String {
        switch kind {
        case .text, .code, .math: literal
        case .softBreak, .lineBreak: " "
        case .htmlInline, .htmlBlock: ""
        default: children.map(\.plainText).joined()
        }
    }

    /// Calls `body` on this node and every descendant, parents before children.
    public func forEach(_ body: (MarkdownNode) throws -> Void) rethrows {
        try body(self)
        for child in children { try child.forEach(body) }
    }
}
