import Outputs
import Descent
import Foundation
import SwiftSyntax

/// A tree-walking evaluator over swift-syntax nodes, in the style of Crafting Interpreters.
///
/// One interpreter holds a lesson's global scope, so names defined by one cell
/// are visible in the next. It is not thread-safe: a notebook runs its cells one
/// after another on a single worker thread, and Descent is told not to run
/// interpreted callbacks (a custom optimizer, a `Function2D` formula) in parallel.
final class Interpreter {
    let builtins: BuiltinRegistry
    let globals = Environment()
    /// What the current cell printed or displayed, in order.
    var outputs: [Output] = []
    /// Text `print` wrote during the current cell.
    var printed = ""
    /// Nested evaluation steps in progress (expressions, statements, calls), bounded by `maxDepth`.
    var depth = 0
    /// The deepest nesting before `expression or recursion too deep`; see `NotebookOptions.defaultMaxDepth`.
    let maxDepth: Int
    /// Held while Descent runs interpreted code (`InterpretedClosure`): a second line of
    /// defence should a parallel run ever reach the interpreter despite `callsInterpretedCode`.
    let callbackLock = NSRecursiveLock()
    /// How many `InterpretedClosure`s were made so far: a builtin that made one returns a marked value.
    var interpretedClosures = 0
    /// Names "did you mean" never offers: the builtins the lesson's exercises forbid.
    var unsuggested: Set<String> = []
    /// The `defer` blocks of the blocks being run, innermost last; each block runs its own on the way out.
    var deferred: [CodeBlockSyntax] = []
    /// The structs and enums declared so far, by name, so a type annotation can resolve `.north` or check a value.
    var userTypes: [String: UserType] = [:]
    /// The members extensions add to builtin types, by the builtin's type key (`Array`, `Double`, …).
    var builtinExtensions: [String: UserType] = [:]
    /// `typealias Vector = [Double]`: what each alias stands for.
    var typeAliases: [String: TypeSyntax] = [:]
    /// Types declared or extended by the running cell, whose protocol conformances are checked when it ends.
    var uncheckedConformances: [(UserType, Syntax)] = []
    /// The types whose initializers are running: setting their properties there runs no observers.
    var initializing: [UserType] = []
    /// The properties whose observers are running: setting one of them there runs no observers again.
    var observing: [(UserType, String)] = []
    /// The module compiled Swift would put the lesson's types in (see `LessonPackage.moduleName`), for printing them.
    var moduleName: String?
    /// The thread running the current cell; interpreted callbacks from any other thread are refused.
    private var cellThread: Thread?

    /// Whether the calling thread is the one running the cell (read and written under `callbackLock`).
    var isOnCellThread: Bool { callbackLock.withLock { cellThread === Thread.current } }

    /// The meter of the cell that last printed, for the truncation note of the final flush.
    var outputMeter: ResourceMeter?

    init(builtins: BuiltinRegistry = .standard, maxDepth: Int = NotebookOptions.defaultMaxDepth) {
        self.builtins = builtins
        self.maxDepth = maxDepth
    }

    /// How a statement finished: normally, or by `return`, `break` or `continue`.
    enum Completion {
        case normal
        case returned(Value)
        case broke
        case continued
    }

    /// Collects the value of each line of a result-builder block, e.g. the optimizers in `minimize { ... }`.
    final class Collector {
        var values: [Value] = []
    }

    /// Runs a cell's statements in `scope` and returns the value of its last line
    /// when that line is an expression with a value (shown like Jupyter shows it).
    func runCell(_ items: CodeBlockItemListSyntax, in scope: Environment) throws -> Value {
        // A value thrown and never caught ends the cell with an error at the line of the cell it escaped from.
        let topLevel = depth == 0
        if topLevel {
            deferred.removeAll()
            uncheckedConformances.removeAll()
        }
        callbackLock.withLock { cellThread = Thread.current }
        var last = Value.void
        let all = Array(items)
        for (offset, item) in all.enumerated() {
            guard topLevel else {
                if let value = try runCellItem(item, isLast: offset == all.count - 1, in: scope) { last = value }
                continue
            }
            do {
                if let value = try runCellItem(item, isLast: offset == all.count - 1, in: scope) { last = value }
            } catch let thrown as ThrownError {
                throw uncaught(thrown, at: item)
            }
        }
        if topLevel {
            try runDeferred(above: 0, in: scope)
            try checkConformances()
        }
        return last
    }

    /// One line of a cell; the value of the last line when it is an expression.
    private func runCellItem(_ item: CodeBlockItemSyntax, isLast: Bool, in scope: Environment) throws -> Value? {
        try checkLimits(at: item)
        if isLast, case let .expr(expression) = item.item,
           !expression.is(SwitchExprSyntax.self) || Self.isValueBranching(expression) {
            return try evaluate(expression, in: scope)
        }
        switch try execute(item, in: scope, collector: nil) {
        case .normal: return nil
        case .returned: throw SnippetError("'return' is only allowed inside a function or closure", at: item)
        case .broke, .continued: throw SnippetError("'break' and 'continue' are only allowed inside a loop", at: item)
        }
    }

    /// Runs a block of statements in a new scope.
    func execute(_ items: CodeBlockItemListSyntax, in scope: Environment, collector: Collector?) throws -> Completion {
        // `defer` blocks met in this block are above `mark` on the stack; they run however the block is left.
        let mark = deferred.count
        do {
            for item in items {
                let completion = try execute(item, in: scope, collector: collector)
                if case .normal = completion { continue }
                try runDeferred(above: mark, in: scope)
                return completion
            }
        } catch {
            if deferred.count > mark {
                if error is SnippetError { deferred.removeSubrange(mark...) } else { try runDeferred(above: mark, in: scope) }
            }
            throw error
        }
        try runDeferred(above: mark, in: scope)
        return .normal
    }

    func execute(_ item: CodeBlockItemSyntax, in scope: Environment, collector: Collector?) throws -> Completion {
        guard depth < maxDepth else { throw tooDeep(at: item) }
        depth += 1
        defer { depth -= 1 }
        switch item.item {
        case let .decl(declaration):
            try declare(declaration, in: scope)
            return .normal
        case let .stmt(statement):
            return try execute(statement, in: scope, collector: collector)
        case let .expr(expression):
            if let completion = try executeBranching(expression, in: scope, collector: collector) { return completion }
            let value = try evaluate(expression, in: scope)
            if let collector {
                if !value.isVoid { collector.values.append(value) }
            } else {
                showIfUnused(value)
            }
            return .normal
        }
    }

    func execute(_ statement: StmtSyntax, in scope: Environment, collector: Collector?) throws -> Completion {
        if let expressionStatement = statement.as(ExpressionStmtSyntax.self) {
            let expression = expressionStatement.expression
            if let completion = try executeBranching(expression, in: scope, collector: collector) { return completion }
            let value = try evaluate(expression, in: scope)
            if let collector {
                if !value.isVoid { collector.values.append(value) }
            } else {
                showIfUnused(value)
            }
            return .normal
        }
        if let returnStatement = statement.as(ReturnStmtSyntax.self) {
            return .returned(try returnStatement.expression.map { try evaluate($0, in: scope) } ?? .void)
        }
        if statement.is(BreakStmtSyntax.self) { return .broke }
        if statement.is(ContinueStmtSyntax.self) { return .continued }
        if let forStatement = statement.as(ForStmtSyntax.self) {
            return try executeFor(forStatement, in: scope, collector: collector)
        }
        if let whileStatement = statement.as(WhileStmtSyntax.self) {
            return try executeWhile(whileStatement, in: scope, collector: collector)
        }
        if let repeatStatement = statement.as(RepeatStmtSyntax.self) {
            return try executeRepeat(repeatStatement, in: scope, collector: collector)
        }
        if let guardStatement = statement.as(GuardStmtSyntax.self) {
            if try conditionsHold(guardStatement.conditions, in: scope) { return .normal }
            let completion = try execute(guardStatement.body.statements, in: Environment(parent: scope), collector: collector)
            if case .normal = completion {
                throw SnippetError("the body of 'guard' must not fall through; end it with 'return', 'break' or 'continue'", at: guardStatement.guardKeyword)
            }
            return completion
        }
        if statement.is(FallThroughStmtSyntax.self) {
            throw SnippetError("'fallthrough' is only allowed as the last statement of a switch case", at: statement)
        }
        if let deferStatement = statement.as(DeferStmtSyntax.self) {
            deferred.append(deferStatement.body)
            return .normal
        }
        if let throwStatement = statement.as(ThrowStmtSyntax.self) { try executeThrow(throwStatement, in: scope) }
        if let doStatement = statement.as(DoStmtSyntax.self) { return try executeDo(doStatement, in: scope, collector: collector) }
        throw SnippetError.unsupported(describe(statement), at: statement)
    }

    /// Runs an `if` or `switch` written as a statement; nil for any other expression.
    private func executeBranching(_ expression: ExprSyntax, in scope: Environment, collector: Collector?) throws -> Completion? {
        switch expression.kind {
        case .ifExpr:
            guard let ifExpression = expression.as(IfExprSyntax.self) else { return nil }
            return try executeIf(ifExpression, in: scope, collector: collector)
        case .switchExpr:
            guard let switchExpression = expression.as(SwitchExprSyntax.self) else { return nil }
            return try executeSwitch(switchExpression, in: scope, collector: collector)
        default:
            return nil
        }
    }

    // MARK: - Depth

    /// Runs `body` one call deeper, failing with the recursion limit instead of overflowing the stack.
    func nested<T>(at node: some SyntaxProtocol, _ body: () throws -> T) throws -> T {
        try checkLimits(at: node)
        guard depth < maxDepth else { throw tooDeep(at: node) }
        depth += 1
        defer { depth -= 1 }
        return try body()
    }

    /// The error for nesting beyond `maxDepth`, where the step that would go deeper was written.
    func tooDeep(at node: some SyntaxProtocol) -> SnippetError {
        SnippetError(LimitExceeded.recursion(depth: maxDepth).description, at: node)
    }

    /// Stops at the time limit with an error pointing at `node`, the code being run when it passed.
    func checkLimits(at node: some SyntaxProtocol) throws {
        do {
            try ExecutionLimits.check()
        } catch let error as LimitExceeded {
            throw SnippetError(error.description, at: node)
        }
    }

    /// A short name for a kind of syntax, for "unsupported Swift syntax" messages.
    func describe(_ node: some SyntaxProtocol) -> String {
        let kind = String(describing: node.syntaxNodeType)
            .replacingOccurrences(of: "Syntax", with: "")
            .replacingOccurrences(of: "Stmt", with: " statement")
            .replacingOccurrences(of: "Decl", with: " declaration")
            .replacingOccurrences(of: "Expr", with: " expression")
        let text = node.trimmedDescription
        let excerpt = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "\(kind.lowercased().trimmingCharacters(in: .whitespaces)) '\(excerpt.split(separator: "\n").first.map(String.init) ?? excerpt)'"
    }
}
