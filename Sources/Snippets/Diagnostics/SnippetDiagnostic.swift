/// An error or note with its place in the lesson file, ready to print or encode.
public struct SnippetDiagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning, note }

    public var file: String
    /// 1-based line in the lesson file.
    public var line: Int
    /// 1-based column in characters.
    public var column: Int
    public var severity: Severity
    public var message: String
    /// The lesson line the diagnostic points into, shown above the caret.
    public var sourceLine: String
    public var notes: [SnippetDiagnostic]
    /// Suggested edits, e.g. "insert ')'".
    public var fixIts: [String]

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String,
                sourceLine: String = "", notes: [SnippetDiagnostic] = [], fixIts: [String] = []) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.sourceLine = sourceLine
        self.notes = notes
        self.fixIts = fixIts
    }

    /// `file:line:column: error: message`, the source line, a caret, then notes and fix-its.
    public var rendered: String {
        var lines = ["\(file):\(line):\(column): \(severity.rawValue): \(message)"]
        if !sourceLine.isEmpty {
            lines.append(sourceLine)
            let prefix = sourceLine.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append(prefix + "^")
        }
        for fixIt in fixIts { lines.append("fix-it: \(fixIt)") }
        for note in notes { lines.append(note.rendered) }
        return lines.joined(separator: "\n")
    }
}
