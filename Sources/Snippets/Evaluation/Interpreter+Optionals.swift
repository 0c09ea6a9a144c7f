import SwiftSyntax

/// Conditions with optional binding, `!`, optional chains and `Optional.map`.
///
/// A present optional is `Value.some` and an absent one `Value.null`, so `xs.first` prints
/// `Optional(3)` as compiled Swift does, and using it without unwrapping (`xs.first + 1`,
/// `d["a"].count`) is the error swiftc gives, with the ways to unwrap as the fix.
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
                    // `if let x` is short for `if let x = x` (`x` may be a property of `self`).
                    value = try lookup(name: name.identifier.text, at: name, in: scope)
                } else {
                    throw SnippetError.unsupported("optional binding without a value", at: binding)
                }
                guard value.isOptional else {
                    throw SnippetError(
                        "initializer for conditional binding must have Optional type, not '\(value.typeName)': it always has a value; "
                            + "bind it with a plain `let` before the `if`", at: binding)
                }
                guard var bound = value.unwrapped else { return false }
                if let annotation = binding.typeAnnotation {
                    bound = try coerce(bound, to: annotation.type, at: binding)
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
        if let present = value.unwrapped { return present }
        throw Self.foundNil(unwrap)
    }

    /// The error for `x!` when `x` is nil, read (`print(x!)`) or written through (`x!.append(1)`).
    static func foundNil(_ unwrap: ForceUnwrapExprSyntax) -> SnippetError {
        let text = unwrap.expression.trimmedDescription
        let excerpt = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return SnippetError("unexpectedly found nil while unwrapping '\(excerpt)'; use 'if let', 'guard let' or '??' to handle a missing value", at: unwrap)
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

    /// `Optional.map` and `flatMap`: nil stays nil, a present value goes through the closure.
    ///
    /// Both give an optional that does not nest (`map` returning an optional gives `U?`, not `U??`): a cell
    /// calling `o = o.map { … }` in a loop must not build an optional a million levels deep.
    func optionalMap(_ name: String, _ base: Value, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Value? {
        guard name == "map" || name == "flatMap", arguments.count == 1, let only = arguments.first, case let .function(function) = only.value else { return nil }
        switch base {
        case .null: return .null
        case let .some(present): return try call(function, with: [present], at: node).asOptional
        default: return nil
        }
    }

    /// The right side of `x ?? 0` when `x` is nil: a literal takes the optional's declared type, so `decay ?? 0`
    /// for a `Double?` is `0.0`, as swiftc types it (known for a variable or a property declared `Double?`).
    func fallback(for infix: InfixOperatorExprSyntax, in scope: Environment) throws -> Value {
        let value = try evaluate(infix.rightOperand, in: scope)
        guard case let .int(whole) = value, Self.takesContextType(infix.rightOperand),
              let declared = declaredOptional(infix.leftOperand, in: scope)?.as(OptionalTypeSyntax.self),
              declared.wrappedType.as(IdentifierTypeSyntax.self)?.name.text == "Double" else { return value }
        return .double(Double(whole))
    }

    /// The `T?` a variable or a stored property was declared with, or a function's `-> T?`, when `expression` names one.
    private func declaredOptional(_ expression: ExprSyntax, in scope: Environment) -> TypeSyntax? {
        // `lastLoss() ?? 0` for a `func lastLoss() -> Double?`.
        if let call = expression.as(FunctionCallExprSyntax.self), let callee = call.calledExpression.as(DeclReferenceExprSyntax.self),
           case let .function(function)? = scope.lookup(callee.baseName.text)?.value, case let .function(declaration, _) = function.body {
            return declaration.signature.returnClause?.type
        }
        if let reference = expression.as(DeclReferenceExprSyntax.self) {
            switch scope.resolve(reference.baseName.text) {
            case let .binding(binding)?: return binding.declaredOptional
            case let .member(receiver)?: return userType(of: receiver.binding.value)?.storedType(of: reference.baseName.text)
            case nil: return nil
            }
        }
        // `config.decay`: only through a name, so nothing is evaluated twice.
        guard let access = expression.as(MemberAccessExprSyntax.self), let base = access.base?.as(DeclReferenceExprSyntax.self),
              let holder = scope.lookup(base.baseName.text)?.value, let type = userType(of: holder) else { return nil }
        return type.storedType(of: access.declName.baseName.text)
    }

    /// The error for using an optional as the value it may hold: `xs.first + 1`, `d["a"].count`.
    static func mustUnwrap(_ value: Value, _ use: String, written: ExprSyntax, at node: some SyntaxProtocol) -> SnippetError {
        let text = excerpt(written)
        return SnippetError(
            "value of optional type '\(value.typeName)' must be unwrapped \(use); use `\(text)!` if it cannot be nil, "
                + "`\(text) ?? fallback` for a default, or `if let` to handle nil", at: node)
    }

    /// An optional chain's value: `p?.name` is a `String?` (a `String?` property gives `String?` too, not `String??`).
    ///
    /// `node` is the link just evaluated; only the chain's last link wraps, so `p?.name.count` reads
    /// `count` of the name, not of an optional.
    func chained(_ value: Value, at node: some SyntaxProtocol, base: ExprSyntax) -> Value {
        guard !value.isOptional, !value.isVoid, Self.chainsOptionally(base), !Self.continuesChain(Syntax(node)) else { return value }
        return .some(value)
    }

    /// Whether the expression at `node` is the base of a further link of a postfix chain (`.member`, a call, `[i]`, `?`, `!`).
    private static func continuesChain(_ node: Syntax) -> Bool {
        guard let parent = node.parent else { return false }
        if let access = parent.as(MemberAccessExprSyntax.self) { return access.base.map(Syntax.init) == node }
        if let call = parent.as(FunctionCallExprSyntax.self) { return Syntax(call.calledExpression) == node }
        if let subscriptCall = parent.as(SubscriptCallExprSyntax.self) { return Syntax(subscriptCall.calledExpression) == node }
        return parent.is(OptionalChainingExprSyntax.self) || parent.is(ForceUnwrapExprSyntax.self)
    }
}
