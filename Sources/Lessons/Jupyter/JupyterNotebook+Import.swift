extension JupyterNotebook {
    /// The lesson Markdown for this notebook; throws at the first metadata value that cannot be used.
    ///
    /// A notebook gradus exported comes back byte for byte: its `gradus` metadata says what the
    /// Markdown needs beyond the cells. Any other notebook (saved by JupyterLab with a Swift
    /// kernel, written by hand, or a gradus notebook with cells added) becomes a clean lesson:
    /// the title as front matter, markdown cells as prose, code cells in Swift as `swift` cells
    /// (the notebook's language, or VS Code's per-cell `languageId`), code in another language as
    /// a fenced block of that language, which does not run, raw cells as plain fenced blocks;
    /// outputs are dropped and cells separated by one blank line. Jupyter's `raises-exception` and
    /// `hide-input` tags become the `raises` and `hide` attributes.
    public func lessonText(path: String) throws(LessonDiagnostic) -> String {
        let file = SourceLocation(path: path, line: 1, column: 1)
        let gradus = try Self.gradusMetadata(metadata, at: file)
        let language = (metadata["language_info"]?["name"]?.string ?? metadata["kernelspec"]?["language"]?.string ?? "swift").lowercased()
        var output: [String] = []
        if let frontMatter = gradus?["front_matter"] {
            output = try Self.lines(frontMatter, named: "front_matter", at: file)
        } else if gradus == nil, let title = metadata["title"]?.string, !title.isEmpty {
            var quoted = ""
            JSONWriter.appendString(title, to: &quoted)
            output = ["---", "title: " + quoted, "---"]
        }
        var first = true
        for cell in cells {
            let at = cell.location ?? file
            let own = try Self.gradusMetadata(cell.metadata, at: at)
            var body = cell.source.isEmpty ? [] : cell.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            while body.last?.isEmpty == true { body.removeLast() }
            if cell.type != .code { while body.first?.isEmpty == true { body.removeFirst() } }
            // Jupyter leaves an empty cell at the end; a gradus notebook's own cells are never dropped.
            let blank = gradus == nil ? body.allSatisfy { $0.allSatisfy(\.isWhitespace) } : body.isEmpty
            if own == nil, blank { continue }
            let defaultGap = first && output.isEmpty ? 0 : 1
            output += Array(repeating: "", count: try Self.count(own?["blank_lines_before"], named: "blank_lines_before", at: at) ?? defaultGap)
            first = false
            switch cell.type {
            case .markdown:
                output += body
            case .raw:
                let fence = Self.fence(for: body)
                output += [fence] + body + [fence]
            case .code:
                let cellLanguage = (cell.metadata["vscode"]?["languageId"]?.string ?? language).lowercased()
                guard cellLanguage == "swift" else {
                    let fence = Self.fence(for: body)
                    let word = cellLanguage.allSatisfy { !$0.isWhitespace && $0 != "`" } ? cellLanguage : ""
                    output += [fence + word] + body + [fence]
                    continue
                }
                output += try Self.swiftCell(body, own: own, tags: cell.metadata["tags"], at: at)
            }
        }
        output += Array(repeating: "", count: try Self.count(gradus?["blank_lines_after"], named: "blank_lines_after", at: file) ?? 0)
        let terminated = gradus?["final_newline"]?.bool ?? true
        let crlf = gradus?["line_endings"]?.string == "crlf"
        return LineFile(lines: output, crlf: crlf, terminated: terminated).text
    }

    /// The fenced lines of a Swift cell: opening fence with `swift` and the info string, code, closing fence.
    static func swiftCell(_ body: [String], own: JSON?, tags: JSON?, at: SourceLocation) throws(LessonDiagnostic) -> [String] {
        var opening = fence(for: body)
        if let value = own?["fence"] { opening = try fenceValue(value, named: "fence", at: at) }
        var close = opening
        if let value = own?["close"] {
            close = try fenceValue(value, named: "close", at: at)
            guard close.first == opening.first, close.count >= opening.count else {
                throw .error("gradus 'close' fence '\(close)' cannot close the opening fence '\(opening)'", at: value.location ?? at)
            }
        }
        let blanks = try count(own?["blank_lines_before_close"], named: "blank_lines_before_close", at: at) ?? 0
        let info = try infoString(own, tags: tags, at: at)
        return [opening + "swift" + info] + body + Array(repeating: "", count: blanks) + [close]
    }

    /// The info string after `swift`: `info` as written when it still says what `attributes` says,
    /// else the attributes written out; for a foreign cell, attributes from its Jupyter tags.
    static func infoString(_ own: JSON?, tags: JSON?, at: SourceLocation) throws(LessonDiagnostic) -> String {
        var written: String?
        if let value = own?["info"] {
            guard let text = value.string, !text.contains("\n"), !text.contains("\r") else {
                throw .error("gradus 'info' must be a string on one line, the words after 'swift' in the fence", at: value.location ?? at)
            }
            written = text
        }
        guard let value = own?["attributes"] else {
            if let written { return written }
            guard own == nil, let tags = tags?.array?.compactMap(\.string) else { return "" }
            let words = (tags.contains("raises-exception") ? ["raises"] : []) + (tags.contains { $0 == "hide-input" || $0 == "remove-input" } ? ["hide"] : [])
            return words.isEmpty ? "" : " " + words.joined(separator: " ")
        }
        guard let members = value.members else {
            throw .error("gradus 'attributes' must be an object of names and values, not \(value.kindName)", at: value.location ?? at)
        }
        var entries: [CellAttributes.Attribute] = []
        for member in members {
            let text: String
            switch member.value.kind {
            case .string(let string): text = string
            case .number(let number): text = number
            case .bool(true): text = ""
            default: throw .error("the value of attribute '\(member.key)' must be a string, not \(member.value.kindName)", at: member.value.location ?? at)
            }
            guard !member.key.isEmpty, !(member.key + text).contains(where: { $0 == "\n" || $0 == "\r" }) else {
                throw .error("attribute '\(member.key)' must have a name and fit on one line", at: member.keyLocation ?? at)
            }
            entries.append(.init(key: member.key, value: text))
        }
        let attributes = CellAttributes(entries)
        if let written {
            let parsed = FenceInfo.parse(ArraySlice(Array(("swift" + written).utf8)), at: at)
            // JSON objects are written with sorted keys, so the order is the info string's to keep.
            let pairs = { (attributes: CellAttributes) in Set(attributes.entries.map { [$0.key, $0.value] }) }
            if pairs(parsed.attributes) == pairs(attributes) { return written }
        }
        return attributes.isEmpty ? "" : " " + attributes.description
    }

    /// The cell's or notebook's `gradus` object, nil when there is none.
    static func gradusMetadata(_ metadata: JSON, at: SourceLocation) throws(LessonDiagnostic) -> JSON? {
        guard let value = metadata["gradus"] else { return nil }
        guard value.members != nil else {
            throw .error("'gradus' metadata must be an object, not \(value.kindName)", at: value.location ?? at)
        }
        return value
    }

    /// A count of blank lines from metadata: a whole number from 0 to 1000.
    static func count(_ value: JSON?, named name: String, at: SourceLocation) throws(LessonDiagnostic) -> Int? {
        guard let value else { return nil }
        guard let number = value.int, (0...1000).contains(number) else {
            throw .error("gradus '\(name)' must be a whole number from 0 to 1000, not \(value.kindName) '\(value.literal)'",
                         at: value.location ?? at)
        }
        return number
    }

    /// Lines from metadata: an array of one-line strings.
    static func lines(_ value: JSON, named name: String, at: SourceLocation) throws(LessonDiagnostic) -> [String] {
        guard let items = value.array else {
            throw .error("gradus '\(name)' must be an array of lines, not \(value.kindName)", at: value.location ?? at)
        }
        var lines: [String] = []
        for item in items {
            guard let line = item.string, !line.contains("\n") else {
                throw .error("each line of gradus '\(name)' must be a string without a line break", at: item.location ?? at)
            }
            lines.append(line)
        }
        return lines
    }

    /// A fence from metadata: three or more backticks, or three or more tildes.
    static func fenceValue(_ value: JSON, named name: String, at: SourceLocation) throws(LessonDiagnostic) -> String {
        guard let text = value.string, PercentScript.Header.isFence(Substring(text)) else {
            throw .error("gradus '\(name)' must be three or more backticks or tildes, not \(value.kindName) '\(value.literal)'",
                         at: value.location ?? at)
        }
        return text
    }

    /// Backticks enough that no line of `body` closes the fence: one more than any line of backticks alone.
    static func fence(for body: [String]) -> String {
        let longest = body.map { line -> Int in
            let indented = line.prefix { $0 == " " }
            guard indented.count <= 3 else { return 0 }
            let rest = line.dropFirst(indented.count)
            let ticks = rest.prefix { $0 == "`" }.count
            return rest.dropFirst(ticks).allSatisfy { $0 == " " || $0 == "\t" } ? ticks : 0
        }.max() ?? 0
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
