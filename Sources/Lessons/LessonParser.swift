import CCmarkGFM

/// Turns lesson text into a `Lesson`: front matter, two cmark-gfm passes around formula protection,
/// then cells, headings and segments.
struct LessonParser {
    let text: SourceText

    func parse() -> Lesson {
        var (frontMatter, diagnostics) = FrontMatter.parse(text)
        let frontMatterFailed = !diagnostics.isEmpty
        var blanked = text.bytes
        if let lines = frontMatter.lines {
            for line in lines {
                for offset in text.byteRange(ofLine: line) { blanked[offset] = 0x20 }
            }
        }
        let math = protectedMath(blanked)
        let prepared = MathPlaceholder.substitute(math, in: blanked)
        var cells: [Cell] = []
        var document = MarkdownNode(kind: .document)
        if let parsed = CmarkDocument(prepared) {
            parsed.forEachNode { node in
                guard let (cell, problems) = cell(node, index: cells.count) else { return }
                cells.append(cell)
                diagnostics += problems
            }
            if let deep = parsed.firstNode(deeperThan: MarkdownTreeBuilder.maximumNesting) {
                diagnostics.append(tooDeep(deep))
            }
            let cellsByLine = Dictionary(uniqueKeysWithValues: cells.map { ($0.fenceRange.start.line, $0.index) })
            document = MarkdownTreeBuilder(source: text, math: math, cellsByLine: cellsByLine).build(parsed.root)
        }
        let headings = headings(document)
        let title = frontMatter.title ?? headings.first(where: { $0.level == 1 })?.text ?? ""
        if title.isEmpty, !frontMatterFailed { diagnostics.append(missingTitle(frontMatter)) }
        return Lesson(
            path: text.path, source: text.text, frontMatter: frontMatter, title: title, document: document,
            cells: cells,
            segments: segments(document, cells: cells), headings: headings, math: math,
            diagnostics: diagnostics.sorted { $0.location < $1.location }, prepared: prepared, text: text)
    }

    /// First cmark pass: where paragraphs and headings are, then the formulas in them.
    private func protectedMath(_ blanked: [UInt8]) -> [MathSpan] {
        guard blanked.contains(UInt8(ascii: "$")), let first = CmarkDocument(blanked) else { return [] }
        var blocks: [MathScanner.ProseBlock] = []
        var opaque: Set<Int> = []
        first.forEachNode { node in
            let start = node.cmarkStartLine
            let end = max(start, node.cmarkEndLine)
            switch node.cmarkType {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                blocks.append(.init(startLine: start, startColumn: node.cmarkStartColumn, endLine: end))
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                opaque.formUnion(start...end)
            default:
                // A table row is one line of cells, each of which may hold formulas.
                if ["table_header", "table_row"].contains(node.cmarkTypeName) {
                    blocks.append(.init(startLine: start, startColumn: node.cmarkStartColumn, endLine: start))
                }
            }
        }
        return MathScanner(source: text, opaqueLines: opaque).spans(in: blocks)
    }

    /// The cell for a fenced code block node, nil for any other node.
    private func cell(_ node: OpaquePointer, index: Int) -> (Cell, [LessonDiagnostic])? {
        guard node.cmarkType == CMARK_NODE_CODE_BLOCK else { return nil }
        let fenceLine = node.cmarkStartLine
        let fenceColumn = node.cmarkStartColumn
        let lineBytes = Array(text.lineBytes(fenceLine))
        let fenceStart = fenceColumn - 1
        guard fenceStart < lineBytes.count, lineBytes[fenceStart] == UInt8(ascii: "`") || lineBytes[fenceStart] == UInt8(ascii: "~")
        else { return nil }
        let fenceCharacter = lineBytes[fenceStart]
        var fenceEnd = fenceStart
        while fenceEnd < lineBytes.count, lineBytes[fenceEnd] == fenceCharacter { fenceEnd += 1 }
        let literal = node.cmarkLiteral
        var codeLines = literal.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        if literal.hasSuffix("\n") { codeLines.removeLast() }
        if literal.isEmpty { codeLines = [] }
        // An indented code block whose first line happens to start with ``` is not a fence.
        guard fenceEnd - fenceStart >= 3, codeLines.first.map({ $0 != Array(lineBytes[fenceStart...]) }) ?? true
        else { return nil }

        var infoStart = fenceEnd
        while infoStart < lineBytes.count, lineBytes[infoStart] == 0x20 || lineBytes[infoStart] == 0x09 { infoStart += 1 }
        var infoEnd = lineBytes.count
        while infoEnd > infoStart, lineBytes[infoEnd - 1] == 0x20 || lineBytes[infoEnd - 1] == 0x09 { infoEnd -= 1 }
        let info = FenceInfo.parse(lineBytes[infoStart..<infoEnd], at: text.location(line: fenceLine, column: infoStart + 1))

        let columns = codeLines.enumerated().map { offset, code -> Int in
            let line = Array(text.lineBytes(fenceLine + 1 + offset))
            guard !code.isEmpty, line.count >= code.count, Array(line[(line.count - code.count)...]) == code
            else { return fenceColumn }
            return line.count - code.count + 1
        }
        // An empty fence on the file's last line, with no line break after it, has no code line:
        // its code would start at the end of the fence line.
        let codeStart = codeLines.isEmpty && fenceLine >= text.lineStarts.count
            ? text.location(line: fenceLine, column: text.byteRange(ofLine: fenceLine).count + 1)
            : text.location(line: fenceLine + 1, column: columns.first ?? fenceColumn)
        let closeLine = fenceLine + codeLines.count + 1
        let closed = node.cmarkEndLine == closeLine && node.cmarkEndColumn > 0 && closeLine <= text.lineCount
        let lastLine = closed ? closeLine : fenceLine + codeLines.count
        let cell = Cell(
            index: index, language: info.language, attributes: info.attributes, source: literal,
            location: codeStart,
            fenceRange: SourceRange(
                start: text.location(line: fenceLine, column: fenceColumn),
                end: text.location(line: lastLine, column: text.byteRange(ofLine: lastLine).count + 1)),
            isNested: node.cmarkParentType != CMARK_NODE_DOCUMENT, lineColumns: columns,
            fenceLength: fenceEnd - fenceStart, fenceCharacter: fenceCharacter, isClosed: closed)
        return (cell, info.diagnostics + cell.attributeDiagnostics())
    }

    private func headings(_ document: MarkdownNode) -> [Heading] {
        var headings: [Heading] = []
        for (blockIndex, block) in document.children.enumerated() {
            block.forEach { node in
                guard case .heading(let level) = node.kind, let range = node.range else { return }
                var heading = Heading(
                    level: level, text: node.plainText.trimmingCharacters(in: .whitespaces), anchor: "",
                    location: range.start)
                heading.blockIndex = blockIndex
                headings.append(heading)
            }
        }
        Heading.assignAnchors(&headings)
        return headings
    }

    private func segments(_ document: MarkdownNode, cells: [Cell]) -> [LessonSegment] {
        var segments: [LessonSegment] = []
        var run: [Int] = []
        func flush() {
            guard let first = run.first, let last = run.last,
                let start = document.children[first].range?.start, let end = document.children[last].range?.end
            else { return }
            var nested: [Int] = []
            for index in run {
                document.children[index].forEach { node in
                    if case .codeBlock(_, let cell?) = node.kind { nested.append(cell) }
                }
            }
            let lines = start.line...max(start.line, end.line)
            let markdown = lines.map(text.line).joined(separator: "\n")
            segments.append(.prose(Prose(
                blocks: first..<(last + 1), range: SourceRange(start: start, end: end), markdown: markdown,
                cellIndices: nested)))
            run = []
        }
        for (index, block) in document.children.enumerated() {
            if case .codeBlock(_, let cell?) = block.kind {
                flush()
                segments.append(.cell(cells[cell]))
            } else {
                run.append(index)
            }
        }
        flush()
        return segments
    }

    /// The error for Markdown nested beyond `MarkdownTreeBuilder.maximumNesting`, at the first node too deep.
    private func tooDeep(_ node: OpaquePointer) -> LessonDiagnostic {
        let line = max(1, min(node.cmarkStartLine, text.lineCount))
        let location = text.location(line: line, column: max(1, node.cmarkStartColumn))
        return .error(
            "Markdown nested too deeply (more than \(MarkdownTreeBuilder.maximumNesting) levels of block quotes, lists or emphasis); "
                + "flatten it: the content below that level is left out", at: location)
    }

    private func missingTitle(_ frontMatter: FrontMatter) -> LessonDiagnostic {
        let start = text.location(line: 1, column: 1)
        if let lines = frontMatter.lines {
            return .error(
                "lesson has no title: add 'title:' to the front matter", at: start,
                fixIt: .init("add a title", range: SourceRange(at: text.location(line: lines.lowerBound + 1, column: 1)),
                             replacement: "title: " + text.newline))
        }
        return .error(
            "lesson has no title: add front matter with 'title:' or a '#' heading", at: start,
            fixIt: .init("add front matter", range: SourceRange(at: start),
                         replacement: "---\(text.newline)title: \(text.newline)---\(text.newline)"))
    }
}
