import Snippets

/// A cell's result in a form that can be cached on disk and rendered.
///
/// The outputs are Snippets' own (`Codable`) values; the status, the error and the fence lines
/// are kept in a form that survives prose edits, so fresh and cached results render alike.
public struct CellRecord: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case ok, error, skipped }

    /// 1-based position among the lesson's swift cells.
    public var index: Int
    /// 1-based line of the cell's opening fence when it ran.
    public var line: Int
    public var status: Status
    public var outputs: [Output]
    public var error: DiagnosticRecord?
    /// True for a `raises` cell whose error was expected.
    public var expectedError: Bool
    /// The opening-fence lines of swift cells 1...index when the record was made, to move
    /// diagnostics along when prose above them grows or shrinks.
    public var fenceLines: [Int]

    public init(index: Int, line: Int, status: Status, outputs: [Output], error: DiagnosticRecord?,
                expectedError: Bool, fenceLines: [Int]) {
        self.index = index
        self.line = line
        self.status = status
        self.outputs = outputs
        self.error = error
        self.expectedError = expectedError
        self.fenceLines = fenceLines
    }

    init(_ result: CellResult, fenceLines: [Int]) {
        self.init(index: result.index, line: result.line, status: Status(rawValue: result.status.rawValue) ?? .error,
                  outputs: result.outputs, error: result.error.map(DiagnosticRecord.init),
                  expectedError: result.expectedError, fenceLines: fenceLines)
    }

    /// The record with every line moved for the cells' current fence lines.
    func relocated(to current: [Int]) -> CellRecord {
        guard current != fenceLines else { return self }
        var copy = self
        let map = { (line: Int) -> Int in
            guard let cell = self.fenceLines.lastIndex(where: { $0 <= line }), cell < current.count else { return line }
            return line + current[cell] - self.fenceLines[cell]
        }
        copy.line = map(line)
        copy.error = error?.relocated(map)
        copy.fenceLines = current
        return copy
    }
}

/// A diagnostic of a cell: `SnippetDiagnostic` as a `Codable` value.
public struct DiagnosticRecord: Codable, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: String
    public var message: String
    public var sourceLine: String
    public var notes: [DiagnosticRecord]
    public var fixIts: [String]

    init(_ diagnostic: SnippetDiagnostic) {
        file = diagnostic.file
        line = diagnostic.line
        column = diagnostic.column
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
        sourceLine = diagnostic.sourceLine
        notes = diagnostic.notes.map(DiagnosticRecord.init)
        fixIts = diagnostic.fixIts
    }

    /// The Snippets form, whose `rendered` text is what the terminal shows.
    var snippetDiagnostic: SnippetDiagnostic {
        SnippetDiagnostic(file: file, line: line, column: column, severity: SnippetDiagnostic.Severity(rawValue: severity) ?? .error,
                          message: message, sourceLine: sourceLine, notes: notes.map(\.snippetDiagnostic), fixIts: fixIts)
    }

    func relocated(_ map: (Int) -> Int) -> DiagnosticRecord {
        var copy = self
        copy.line = map(line)
        copy.notes = notes.map { $0.relocated(map) }
        return copy
    }
}
