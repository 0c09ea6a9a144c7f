import SwiftSyntax

/// Conditions with optional binding, `!` and `??`.
///
/// Optionals are flattened: a present value is the value itself and an absent
/// one is `Value.null`, so `xs.first` prints as `3`, not `Optional(3)`. That
/// is friendlier in a lesson than compiled Swift's spelling, and every form a
/// student writes to unwrap (`if let`, `guard let`, `??`, `!`, `== nil`) works.
extension Interpreter {
    /// Evaluates `if`/`guard`/`while` conditions in order; `let x = value` binds `x` into `scope` when present.
    func conditionsHold(_ conditions: ConditionElementListSyntax, in scope: Environment) throws -> Bool {
        for element in conditions {
            switch element.condition {
            case let .expression(expression):
                let value = try evaluate(expression, in: scope)
                guard case let .bool(holds) = value else {
                    throw SnippetError("a condition must be a Bool, got \(value.typeName)", at: expression)
                }
                if !holds { return false }
            case let .optionalBinding(binding):
                let value: Value
                if let initializer = binding.initializer {
                    value = try evaluate(initializer.value, in: scope)
                } else if let name = binding.pattern.as(IdentifierPatternSyntax.self) {
                    // `if let x` is short for `if let x = x`.
                    guard let existing = scope.lookup(name.identifier.text) else {
                        throw unknownName(name.identifier.text, at: name, in: scope)
                    }
                    value = existing.value
                } else {
                    throw SnippetError.unsupported("optional binding without a value", at: binding)
                }
                if value.isNull { return false }
                var bound = value
                if let annotation = binding.typeAnnotation {
                    bound = try coerce(value, to: annotation.type, at: binding)
                }
                try bind(binding.pattern, to: bound, in: scope, mutable: binding.bindingSpecifier.tokenKind == .keyword(.var))
            case let .matchingPattern(condition):
                // `if case .circle(let r) = shape`: the bindings go into the scope the condition guards.
                var value = try evaluate(condition.initializer.value, in: scope)
                if let annotation = condition.typeAnnotation { value = try coerce(value, to: annotation.type, at: condition) }
                if !(try match(condition.pattern, value, in: scope)) { return false }
            default:
                throw SnippetError("availability conditions are not supported in lessons; remove the '#available' check", at: element)
            }
        }
        return true
    }

    /// `x!`: the value, or an error at `x` saying it was nil and how to handle that.
    func forceUnwrap(_ unwrap: ForceUnwrapExprSyntax, in scope: Environment) throws -> Value {
        let inner = unwrap.expression
        if let subscriptCall = inner.as(SubscriptCallExprSyntax.self) {
            let base = try evaluate(subscriptCall.calledExpression, in: scope)
            let arguments = try subscriptCall.arguments.map {
                Argument(label: $0.label?.text, value: try evaluate($0.expression, in: scope), node: Syntax($0))
            }
            let value = try Subscripts.get(base, arguments, at: subscriptCall)
            if value.isNull, case .dictionary = base, let key = arguments.first {
                throw SnippetError("the dictionary has no key \(Display.literal(key.value)); use d[key, default: value] for a fallback", at: key.node)
            }
            return try present(value, unwrap)
        }
        return try present(try evaluate(inner, in: scope), unwrap)
    }

    private func present(_ value: Value, _ unwrap: ForceUnwrapExprSyntax) throws -> Value {
        guard value.isNull else { return value }
        let text = unwrap.expression.trimmedDescription
        let excerpt = text.count > 40 ? String(text.prefix(40)) + "…" : text
        throw SnippetError("unexpectedly found nil while unwrapping '\(excerpt)'; use 'if let', 'guard let' or '??' to handle a missing value", at: unwrap)
    }

    /// Whether `expression` is part of an optional chain (`xs?.first`, `p?.name.count`), so a nil on the way ends
    /// the whole chain with nil instead of an error, as Swift's `?.` does.
    static func chainsOptionally(_ expression: ExprSyntax) -> Bool {
        var current = expression
        while true {
            if current.is(OptionalChainingExprSyntax.self) { return true }
            if let access = current.as(MemberAccessExprSyntax.self), let base = access.base { current = base; continue }
            if let call = current.as(FunctionCallExprSyntax.self) { current = call.calledExpression; continue }
            if let subscriptCall = current.as(SubscriptCallExprSyntax.self) { current = subscriptCall.calledExpression; continue }
            if let unwrap = current.as(ForceUnwrapExprSyntax.self) { current = unwrap.expression; continue }
            return false
        }
    }

    /// `Optional.map` and `flatMap` on a value that is not a collection: nil stays nil, a present value goes through the closure.
    func optionalMap(_ name: String, _ base: Value, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Value? {
        guard arguments.count == 1, let only = arguments.first, case let .function(function) = only.value, name == "map" || name == "flatMap" else { return nil }
        switch base {
        case .null: return .null
        case .record, .enumCase, .object:
            guard userType(of: base)?.method(name) == nil else { return nil }
            return try call(function, with: [base], at: node)
        // A String has no `map` of its own here, so `name.map { ... }` is read as Optional's.
        case .int, .double, .bool, .tuple, .string: return try call(function, with: [base], at: node)
        default: return nil
        }
    }
}
