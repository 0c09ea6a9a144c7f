import Descent
import SwiftSyntax

extension Interpreter {
    /// One step from a variable to the place being assigned: `[i]`, `.name`, or into an optional with `!` or `?`.
    enum PathStep {
        case index([Argument], Syntax)
        case member(String, Syntax)
        /// `d[k]!.append(x)`, `box.items?.append(x)`: the optional's value; with `?` a nil there changes nothing.
        case unwrap(force: Bool, Syntax)
    }

    /// `a = b`, `a += b`, `&&`, `||` and every other infix operator.
    func evaluateInfix(_ infix: InfixOperatorExprSyntax, in scope: Environment) throws -> Value {
        if infix.operator.is(AssignmentExprSyntax.self) {
            let value = try evaluate(infix.rightOperand, in: scope)
            try assign(value, to: infix.leftOperand, in: scope, written: infix.rightOperand)
            return .void
        }
        guard let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text else {
            throw SnippetError.unsupported(describe(infix.operator), at: infix.operator)
        }
        switch op {
        case "??":
            if let present = try evaluate(infix.leftOperand, in: scope).unwrapped { return present }
            return try fallback(for: infix, in: scope)
        case "&&", "||":
            guard case let .bool(left) = try evaluate(infix.leftOperand, in: scope) else {
                throw SnippetError("the operands of '\(op)' must be Bool", at: infix.leftOperand)
            }
            if (op == "&&" && !left) || (op == "||" && left) { return .bool(left) }
            guard case let .bool(right) = try evaluate(infix.rightOperand, in: scope) else {
                throw SnippetError("the operands of '\(op)' must be Bool", at: infix.rightOperand)
            }
            return .bool(right)
        case "+=", "-=", "*=", "/=", "%=":
            let rhs = try evaluate(infix.rightOperand, in: scope)
            let base = String(op.dropLast())
            let (binding, steps) = try resolvePlace(infix.leftOperand, in: scope)
            try checkCompoundPlace(infix, op, binding, steps, in: scope)
            try modify(&binding.value, steps[...]) { value in
                var operand = rhs
                if case .int = value, case .double = rhs { operand = try compoundOperand(op, value, rhs, infix) }
                if case .int = rhs, Self.isFractional(value) { operand = try compoundOperand(op, value, rhs, infix) }
                value = try applyBinary(base, value, operand, at: infix.operator)
            }
            if binding.declaredElement != nil, Self.takesContextType(infix.rightOperand) { try keepDeclaredValue(binding, steps, at: infix) }
            return .void
        default:
            let lhs = try evaluate(infix.leftOperand, in: scope)
            let rhs = try evaluate(infix.rightOperand, in: scope)
            // An Int beside a Double, Tensor or Jet: swiftc converts it only when its type comes from there.
            if case .int = lhs {
                if case .int = rhs {} else if Self.isFractional(rhs) { return try mixedOperands(op, lhs, rhs, infix) }
            } else if case .int = rhs, Self.isFractional(lhs) {
                return try mixedOperands(op, lhs, rhs, infix)
            }
            return try applyBinary(op, lhs, rhs, at: infix.operator)
        }
    }

    /// Stores `value` into a variable, an element, a member, or a tuple of those.
    ///
    /// `written`: the expression `value` came from, when it is one, so an `Int` stored where a `Double`
    /// was is refused unless it is a literal (`x = n` is an error in Swift, `x = 1` makes 1.0).
    func assign(_ value: Value, to target: ExprSyntax, in scope: Environment, written: ExprSyntax? = nil) throws {
        if target.is(DiscardAssignmentExprSyntax.self) { return }
        if let tuple = target.as(TupleExprSyntax.self), tuple.elements.count != 1 {
            guard case let .tuple(values, _) = value, values.count == tuple.elements.count else {
                throw SnippetError("cannot assign a \(value.typeName) to a tuple of \(tuple.elements.count) places", at: target)
            }
            for (element, item) in zip(tuple.elements, values) {
                try assign(item, to: element.expression, in: scope)
            }
            return
        }
        let (binding, steps) = try resolvePlace(target, in: scope)
        if steps.isEmpty, let declared = binding.declaredOptional {
            // `best = 1` for `var best: Double?` stores `Optional(1.0)`; `x = 3` for `var x: Int!` stores 3.
            if let written { try checkConversion(value, to: declared, written: Syntax(written), role: "specified type") }
            binding.value = try coerce(value, to: declared, at: written ?? target)
            return
        }
        try modify(&binding.value, steps[...]) { old in
            // `heading = .north`: an implicit member takes the type of the value it replaces.
            if case let .implicitMember(member) = value, let type = userType(of: old) {
                old = try resolveImplicit(member, as: type)
            } else {
                if case .double = old, case .int = value, let written, !Self.takesContextType(written) {
                    throw SnippetError(
                        "cannot assign value of type 'Int' to type 'Double': Swift never turns an Int into a Double by itself; "
                            + "write `\(Self.excerpt(target)) = Double(\(Self.excerpt(written)))`", at: written)
                }
                old = Self.conform(value, to: old)
            }
        }
        if binding.declaredElement != nil, let written, Self.takesContextType(written) { try keepDeclaredValue(binding, steps, at: written) }
    }

    /// `d["a"] = 1` or `sums[k, default: 0] += 1` on a `var d: [String: Double]`: the literal's entry is a Double,
    /// as swiftc types it, though the dictionary's other values (maybe none yet) do not show the type.
    private func keepDeclaredValue(_ binding: Binding, _ steps: [PathStep], at node: some SyntaxProtocol) throws {
        guard steps.count == 1, case let .index(arguments, _) = steps[0], let type = binding.declaredElement,
              case var .dictionary(entries) = binding.value, let key = arguments.first, let stored = entries[key.value],
              case .int = stored else { return }
        let converted = try coerce(stored, to: type, at: node)
        if case .int = converted { return }
        binding.value = .void
        defer { binding.value = .dictionary(entries) }
        try entries.set(key.value, converted)
    }

    /// The variable an assignable expression starts from and the steps inside it.
    ///
    /// Indices are evaluated here, before any storage is touched, so the
    /// in-place update that follows never re-enters the interpreter.
    /// `throughReference`: the place is a property of what `target` holds, so a `let` holding a class instance will do.
    func resolvePlace(_ target: ExprSyntax, in scope: Environment, forMutating method: String? = nil, throughReference: Bool = false) throws -> (Binding, [PathStep]) {
        if let tuple = target.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
            return try resolvePlace(only.expression, in: scope, forMutating: method)
        }
        if let reference = target.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            switch scope.resolve(name) {
            case nil:
                throw unknownName(name, at: reference, in: scope)
            case let .member(receiver):
                guard receiver.binding.isMutable || receiver.binding.value.isObject else { throw immutableSelf(at: reference) }
                return (receiver.binding, [.member(name, Syntax(reference))])
            case let .binding(binding):
                if binding.isMutable, name != "self" { return (binding, []) }
                guard binding.isMutable || (throughReference && binding.value.isObject) else {
                    if name == "self" { throw immutableSelf(at: reference) }
                    if let method {
                        throw SnippetError("cannot use mutating member '\(method)' on immutable value: '\(name)' is a 'let' constant; declare it with 'var'", at: reference)
                    }
                    throw SnippetError("cannot assign to '\(name)': it is a 'let' constant; declare it with 'var' to change it", at: reference)
                }
                return (binding, [])
            }
        }
        if let access = target.as(MemberAccessExprSyntax.self), let base = access.base?.as(DeclReferenceExprSyntax.self),
           case let .metatype(type)? = scope.lookup(base.baseName.text)?.value {
            // `Counter.count += 1`: a static stored property is its own variable.
            let name = access.declName.baseName.text
            guard let binding = type.statics[name] else { throw unknownUserMember(name, of: type, isStatic: true, at: access.declName) }
            guard binding.isMutable else {
                throw SnippetError("cannot assign to '\(type.name).\(name)': it is a 'static let' constant; declare it 'static var'", at: access.declName)
            }
            return (binding, [])
        }
        if let subscriptCall = target.as(SubscriptCallExprSyntax.self) {
            let (binding, steps) = try resolvePlace(subscriptCall.calledExpression, in: scope)
            let arguments = try subscriptCall.arguments.map {
                Argument(label: $0.label?.text, value: try evaluate($0.expression, in: scope), node: Syntax($0))
            }
            return (binding, steps + [.index(arguments, Syntax(subscriptCall))])
        }
        if let unwrap = target.as(ForceUnwrapExprSyntax.self) {
            let (binding, steps) = try resolvePlace(unwrap.expression, in: scope, forMutating: method, throughReference: throughReference)
            return (binding, steps + [.unwrap(force: true, Syntax(unwrap))])
        }
        if let chain = target.as(OptionalChainingExprSyntax.self) {
            let (binding, steps) = try resolvePlace(chain.expression, in: scope, forMutating: method, throughReference: throughReference)
            return (binding, steps + [.unwrap(force: false, Syntax(chain))])
        }
        if let access = target.as(MemberAccessExprSyntax.self), let base = access.base {
            let (binding, steps) = try resolvePlace(base, in: scope, throughReference: true)
            return (binding, steps + [.member(access.declName.baseName.text, Syntax(access.declName))])
        }
        throw SnippetError("cannot assign to '\(target.trimmedDescription)'; assign to a 'var', an element or a property", at: target)
    }

    /// The error for changing `self` where it is a constant: outside 'mutating' methods.
    func immutableSelf(at node: some SyntaxProtocol) -> SnippetError {
        SnippetError("cannot change 'self' or its properties here: 'self' is immutable; mark the method 'mutating'", at: node)
    }

    /// An integer stored where a Double was stays a Double, as Swift's literal typing would make it, and
    /// a value stored where an optional was is a present optional (`best = 3` after `var best = xs.first`).
    static func conform(_ value: Value, to old: Value) -> Value {
        switch (old, value) {
        case let (.double, .int(i)): return .double(Double(i))
        case (.null, _): return value.isVoid ? value : value.asOptional
        case let (.some(inner), _): return value.isOptional ? value : .some(conform(value, to: inner))
        default: return value
        }
    }

    /// Applies `body` to the place at the end of `steps`, writing each level back on the way out.
    func modify(_ value: inout Value, _ steps: ArraySlice<PathStep>, _ body: (inout Value) throws -> Void) throws {
        guard let step = steps.first else {
            try body(&value)
            return
        }
        switch step {
        case let .index(arguments, node):
            var element: Value
            if case let .dictionary(dictionary) = value, let key = arguments.first {
                // The place is the stored value, not the optional a read gives: assigning a new key creates it,
                // and `d[k]!.append(x)` or `d[k, default: []].append(x)` change the value in place.
                element = dictionary[key.value] ?? arguments.first(where: { $0.label == "default" })?.value ?? .null
            } else {
                element = try Subscripts.get(value, arguments, at: node)
            }
            try modify(&element, steps.dropFirst(), body)
            try Subscripts.set(&value, arguments, element, at: node)
        case let .member(name, node):
            if userType(of: value) != nil {
                try modifyUserMember(&value, name, steps.dropFirst(), at: node, body)
                return
            }
            var member = try builtins.property(of: value, name, interpreter: self, at: node)
            try modify(&member, steps.dropFirst(), body)
            try builtins.setProperty(of: &value, name, to: member, at: node)
        case let .unwrap(force, node):
            switch value {
            case .null:
                guard force, let unwrap = node.as(ForceUnwrapExprSyntax.self) else { return }
                throw Self.foundNil(unwrap)
            case var .some(inner):
                value = .void
                defer { value = .some(inner) }
                try modify(&inner, steps.dropFirst(), body)
            default:
                // A dictionary's element is its stored value, already unwrapped.
                try modify(&value, steps.dropFirst(), body)
            }
        }
    }

    /// `counts["a"] += 1` is swiftc's error: a dictionary read is optional; `counts["a", default: 0] += 1` is the fix.
    ///
    /// `xs[i] += g` in a loop is the common case: when the subscript is the place's only step, its
    /// collection is the variable itself, so nothing is evaluated a second time.
    private func checkCompoundPlace(_ infix: InfixOperatorExprSyntax, _ op: String, _ binding: Binding, _ steps: [PathStep], in scope: Environment) throws {
        guard let read = infix.leftOperand.as(SubscriptCallExprSyntax.self), !read.arguments.contains(where: { $0.label?.text == "default" }) else { return }
        let collection = steps.count == 1 ? binding.value : try evaluate(read.calledExpression, in: scope)
        guard case .dictionary = collection else { return }
        let base = Self.excerpt(read.calledExpression), key = read.arguments.trimmedDescription
        throw SnippetError(
            "value of optional type must be unwrapped: '\(Self.excerpt(infix.leftOperand))' is nil when the key is missing; "
                + "write `\(base)[\(key), default: 0] \(op) …` to start from a default, or `\(base)[\(key)]! \(op) …` if the key is there", at: read)
    }
}
