import SwiftDiagnostics
import SwiftSyntax

/// Maps nodes of every parsed cell back to lines and columns of the lesson file.
///
/// A function defined in one cell may fail when called from a later one, so
/// the map keeps every cell's tree and finds a node's cell by its root.
final class SourceMap {
    private struct Entry {
        let root: SyntaxIdentifier
        let converter: SourceLocationConverter
        let cell: LessonCell
    }

    private var entries: [Entry] = []
    let source: LessonSource

    init(source: LessonSource) {
        self.source = source
    }

    func add(_ parsed: ParsedCell, for cell: LessonCell) {
        entries.append(Entry(root: Syntax(parsed.tree).id, converter: parsed.converter, cell: cell))
    }

    /// The file line and character column of a position in a cell's tree.
    func location(of position: AbsolutePosition, root: Syntax) -> (line: Int, column: Int)? {
        guard let entry = entries.last(where: { $0.root == root.id }) else { return nil }
        let location = entry.converter.location(for: position)
        let codeLines = entry.cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        var column = location.column
        if location.line - 1 < codeLines.count {
            let utf8 = Array(codeLines[location.line - 1].utf8.prefix(max(0, location.column - 1)))
            column = String(decoding: utf8, as: UTF8.self).count + 1
        }
        return (entry.cell.codeLine + location.line - 1, column + entry.cell.indent(ofLine: location.line))
    }

    func diagnostic(_ message: String, node: Syntax?, fallback cell: LessonCell, severity: SnippetDiagnostic.Severity = .error,
                    notes: [SnippetDiagnostic] = [], fixIts: [String] = []) -> SnippetDiagnostic {
        let place = node.flatMap { location(of: $0.positionAfterSkippingLeadingTrivia, root: $0.root) }
        return make(message, line: place?.line ?? cell.codeLine, column: place?.column ?? cell.indent + 1,
                    severity: severity, notes: notes, fixIts: fixIts)
    }

    func make(_ message: String, line: Int, column: Int, severity: SnippetDiagnostic.Severity = .error,
              notes: [SnippetDiagnostic] = [], fixIts: [String] = []) -> SnippetDiagnostic {
        let sourceLine = line - 1 < source.lines.count && line >= 1 ? source.lines[line - 1] : ""
        return SnippetDiagnostic(file: source.path, line: line, column: column, severity: severity, message: message,
                                 sourceLine: sourceLine, notes: notes, fixIts: fixIts)
    }

    /// A swift-syntax parse diagnostic with its notes and fix-its, placed in the lesson.
    func diagnostic(_ syntaxError: Diagnostic, root: Syntax, cell: LessonCell) -> SnippetDiagnostic {
        let place = location(of: syntaxError.position, root: root)
        let notes = syntaxError.notes.map { note -> SnippetDiagnostic in
            let notePlace = location(of: note.position, root: root)
            return make(note.message, line: notePlace?.line ?? cell.codeLine, column: notePlace?.column ?? 1, severity: .note)
        }
        let fixIts = syntaxError.fixIts.map(\.message.message)
        let severity: SnippetDiagnostic.Severity = syntaxError.diagMessage.severity == .warning ? .warning : .error
        return make(syntaxError.message, line: place?.line ?? cell.codeLine, column: place?.column ?? 1,
                    severity: severity, notes: notes, fixIts: fixIts)
    }
}
