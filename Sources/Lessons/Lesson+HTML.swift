import CCmark

/// Rendering prose to HTML with cmark, formulas restored for KaTeX and headings given anchors.
extension Lesson {
    /// The whole lesson as HTML; `cell` returns the HTML for a cell, or nil for cmark's `<pre><code>`.
    ///
    /// Raw HTML in the Markdown is not passed through (cmark's safe mode): lessons are text,
    /// and the site adds its own markup around cells.
    public func html(cell: (Cell) -> String? = { _ in nil }) -> String {
        render(blocks: nil, cell: cell)
    }

    /// One prose run as HTML; `cell` renders any cells nested in it (inside list items).
    public func html(_ prose: Prose, cell: (Cell) -> String? = { _ in nil }) -> String {
        render(blocks: prose.blocks, cell: cell)
    }

    private func render(blocks: Range<Int>?, cell: (Cell) -> String?) -> String {
        guard let parsed = CmarkDocument(prepared) else { return "" }
        let cellsByLine = Dictionary(uniqueKeysWithValues: cells.map { ($0.fenceRange.start.line, $0.index) })
        var codeBlocks: [(OpaquePointer, Int)] = []
        parsed.forEachNode { node in
            if node.cmarkType == CMARK_NODE_CODE_BLOCK, let index = cellsByLine[node.cmarkStartLine] {
                codeBlocks.append((node, index))
            }
        }
        var cellHTML: [Int: String] = [:]
        for (node, index) in codeBlocks {
            guard let html = cell(cells[index]) else { continue }
            cellHTML[index] = html
            Self.replace(node, withToken: Self.cellToken(index))
        }
        let topLevel = parsed.topLevelBlocks
        let range = blocks.map { $0.clamped(to: 0..<topLevel.count) } ?? 0..<topLevel.count
        var output = ""
        for blockIndex in range {
            var html = CmarkDocument.html(topLevel[blockIndex])
            html = Self.addingAnchors(html, headings.filter { $0.blockIndex == blockIndex })
            for (index, replacement) in cellHTML {
                let token = Self.cellToken(index)
                html = html.replacing("<p>\(token)</p>", with: replacement).replacing(token, with: replacement)
            }
            output += html
        }
        return Self.restoringMath(output, math)
    }

    /// The inert text standing for cell `index` while cmark renders.
    private static func cellToken(_ index: Int) -> String { "\u{F8FE}\(index)\u{F8FF}" }

    /// Swaps a code block node for a paragraph holding `token`, freeing the code block.
    private static func replace(_ node: OpaquePointer, withToken token: String) {
        guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH), let text = cmark_node_new(CMARK_NODE_TEXT)
        else { return }
        cmark_node_set_literal(text, token)
        cmark_node_append_child(paragraph, text)
        if cmark_node_replace(node, paragraph) != 0 {
            cmark_node_free(node)
        } else {
            cmark_node_free(paragraph)
        }
    }

    /// Gives the `<hN>` tags of `html`, in order, the `id`s of `headings`.
    static func addingAnchors(_ html: String, _ headings: [Heading]) -> String {
        guard !headings.isEmpty else { return html }
        var result = ""
        var rest = Substring(html)
        var remaining = headings[...]
        while let heading = remaining.first, let open = rest.range(of: "<h\(heading.level)>") {
            result += rest[..<open.lowerBound]
            result += "<h\(heading.level) id=\"\(MathSpan.escapeHTML(heading.anchor).replacing("\"", with: "&quot;"))\">"
            rest = rest[open.upperBound...]
            remaining = remaining.dropFirst()
        }
        return result + rest
    }

    /// Puts each formula back, HTML-escaped and delimited for KaTeX; a paragraph holding only
    /// display math becomes a `div` so block layout stays valid.
    static func restoringMath(_ html: String, _ math: [MathSpan]) -> String {
        guard !math.isEmpty else { return html }
        let restored = MathPlaceholder.restore(in: html, spans: math) { math[$0].html }
        let open = "<p><span class=\"math display\">"
        guard restored.contains(open) else { return restored }
        var result = ""
        var rest = Substring(restored)
        while let start = rest.range(of: open) {
            result += rest[..<start.lowerBound]
            let body = rest[start.upperBound...]
            if let end = body.range(of: "</span></p>"), !body[..<end.lowerBound].contains("<") {
                result += "<div class=\"math display\">" + body[..<end.lowerBound] + "</div>"
                rest = body[end.upperBound...]
            } else {
                result += rest[start]
                rest = body
            }
        }
        return result + rest
    }
}
