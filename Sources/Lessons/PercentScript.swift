/// A lesson as a Swift script in the percent format (as jupytext writes Python), and back.
///
/// The script is for reading and editing in a Swift editor, and it must turn back into the very
/// same Markdown, byte for byte, so an author can round-trip a lesson without a diff. The format:
///
/// - Front matter lines come first, each behind `// `.
/// - Each top-level Swift cell follows a `// %%` line carrying the rest of its info string
///   (`// %% exercise=momentum points=2`); its code lines follow unchanged.
/// - Each prose run is a `// %% [markdown]` cell whose lines are `// `-prefixed (`//` when empty).
///   Other fences (not Swift, nested, unclosed, indented) stay in the prose, commented.
/// - Blank lines between cells are the lesson's own blank lines, so no count is needed.
/// - Bracketed tags after `// %%` record what the default does not: `[fence=~~~]` (the opening
///   fence when it is not three backticks), `[close=````]` (a closing fence that differs from the
///   opening one) and `[blank=N]` (blank lines that end the code, before its closing fence).
/// - `[show]` marks a cell whose displayed values export wrapped in `show(...)` (see `ShowCalls`),
///   so the script prints what the page shows; import takes the wrappers away again.
/// - A line that would read as a cell header is escaped: `// %%` becomes `//\ %%`, and every
///   existing run of backslashes there gains one more; import removes exactly one.
///
/// Line endings follow the lesson: a file whose every line ends in CRLF gives a CRLF script.
public enum PercentScript {
    /// Finds the values a cell displays: UTF-8 ranges of its code to wrap in `show(...)`.
    ///
    /// Knowing what a cell displays takes a Swift parser, which this target does not have;
    /// the interpreter's target provides one.
    public typealias DisplayFinder = (_ code: String) -> [Range<Int>]

    /// The script for lesson text. Always turns back into `source` under `lesson(fromScript:)`.
    public static func script(fromLesson source: String, path: String = "lesson.md", displays: DisplayFinder? = nil) -> String {
        let lesson = Lesson.parse(source: source, path: path)
        // A pathological file (say, CRLF everywhere but a closing fence) could confuse the line
        // ending detection; prose-only output is lossless there, so fall back rather than lose bytes.
        let attempts: [DisplayFinder?] = displays == nil ? [nil] : [displays, nil]
        for finder in attempts {
            let script = render(source, lesson: lesson, cellsAllowed: true, displays: finder)
            if let back = try? self.lesson(fromScript: script), back.utf8.elementsEqual(source.utf8) { return script }
        }
        return render(source, lesson: lesson, cellsAllowed: false, displays: nil)
    }

    /// A script whose Swift cells went through `transform` (the code and its cell) after `displays`.
    ///
    /// For `gradus export --package`: the code becomes compiled Swift, so the script no longer
    /// imports back to the lesson and no round trip is checked.
    public static func transformedScript(from lesson: Lesson, displays: DisplayFinder?,
                                         transform: (_ code: String, _ cell: Cell) -> String) -> String {
        withoutActuallyEscaping(transform) { transform in
            render(lesson.source, lesson: lesson, cellsAllowed: true, displays: displays, transform: transform)
        }
    }

    /// The script for a parsed lesson, from its original text.
    public static func script(from lesson: Lesson, displays: DisplayFinder? = nil) -> String {
        script(fromLesson: lesson.source, path: lesson.path, displays: displays)
    }

    // MARK: Export

    /// A Swift cell the script carries as code: where its closing fence is, its header's parts, its lines.
    struct CodeCell {
        var close: Int
        /// Bracketed header tags without brackets, in order: `fence=~~~`, `close=…`, `blank=N`, `show`.
        var tags: [String]
        /// The info string after `swift`, as written (attributes such as ` exercise=momentum`).
        var rest: String
        var body: [String]

        var header: String { "// %%" + tags.map { " [\($0)]" }.joined() + rest }
    }

    /// One unit of the script: a Swift cell or a prose run, each preceded by `gap` blank lines.
    struct Chunk {
        var gap: Int
        var header: String
        var body: [String]
    }

    static func render(_ source: String, lesson: Lesson, cellsAllowed: Bool, displays: DisplayFinder?,
                       transform: ((String, Cell) -> String)? = nil) -> String {
        let file = LineFile(source)
        let lines = file.lines
        let frontMatterEnd = min(lesson.frontMatter.lines?.upperBound ?? 0, lines.count)
        var cells: [Int: CodeCell] = [:]
        if cellsAllowed {
            for segment in lesson.segments {
                guard case .cell(let cell) = segment, var found = codeCell(cell, lines: lines) else { continue }
                if let displays { found = showingDisplays(found, displays) }
                if let transform {
                    let code = transform(found.body.joined(separator: "\n"), cell)
                    found.body = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                }
                cells[cell.fenceRange.start.line - 1] = found
            }
        }
        var output = lines[0..<frontMatterEnd].map { escape(comment($0)) }
        var chunks: [Chunk] = []
        var gap = 0
        var prose: [String] = []
        var proseBlanks = 0
        func flushProse() {
            guard !prose.isEmpty else { return }
            chunks.append(Chunk(gap: gap, header: "// %% [markdown]", body: prose.map { escape(comment($0)) }))
            prose = []
            gap = proseBlanks
            proseBlanks = 0
        }
        var index = frontMatterEnd
        while index < lines.count {
            if let cell = cells[index] {
                flushProse()
                gap += proseBlanks
                proseBlanks = 0
                chunks.append(Chunk(gap: gap, header: cell.header, body: cell.body.map(escape)))
                gap = 0
                index = cell.close + 1
                continue
            }
            let line = lines[index]
            if line.isEmpty {
                if prose.isEmpty { gap += 1 } else { proseBlanks += 1 }
            } else {
                prose += Array(repeating: "", count: proseBlanks)
                proseBlanks = 0
                prose.append(line)
            }
            index += 1
        }
        flushProse()
        gap += proseBlanks
        for chunk in chunks {
            output += Array(repeating: "", count: chunk.gap)
            output.append(chunk.header)
            output += chunk.body
        }
        output += Array(repeating: "", count: gap)
        return LineFile(lines: output, crlf: file.crlf, terminated: file.terminated).text
    }

    /// The header and code lines of a cell the script can carry as code, nil to leave it in prose.
    static func codeCell(_ cell: Cell, lines: [String]) -> CodeCell? {
        let open = cell.fenceRange.start.line - 1
        let close = cell.fenceRange.end.line - 1
        guard cell.language == "swift", !cell.isNested, cell.isClosed, cell.fenceRange.start.column == 1,
            open < close, close < lines.count
        else { return nil }
        let fence = String(repeating: Character(UnicodeScalar(cell.fenceCharacter)), count: cell.fenceLength)
        let opening = lines[open]
        guard opening.hasPrefix(fence + "swift") else { return nil }
        let rest = String(opening.dropFirst(fence.count + 5))
        if let first = rest.first, first != " " && first != "\t" { return nil }
        if rest.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("[") { return nil }
        let closing = lines[close]
        guard closing.count >= fence.count, closing.allSatisfy({ $0 == fence.first }) else { return nil }
        let body = Array(lines[(open + 1)..<close])
        let blanks = body.reversed().prefix { $0.isEmpty }.count
        var tags: [String] = []
        if fence != "```" { tags.append("fence=\(fence)") }
        if closing != fence { tags.append("close=\(closing)") }
        if blanks > 0 { tags.append("blank=\(blanks)") }
        return CodeCell(close: close, tags: tags, rest: rest, body: body)
    }

    /// The cell with its displayed values wrapped in `show(...)` and tagged `[show]`, when there are any.
    static func showingDisplays(_ cell: CodeCell, _ displays: DisplayFinder) -> CodeCell {
        let code = cell.body.joined(separator: "\n")
        // A cell with its own show( calls stays as written: import could not tell them from ours.
        guard !ShowCalls.hasStatementCall(code) else { return cell }
        let ranges = displays(code)
        guard !ranges.isEmpty else { return cell }
        let wrapped = ShowCalls.wrap(code, ranges).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard wrapped.count == cell.body.count else { return cell }
        var shown = cell
        shown.tags.append("show")
        shown.body = wrapped
        return shown
    }

    static func comment(_ line: String) -> String {
        line.isEmpty ? "//" : "// " + line
    }

    /// Adds one backslash after `//` to a line that reads `//`, backslashes, ` %%`.
    static func escape(_ line: String) -> String {
        guard headerBackslashes(line) != nil else { return line }
        var escaped = line
        escaped.insert("\\", at: escaped.index(escaped.startIndex, offsetBy: 2))
        return escaped
    }

    /// The number of backslashes in a line of the form `//\\\ %%...`, nil for any other line.
    static func headerBackslashes(_ line: String) -> Int? {
        guard line.hasPrefix("//") else { return nil }
        let rest = line.dropFirst(2)
        let slashes = rest.prefix { $0 == "\\" }.count
        return rest.dropFirst(slashes).hasPrefix(" %%") ? slashes : nil
    }
}

/// Text as lines, with how they were terminated, so a rewrite can reproduce the file exactly.
struct LineFile {
    var lines: [String]
    /// Every line break is CRLF (and there is at least one).
    var crlf: Bool
    /// The last line ends with a line break.
    var terminated: Bool

    init(lines: [String], crlf: Bool, terminated: Bool) {
        self.lines = lines
        self.crlf = crlf
        self.terminated = terminated
    }

    init(_ text: String) {
        // Bytes, not Characters: Swift treats "\r\n" as one Character.
        var parts = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        terminated = text.utf8.last == UInt8(ascii: "\n")
        if terminated { parts.removeLast() }
        let breaks = terminated ? parts.count : parts.count - 1
        crlf = breaks > 0 && parts.prefix(breaks).allSatisfy { $0.utf8.last == UInt8(ascii: "\r") }
        if crlf {
            for index in 0..<breaks { parts[index] = String(decoding: parts[index].utf8.dropLast(), as: UTF8.self) }
        }
        if text.isEmpty { parts = [] }
        lines = parts
    }

    var text: String {
        let newline = crlf ? "\r\n" : "\n"
        return lines.joined(separator: newline) + (terminated && !lines.isEmpty ? newline : "")
    }
}
