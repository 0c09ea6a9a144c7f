import Lessons
import SwiftDiagnostics
import SwiftSyntax

/// Finds the lesson cell a syntax node came from and turns node positions into lesson diagnostics.
///
/// A function defined in one cell may fail when called from a later one, so the map keeps every
/// parsed cell's tree and finds a node's cell by its root; the `Cell` itself maps the cell's line
/// and column to the file, so there is one rule for where a cell's code sits.
final class SourceMap {
    private struct Entry {
        let root: SyntaxIdentifier
        let converter: SourceLocationConverter
        let cell: Cell
    }

    private var entries: [Entry] = []
    /// The lesson file's lines, for the line shown under a diagnostic.
    private let lines: [Substring]

    init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func add(_ parsed: ParsedCell, for cell: Cell) {
        entries.append(Entry(root: Syntax(parsed.tree).id, converter: parsed.converter, cell: cell))
    }

    /// The file location of a position in a parsed cell's tree (columns in UTF-8 bytes).
    func location(of position: AbsolutePosition, root: Syntax) -> Lessons.SourceLocation? {
        guard let entry = entries.last(where: { $0.root == root.id }) else { return nil }
        let place = entry.converter.location(for: position)
        return entry.cell.location(line: place.line, column: place.column)
    }

    /// The text of 1-based file line `line`, without its terminator.
    func sourceLine(_ line: Int) -> String {
        guard line >= 1, line <= lines.count else { return "" }
        let text = lines[line - 1]
        return String(text.hasSuffix("\r") ? text.dropLast() : text)
    }

    /// An error (or note) at `node`, or at the start of `cell` when there is no node.
    func diagnostic(_ message: String, node: Syntax?, fallback cell: Cell,
                    notes: [LessonDiagnostic.Note] = []) -> LessonDiagnostic {
        let place = node.flatMap { location(of: $0.positionAfterSkippingLeadingTrivia, root: $0.root) }
        return make(message, at: place ?? cell.location, notes: notes)
    }

    /// A note pointing at `node`, when the node belongs to a parsed cell.
    func note(_ message: String, node: Syntax?) -> LessonDiagnostic.Note {
        LessonDiagnostic.Note(message, at: node.flatMap { location(of: $0.positionAfterSkippingLeadingTrivia, root: $0.root) })
    }

    func make(_ message: String, at location: Lessons.SourceLocation, severity: LessonDiagnostic.Severity = .error,
              notes: [LessonDiagnostic.Note] = [], fixIts: [LessonDiagnostic.FixIt] = []) -> LessonDiagnostic {
        LessonDiagnostic(severity, message, at: location, notes: notes, fixIts: fixIts, sourceLine: sourceLine(location.line))
    }

    /// A swift-syntax parse diagnostic with its notes and fix-its, placed in the lesson.
    func diagnostic(_ syntaxError: Diagnostic, root: Syntax, cell: Cell) -> LessonDiagnostic {
        let place = location(of: syntaxError.position, root: root) ?? cell.location
        let notes = syntaxError.notes.map { note in
            LessonDiagnostic.Note(note.message, at: location(of: note.position, root: root))
        }
        // One fix-it per swift-syntax fix-it, placed by its first edit (nearly all have one).
        let fixIts = syntaxError.fixIts.map { fixIt -> LessonDiagnostic.FixIt in
            let edit = fixIt.edits.first
            let start = edit.flatMap { location(of: $0.range.lowerBound, root: root) } ?? place
            let end = edit.flatMap { location(of: $0.range.upperBound, root: root) } ?? start
            return LessonDiagnostic.FixIt(fixIt.message.message, range: SourceRange(start: start, end: end),
                                          replacement: edit?.replacement ?? "")
        }
        let severity: LessonDiagnostic.Severity = syntaxError.diagMessage.severity == .warning ? .warning : .error
        return make(syntaxError.message, at: place, severity: severity, notes: notes, fixIts: fixIts)
    }
}
