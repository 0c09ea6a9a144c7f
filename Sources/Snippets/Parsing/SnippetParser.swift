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
        let parsed = Parser.parse(source: source)
        var diagnostics = ParseDiagnosticsGenerator.diagnostics(for: parsed)
        var foldErrors: [OperatorError] = []
        let folded = operators.foldAll(parsed) { foldErrors.append($0) }
        diagnostics += foldErrors.map { $0.asDiagnostic }
        let tree = folded.as(SourceFileSyntax.self) ?? parsed
        return ParsedCell(tree: tree, converter: SourceLocationConverter(fileName: fileName, tree: tree), syntaxErrors: diagnostics)
    }
}
