extension JupyterNotebook {
    /// What one code cell showed when the lesson ran: nbformat output objects and its execution count.
    public struct Results: Sendable, Equatable {
        public var outputs: [JSON]
        public var executionCount: Int?

        public init(outputs: [JSON], executionCount: Int?) {
            self.outputs = outputs
            self.executionCount = executionCount
        }
    }

    /// The lesson as a notebook: prose runs as markdown cells, top-level Swift cells as code cells
    /// with `results` (by `Cell.index`) as their outputs; the rest of the file in metadata.
    ///
    /// The notebook always imports back to `lesson.source` byte for byte (`lessonText`): the
    /// front matter, fence spellings, attributes as written, blank lines and line endings are in
    /// the `gradus` metadata. Cells keep their positions exactly as `PercentScript` does (the same
    /// rule for what is a cell and what stays prose). A file whose cells would not come back the
    /// same (mixed line endings that cannot be told apart) is written as prose only, which always does.
    ///
    /// The round trip is checked on the notebook without outputs: outputs never reach the lesson
    /// text, and reading back a course's plots (megabytes of SVG) was a tenth of a cold build.
    public static func export(_ lesson: Lesson, results: [Int: Results] = [:]) -> JupyterNotebook {
        let bare = render(lesson, results: [:], cellsAllowed: true)
        guard let back = try? JupyterNotebook.read(bare.text, path: lesson.path).lessonText(path: lesson.path),
            back.utf8.elementsEqual(lesson.source.utf8)
        else {
            return render(lesson, results: [:], cellsAllowed: false)
        }
        return results.isEmpty ? bare : render(lesson, results: results, cellsAllowed: true)
    }

    /// A run of the lesson: prose lines or a Swift cell, after `gap` blank lines.
    enum Chunk {
        case prose([String])
        case code(PercentScript.CodeCell, Lessons.Cell)
    }

    static func render(_ lesson: Lesson, results: [Int: Results], cellsAllowed: Bool) -> JupyterNotebook {
        let file = LineFile(lesson.source)
        let lines = file.lines
        let frontMatterEnd = min(lesson.frontMatter.lines?.upperBound ?? 0, lines.count)
        var codeCells: [Int: Chunk] = [:]
        if cellsAllowed {
            for segment in lesson.segments {
                guard case .cell(let cell) = segment, let found = PercentScript.codeCell(cell, lines: lines) else { continue }
                codeCells[cell.fenceRange.start.line - 1] = .code(found, cell)
            }
        }
        var chunks: [(gap: Int, chunk: Chunk)] = []
        var gap = 0
        var prose: [String] = []
        var proseBlanks = 0
        func flushProse() {
            guard !prose.isEmpty else { return }
            chunks.append((gap, .prose(prose)))
            prose = []
            gap = proseBlanks
            proseBlanks = 0
        }
        var index = frontMatterEnd
        while index < lines.count {
            if let chunk = codeCells[index], case .code(let code, _) = chunk {
                flushProse()
                gap += proseBlanks
                proseBlanks = 0
                chunks.append((gap, chunk))
                gap = 0
                index = code.close + 1
                continue
            }
            if lines[index].isEmpty {
                if prose.isEmpty { gap += 1 } else { proseBlanks += 1 }
            } else {
                prose += Array(repeating: "", count: proseBlanks)
                proseBlanks = 0
                prose.append(lines[index])
            }
            index += 1
        }
        flushProse()
        gap += proseBlanks

        let prefix = cellIDPrefix(lesson.id)
        var cells: [Cell] = []
        for (number, entry) in chunks.enumerated() {
            let defaultGap = number == 0 && frontMatterEnd == 0 ? 0 : 1
            let gapMember = entry.gap == defaultGap ? nil : JSON.int(entry.gap)
            let id = "\(prefix)\(number + 1)"
            switch entry.chunk {
            case .prose(let text):
                let gradus = gapMember.map { JSON.object(["blank_lines_before": $0]) }
                cells.append(Cell(type: .markdown, id: id, source: text.joined(separator: "\n"),
                                  metadata: .object(["gradus": gradus])))
            case .code(let code, let cell):
                var exported = codeCell(code, cell, lines: lines, id: id, gap: gapMember)
                if let result = results[cell.index] {
                    exported.outputs = result.outputs
                    exported.executionCount = result.executionCount
                }
                cells.append(exported)
            }
        }
        var gradus: [JSON.Member] = [.init("format", .int(1))]
        if frontMatterEnd > 0 { gradus.append(.init("front_matter", .array(lines[0..<frontMatterEnd].map(JSON.string)))) }
        if file.crlf { gradus.append(.init("line_endings", .string("crlf"))) }
        if !file.terminated { gradus.append(.init("final_newline", .bool(false))) }
        if gap > 0 { gradus.append(.init("blank_lines_after", .int(gap))) }
        let metadata = JSON.object([
            "gradus": .object(gradus),
            "kernelspec": .object(["display_name": .string("Swift"), "language": .string("swift"), "name": .string("swift")]),
            "language_info": .object([
                "file_extension": .string(".swift"), "mimetype": .string("text/x-swift"), "name": .string("swift"),
            ]),
            "title": lesson.title.isEmpty ? nil : .string(lesson.title),
        ])
        return JupyterNotebook(cells: cells, metadata: metadata)
    }

    /// The code cell for a Swift cell: its code without the blank lines before the closing fence,
    /// and in metadata whatever the Markdown needs beyond it, plus nbgrader's keys for grading cells.
    static func codeCell(_ code: PercentScript.CodeCell, _ cell: Lessons.Cell, lines: [String], id: String, gap: JSON?) -> Cell {
        let fence = String(repeating: Character(UnicodeScalar(cell.fenceCharacter)), count: cell.fenceLength)
        let closing = lines[code.close]
        let blanks = code.body.reversed().prefix { $0.isEmpty }.count
        let attributes = cell.attributes.entries.map { JSON.Member($0.key, .string($0.value)) }
        let gradus = JSON.object([
            "attributes": attributes.isEmpty ? nil : .object(attributes),
            "info": code.rest.isEmpty ? nil : .string(code.rest),
            "fence": fence == "```" ? nil : .string(fence),
            "close": closing == fence ? nil : .string(closing),
            "blank_lines_before_close": blanks == 0 ? nil : .int(blanks),
            "blank_lines_before": gap,
        ])
        var tags: [JSON] = []
        if cell.raises { tags.append(.string("raises-exception")) }
        if cell.hide { tags.append(.string("hide-input")) }
        let metadata = JSON.object([
            "gradus": gradus,
            "jupyter": cell.hide ? .object(["source_hidden": .bool(true)]) : nil,
            "nbgrader": nbgrader(cell),
            "tags": tags.isEmpty ? nil : .array(tags),
        ])
        let source = code.body.dropLast(blanks).joined(separator: "\n")
        return Cell(type: .code, id: id, source: source, metadata: metadata)
    }

    /// nbgrader's cell metadata (schema 3): an exercise is an autograded answer, a test an
    /// autograder test worth its points; other cells have none.
    static func nbgrader(_ cell: Lessons.Cell) -> JSON? {
        if let exercise = cell.exercise {
            return .object([
                "grade": .bool(false), "grade_id": .string(exercise), "locked": .bool(false),
                "schema_version": .int(3), "solution": .bool(true), "task": .bool(false),
            ])
        }
        if let test = cell.test {
            return .object([
                "grade": .bool(true), "grade_id": .string("\(test)-test-\(cell.index + 1)"), "locked": .bool(true),
                "points": .int(cell.points), "schema_version": .int(3), "solution": .bool(false), "task": .bool(false),
            ])
        }
        return nil
    }

    /// The lesson's id made fit for a cell id (letters, digits, `-`, `_`; at most 64 with the number).
    static func cellIDPrefix(_ lessonID: String) -> String {
        let allowed = lessonID.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "-"
        }
        let name = String(allowed.prefix(48))
        return name.isEmpty ? "cell-" : name + "-"
    }
}
