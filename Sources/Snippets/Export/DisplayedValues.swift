import SwiftParser
import SwiftSyntax

/// Finds what a cell displays, so `gradus export` can write it as an explicit `show(...)`.
///
/// The interpreter shows two kinds of value: a cell's last expression (as Jupyter does), and a
/// table, plot or comparison made by a statement whose result nothing binds. Compiled Swift
/// prints neither, so the exported script says `show(...)` for each. Whether a value is Void
/// is only known when it runs; calls known to return nothing and assignments are left
/// alone, and anything else shown that turns out Void prints nothing, here and in Swift.
public enum DisplayedValues {
    /// The builtins whose results display wherever they are made unbound.
    static let displayingCalls: Set<String> = ["minimize", "fit", "table", "plot"]

    /// Calls that return nothing, so a cell ending in one displays nothing.
    static let voidCalls: Set<String> = [
        "print", "show", "expect", "expectClose", "expectSameTrajectory", "expectLoss", "todo",
        "append", "insert", "remove", "removeAll", "removeLast", "removeFirst", "sort", "shuffle", "reverse", "forEach",
    ]

    /// UTF-8 ranges of `code` holding the expressions the cell displays, in source order.
    public static func ranges(in code: String) -> [Range<Int>] {
        let tree = Parser.parse(source: code)
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(tree)
        var ranges = finder.ranges
        if let last = tree.statements.last, let expression = expression(of: last), displaysItsValue(expression) {
            let range = span(of: expression)
            if !ranges.contains(range) { ranges.append(range) }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The expression of a statement that is only an expression.
    ///
    /// An `if` or `switch` statement is a `.stmt` (an `ExpressionStmtSyntax`), so it is never one:
    /// as a statement it has no value to show.
    static func expression(of item: CodeBlockItemSyntax) -> ExprSyntax? {
        if case let .expr(expression) = item.item { return expression }
        return nil
    }

    static func span(of expression: ExprSyntax) -> Range<Int> {
        expression.positionAfterSkippingLeadingTrivia.utf8Offset..<expression.endPositionBeforeTrailingTrivia.utf8Offset
    }

    /// The name a call is made by: `minimize` for `minimize(...)`, `append` for `xs.append(...)`.
    static func calleeName(_ expression: ExprSyntax) -> String? {
        guard let call = expression.as(FunctionCallExprSyntax.self) else { return nil }
        if let reference = call.calledExpression.as(DeclReferenceExprSyntax.self) { return reference.baseName.text }
        if let member = call.calledExpression.as(MemberAccessExprSyntax.self) { return member.declName.baseName.text }
        return nil
    }

    /// False for statements that evaluate to nothing: control flow, assignments, known Void calls.
    static func displaysItsValue(_ expression: ExprSyntax) -> Bool {
        if expression.is(ClosureExprSyntax.self) { return false }
        if let sequence = expression.as(SequenceExprSyntax.self) {
            for element in sequence.elements {
                if element.is(AssignmentExprSyntax.self) { return false }
                if let op = element.as(BinaryOperatorExprSyntax.self)?.operator.text, isAssignment(op) { return false }
            }
        }
        if expression.is(DiscardAssignmentExprSyntax.self) { return false }
        if let name = calleeName(expression), voidCalls.contains(name) { return false }
        return true
    }

    static func isAssignment(_ op: String) -> Bool {
        op.hasSuffix("=") && !["==", "!=", "<=", ">=", "===", "!=="].contains(op)
    }

    /// Collects unbound `minimize`, `fit`, `table` and `plot` calls in every statement list, and
    /// names bound to one of them earlier in the cell standing alone (`comparison` on its own line).
    final class Finder: SyntaxVisitor {
        var ranges: [Range<Int>] = []
        /// Names bound to a comparison, table or plot, whose bare mention displays it.
        var displayable: Set<String> = []

        override func visit(_ node: PatternBindingSyntax) -> SyntaxVisitorContinueKind {
            if let name = node.pattern.as(IdentifierPatternSyntax.self)?.identifier.text, let value = node.initializer?.value,
               let callee = DisplayedValues.calleeName(value), DisplayedValues.displayingCalls.contains(callee) {
                displayable.insert(name)
            }
            return .visitChildren
        }

        override func visit(_ node: CodeBlockItemSyntax) -> SyntaxVisitorContinueKind {
            guard let list = node.parent?.as(CodeBlockItemListSyntax.self) else { return .visitChildren }
            // A closure with one expression returns it rather than leaving it unbound.
            if list.parent?.is(ClosureExprSyntax.self) == true, list.count == 1 { return .visitChildren }
            guard let expression = DisplayedValues.expression(of: node) else { return .visitChildren }
            if let name = DisplayedValues.calleeName(expression), DisplayedValues.displayingCalls.contains(name) {
                ranges.append(DisplayedValues.span(of: expression))
            } else if let name = expression.as(DeclReferenceExprSyntax.self)?.baseName.text, displayable.contains(name) {
                ranges.append(DisplayedValues.span(of: expression))
            }
            return .visitChildren
        }
    }
}
