import SwiftSyntax

/// A value thrown by `throw`, travelling up to the `do`/`catch`, `try?` or `try!` that handles it.
struct ThrownError: Error {
    var value: Value
    var node: Syntax
}

/// `throw`, `do`/`catch`, `try?`, `try!` and `defer`, with Swift's semantics.
extension Interpreter {
    /// `throw Failure.bad`: the value must be of a declared type that says `Error`.
    func executeThrow(_ statement: ThrowStmtSyntax, in scope: Environment) throws -> Never {
        let value = try evaluate(statement.expression, in: scope)
        guard let type = userType(of: value), type.conforms(to: "Error") else {
            throw SnippetError("thrown value of type '\(value.typeName)' does not conform to 'Error'; declare an `enum MyError: Error { case ... }` and throw one of its cases", at: statement.expression)
        }
        _ = type
        throw ThrownError(value: value, node: Syntax(statement))
    }

    /// Runs a `do` body; a thrown value goes to the first `catch` whose pattern (and `where`) matches, or on up.
    func executeDo(_ statement: DoStmtSyntax, in scope: Environment, collector: Collector?) throws -> Completion {
        do {
            return try execute(statement.body.statements, in: Environment(parent: scope), collector: collector)
        } catch let thrown as ThrownError {
            for clause in statement.catchClauses {
                let body = Environment(parent: scope)
                if clause.catchItems.isEmpty {
                    body.define("error", thrown.value, mutable: false)
                    return try execute(clause.body.statements, in: body, collector: collector)
                }
                for item in clause.catchItems {
                    if let pattern = item.pattern, !(try match(pattern, thrown.value, in: body)) { continue }
                    if item.pattern == nil { body.define("error", thrown.value, mutable: false) }
                    if let whereClause = item.whereClause {
                        guard case let .bool(holds) = try evaluate(whereClause.condition, in: body) else {
                            throw SnippetError("a 'where' clause must be a Bool", at: whereClause.condition)
                        }
                        if !holds { continue }
                    }
                    return try execute(clause.body.statements, in: body, collector: collector)
                }
            }
            throw thrown
        }
    }

    /// `try?` gives nil for a thrown value, `try!` stops with an error at the expression; plain `try` passes it on.
    func evaluateTry(_ expression: TryExprSyntax, in scope: Environment) throws -> Value {
        guard let mark = expression.questionOrExclamationMark else { return try evaluate(expression.expression, in: scope) }
        let optional = mark.tokenKind == .postfixQuestionMark || mark.text == "?"
        do {
            // `try? f()` is an optional, and one optional, not two, when `f` returns one (Swift 5).
            let value = try evaluate(expression.expression, in: scope)
            return optional ? value.asOptional : value
        } catch let thrown as ThrownError {
            if optional { return .null }
            throw SnippetError("'try!' expression unexpectedly raised an error: \(try text(of: thrown.value)); use 'do'/'catch' or 'try?' to handle it", at: expression)
        }
    }

    /// The error for a thrown value no `catch` handled, at the line of the cell it escaped from.
    func uncaught(_ thrown: ThrownError, at item: CodeBlockItemSyntax) -> SnippetError {
        let described = (try? text(of: thrown.value)) ?? thrown.value.typeName
        return SnippetError("error thrown and not caught: \(thrown.value.typeName).\(described); wrap the call in 'do { try ... } catch { ... }' or use 'try?'", at: item)
    }

    /// Runs (and removes) the `defer` blocks above `mark`, last first, as their block is left.
    func runDeferred(above mark: Int, in scope: Environment) throws {
        guard deferred.count > mark else { return }
        let blocks = deferred[mark...]
        deferred.removeSubrange(mark...)
        for block in blocks.reversed() {
            switch try execute(block.statements, in: Environment(parent: scope), collector: nil) {
            case .normal: continue
            default: throw SnippetError("'defer' cannot transfer control out of its block ('return', 'break' and 'continue' are not allowed)", at: block)
            }
        }
    }
}
