import Descent
import SwiftSyntax

extension Interpreter {
    /// One step from a variable to the place being assigned: `[i]` or `.name`.
    enum PathStep {
        case index([Argument], Syntax)
        case member(String, Syntax)
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
            let left = try evaluate(infix.leftOperand, in: scope)
            return left.isNull ? try evaluate(infix.rightOperand, in: scope) : left
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
            try modify(&binding.value, steps[...]) { value in
                var operand = rhs
                if case .int = value, case .double = rhs { operand = try compoundOperand(op, value, rhs, infix) }
                if case .int = rhs, Self.isFractional(value) { operand = try compoundOperand(op, value, rhs, infix) }
                value = try applyBinary(base, value, operand, at: infix.operator)
            }
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
            if let binding = scope.lookup(name), binding.isMutable, name != "self" { return (binding, []) }
            switch scope.resolve(name) {
            case nil:
                throw unknownName(name, at: reference, in: scope)
            case let .member(receiver):
                guard receiver.binding.isMutable || receiver.binding.value.isObject else { throw immutableSelf(at: reference) }
                return (receiver.binding, [.member(name, Syntax(reference))])
            case let .binding(binding):
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

    /// An integer stored where a Double was stays a Double, as Swift's literal typing would make it.
    static func conform(_ value: Value, to old: Value) -> Value {
        if case .double = old, case let .int(i) = value { return .double(Double(i)) }
        return value
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
            if case let .dictionary(dictionary) = value, arguments.count == 1, let key = arguments.first, steps.count == 1 {
                // Assigning a new key creates it, as in Swift.
                element = dictionary[key.value] ?? .null
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
        }
    }
}
