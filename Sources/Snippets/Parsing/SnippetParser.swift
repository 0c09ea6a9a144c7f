import SwiftDiagnostics
import SwiftOperators
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// A cell's source parsed by swift-syntax, operators folded, with its syntax errors.
struct ParsedCell {
    let tree: SourceFileSyntax
    let converter: SourceLocationConverter
    let syntaxErrors: [Diagnostic]
}

/// Parses snippets with SwiftParser and folds operators with SwiftOperators.
enum SnippetParser {
    /// Swift's standard operators plus Descent's elementwise tensor comparisons.
    static let operators: OperatorTable = {
        var table = OperatorTable.standardOperators
        let declarations = Parser.parse(source: """
            infix operator .> : ComparisonPrecedence
            infix operator .< : ComparisonPrecedence
            infix operator .>= : ComparisonPrecedence
            infix operator .<= : ComparisonPrecedence
            infix operator .== : ComparisonPrecedence
            """)
        try? table.addSourceFile(declarations)
        return table
    }()

    static func parse(_ source: String, fileName: String) -> ParsedCell {
        if let problem = BracketNesting.problem(in: source) ?? InvalidCharacters.problem(in: source) {
            // Parse only what comes before the offending bracket, with the rest blanked out so
            // positions (and so the error's line and column) stay those of the cell.
            var bytes = Array(source.utf8)
            for index in problem.offset..<bytes.count where bytes[index] != UInt8(ascii: "\n") { bytes[index] = UInt8(ascii: " ") }
            let tree = Parser.parse(source: String(decoding: bytes, as: UTF8.self))
            let error = Diagnostic(node: Syntax(tree), position: AbsolutePosition(utf8Offset: problem.offset),
                                   message: NestingMessage(message: problem.message))
            return ParsedCell(tree: tree, converter: SourceLocationConverter(fileName: fileName, tree: tree), syntaxErrors: [error])
        }
        let parsed = Parser.parse(source: source)
        var diagnostics = ParseDiagnosticsGenerator.diagnostics(for: parsed)
        var foldErrors: [OperatorError] = []
        let folded = operators.foldAll(parsed) { foldErrors.append($0) }
        diagnostics += foldErrors.map { $0.asDiagnostic }
        let tree = folded.as(SourceFileSyntax.self) ?? parsed
        return ParsedCell(tree: tree, converter: SourceLocationConverter(fileName: fileName, tree: tree), syntaxErrors: diagnostics)
    }
}

/// The syntax error for brackets nested past `BracketNesting`'s limits.
private struct NestingMessage: DiagnosticMessage {
    let message: String
    var diagnosticID: MessageID { MessageID(domain: "Snippets", id: "nesting") }
    var severity: DiagnosticSeverity { .error }
}
