import SwiftSyntax

/// Swift's patterns, as `switch`, `if case`, `guard case` and `for case` match them.
///
/// Matching binds names into the scope it is given, so a caller tries each
/// alternative in a fresh scope and keeps the one that matched.
extension Interpreter {
    /// Whether `value` matches `pattern`; `binding` is `let`/`var` once a binding keyword was seen (then bare names bind).
    func match(_ pattern: PatternSyntax, _ value: Value, in scope: Environment, binding: Bool? = nil) throws -> Bool {
        switch pattern.as(PatternSyntaxEnum.self) {
        case let .identifierPattern(identifier):
            scope.define(identifier.identifier.text, value, mutable: binding ?? false)
            return true
        case .wildcardPattern:
            return true
        case let .tuplePattern(tuple):
            guard case let .tuple(items, _) = value, items.count == tuple.elements.count else { return false }
            for (element, item) in zip(tuple.elements, items) where !(try match(element.pattern, item, in: scope, binding: binding)) {
                return false
            }
            return true
        case let .valueBindingPattern(inner):
            return try match(inner.pattern, value, in: scope, binding: inner.bindingSpecifier.tokenKind == .keyword(.var))
        case let .expressionPattern(expression):
            return try match(expression: expression.expression, value, in: scope, binding: binding)
        case let .isTypePattern(isType):
            // `catch is ParseError`: only the lesson's own types can be told apart.
            return value.typeName == isType.type.trimmedDescription
        default:
            throw SnippetError("this pattern is not supported in lessons; match a value, a range, a tuple or an enum case", at: pattern)
        }
    }

    /// Matches the expression form of a pattern: `.circle(let r)`, `(0, _)`, `1...5`, `x?`, or any value compared with `==`.
    private func match(expression: ExprSyntax, _ value: Value, in scope: Environment, binding: Bool?) throws -> Bool {
        switch expression.as(ExprSyntaxEnum.self) {
        case let .patternExpr(inner):
            return try match(inner.pattern, value, in: scope, binding: binding)
        case .discardAssignmentExpr:
            return true
        case let .declReferenceExpr(reference) where binding != nil:
            scope.define(reference.baseName.text, value, mutable: binding ?? false)
            return true
        case let .tupleExpr(tuple) where tuple.elements.count != 1:
            guard case let .tuple(items, _) = value, items.count == tuple.elements.count else { return false }
            for (element, item) in zip(tuple.elements, items) where !(try match(expression: element.expression, item, in: scope, binding: binding)) {
                return false
            }
            return true
        case let .tupleExpr(tuple):
            if let only = tuple.elements.first { return try match(expression: only.expression, value, in: scope, binding: binding) }
        case let .asExpr(cast):
            // `catch let e as ParseError`, `case let x as Shape`.
            guard value.typeName == cast.type.trimmedDescription else { return false }
            return try match(expression: cast.expression, value, in: scope, binding: binding)
        case let .optionalChainingExpr(optional):
            guard let present = value.unwrapped else { return false }
            return try match(expression: optional.expression, present, in: scope, binding: binding)
        case let .functionCallExpr(call):
            if let access = call.calledExpression.as(MemberAccessExprSyntax.self), isCasePattern(access, value, in: scope) {
                return try matchCase(access.declName.baseName.text, call.arguments, value, in: scope, binding: binding)
            }
        case let .memberAccessExpr(access):
            if isCasePattern(access, value, in: scope) {
                let name = access.declName.baseName.text
                if case let .enumCase(item) = value { return item.name == name }
                return name == "none" ? value.isNull : !value.isNull
            }
        case let .infixOperatorExpr(infix):
            if let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text, op == "..<" || op == "..." {
                let lower = try evaluate(infix.leftOperand, in: scope)
                let upper = try evaluate(infix.rightOperand, in: scope)
                return try holds(lower, "<=", value, at: infix) && holds(value, op == "..<" ? "<" : "<=", upper, at: infix)
            }
        case let .postfixOperatorExpr(postfix) where postfix.operator.text == "...":
            return try holds(try evaluate(postfix.expression, in: scope), "<=", value, at: postfix)
        case let .prefixOperatorExpr(prefix) where prefix.operator.text == "..<" || prefix.operator.text == "...":
            return try holds(value, prefix.operator.text == "..<" ? "<" : "<=", try evaluate(prefix.expression, in: scope), at: prefix)
        default:
            break
        }
        let expected = try evaluate(expression, in: scope)
        if case let .range(lower, upper) = expected, case let .int(number) = value { return lower <= number && number < upper }
        return try holds(expected, "==", value, at: expression)
    }

    /// Whether `a.b` in a pattern names an enum case (`.north`, `Direction.north`, `.some`, `.none`) rather than a value.
    private func isCasePattern(_ access: MemberAccessExprSyntax, _ value: Value, in scope: Environment) -> Bool {
        let name = access.declName.baseName.text
        if case let .enumCase(item) = value {
            guard item.type.enumCase(named: name) != nil else { return false }
            guard let base = access.base else { return true }
            return base.trimmedDescription == item.type.name || base.trimmedDescription == "Self"
        }
        return access.base == nil && (name == "some" || name == "none")
    }

    /// `.circle(let r)` against an enum value (or `.some(let x)` against an optional).
    private func matchCase(_ name: String, _ arguments: LabeledExprListSyntax, _ value: Value, in scope: Environment, binding: Bool?) throws -> Bool {
        guard case let .enumCase(item) = value else {
            guard name == "some", let present = value.unwrapped, let only = arguments.first else { return false }
            return try match(expression: only.expression, present, in: scope, binding: binding)
        }
        guard item.name == name else { return false }
        guard arguments.count == item.values.count else {
            throw SnippetError("the pattern has \(arguments.count) value\(arguments.count == 1 ? "" : "s"), but case '\(name)' of \(item.type.name) has \(item.values.count)", at: arguments)
        }
        for (argument, element) in zip(arguments, item.values) where !(try match(expression: argument.expression, element, in: scope, binding: binding)) {
            return false
        }
        return true
    }

    private func holds(_ lhs: Value, _ op: String, _ rhs: Value, at node: some SyntaxProtocol) throws -> Bool {
        guard case let .bool(result) = try applyBinary(op, lhs, rhs, at: node) else { return false }
        return result
    }
}
