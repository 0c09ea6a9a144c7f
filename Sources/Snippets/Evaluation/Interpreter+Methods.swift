import SwiftSyntax

/// Calling declared types' methods, static members, enum case constructors and operators.
extension Interpreter {
    /// `value.name(args)` or `Type.name(args)` for a declared type; `place` finds the variable a `mutating` method changes.
    func callUserMethod(
        _ name: String, on base: inout Value, _ type: UserType, _ arguments: [Argument],
        place: () throws -> (Binding, [PathStep]), at node: some SyntaxProtocol, nameNode: some SyntaxProtocol
    ) throws -> Value {
        if case .metatype = base {
            if let overloads = type.staticMethod(name) {
                return try runMethod(pick(overloads, arguments, type: type, at: nameNode), of: type, self: nil, arguments, at: node)
            }
            if let item = type.enumCase(named: name) { return try makeCase(type, item, arguments, at: node) }
            if name == "init" { return try construct(type, arguments, at: node) }
            throw unknownUserMember(name, of: type, isStatic: true, at: nameNode)
        }
        if name == "init" {
            // `self.init(...)` inside an initializer delegates to another one.
            let made = try construct(type, arguments, at: node)
            let (binding, steps) = try place()
            try modify(&binding.value, steps[...]) { $0 = made }
            return .void
        }
        guard let overloads = type.method(name) else {
            if type.kind == .builtinExtension {
                return try callBuiltinMethod(name, on: base, arguments, place: place, at: Syntax(node), nameNode: nameNode)
            }
            if case let .record(record) = base, let index = type.storedIndex(of: name), case .function = record.fields[index] {
                return try callValue(record.fields[index], arguments, at: node)
            }
            if case let .object(object) = base, let index = type.storedIndex(of: name), case .function = object.fields[index] {
                return try callValue(object.fields[index], arguments, at: node)
            }
            if type.storedIndex(of: name) != nil || type.computedProperty(name) != nil {
                throw SnippetError("'\(name)' is a property of \(type.name), not a method; write it without parentheses", at: nameNode)
            }
            throw unknownUserMember(name, of: type, isStatic: false, at: nameNode)
        }
        let method = try pick(overloads, arguments, type: type, at: nameNode)
        if case .object = base {
            // A class's method changes the shared instance, never the variable that holds it.
            return try runMethod(method, of: type, self: Binding(base, mutable: true), arguments, owner: type.owner(ofMethod: name), at: node)
        }
        guard method.modifiers.contains(where: { $0.name.tokenKind == .keyword(.mutating) }) else {
            return try runMethod(method, of: type, self: Binding(base, mutable: false), arguments, at: node)
        }
        base = .void
        let (binding, steps) = try place()
        // The receiver is moved out of its variable while the method runs, so writes to `self` copy nothing.
        var receiver = Value.void
        try modify(&binding.value, steps[...]) { swap(&$0, &receiver) }
        let selfBinding = Binding(receiver, mutable: true)
        receiver = .void
        let result: Value
        do {
            result = try runMethod(method, of: type, self: selfBinding, arguments, at: node)
        } catch {
            try? modify(&binding.value, steps[...]) { $0 = selfBinding.value }
            throw error
        }
        try modify(&binding.value, steps[...]) { $0 = selfBinding.value }
        return result
    }

    /// The overload whose labels fit the call.
    private func pick(_ overloads: [FunctionDeclSyntax], _ arguments: [Argument], type: UserType, at node: some SyntaxProtocol) throws -> FunctionDeclSyntax {
        if let fitting = overloads.first(where: { labelsFit($0.signature.parameterClause.parameters, arguments) }) { return fitting }
        if overloads.count == 1, let only = overloads.first { return only }
        let forms = overloads.map { Self.signature($0.name.text, $0.signature.parameterClause.parameters) }
        throw SnippetError("no method of '\(type.name)' takes these arguments; it has \(forms.joined(separator: ", "))", at: node)
    }

    /// Runs a method body with `self` bound (nil for a static method), returning its value coerced to the declared type.
    func runMethod(
        _ method: FunctionDeclSyntax, of type: UserType, self selfBinding: Binding?, _ arguments: [Argument],
        owner: UserType? = nil, at node: some SyntaxProtocol
    ) throws -> Value {
        try nested(at: node) {
            let outer = Environment(parent: (owner ?? type).scope, receiver: selfBinding.map { MethodReceiver(binding: $0, type: type, owner: owner) })
            outer.define("Self", .metatype(type), mutable: false)
            let scope = Environment(parent: outer)
            let inouts = try bindParameters(method.signature.parameterClause.parameters, named: method.name.text, arguments, into: scope, defaultsIn: outer, at: node)
            let result = try runBody(method.body?.statements ?? [], in: scope, singleExpressionReturns: true)
            try writeBack(inouts, from: scope)
            if let returnType = method.signature.returnClause?.type { return try coerce(result, to: returnType, at: node) }
            return result
        }
    }

    /// `Shape.circle(radius: 2)`: a case with its associated values, checked against the declaration.
    func makeCase(_ type: UserType, _ item: UserType.Case, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Value {
        let written = type.name + "." + item.name + "(" + item.labels.map { ($0 ?? "_") + ":" }.joined() + ")"
        guard !item.types.isEmpty else {
            throw SnippetError("enum case '\(item.name)' has no associated values; write `\(type.name).\(item.name)` without parentheses", at: node)
        }
        guard arguments.count == item.types.count else {
            throw SnippetError("\(written) takes \(item.types.count) value\(item.types.count == 1 ? "" : "s"), but \(arguments.count) \(arguments.count == 1 ? "was" : "were") passed", at: node)
        }
        var values: [Value] = []
        for (argument, (label, valueType)) in zip(arguments, zip(item.labels, item.types)) {
            if argument.label != label {
                let have = argument.label.map { "'\($0):'" } ?? "no label"
                throw SnippetError("incorrect argument label in call to \(written): have \(have), expected \(label.map { "'\($0):'" } ?? "no label")", at: argument.node)
            }
            values.append(try coerce(argument.value, to: valueType, at: argument.node))
        }
        try checkNested(values, at: node)
        return .enumCase(EnumCaseValue(type: type, name: item.name, values: values, labels: item.labels))
    }

    /// Gives every implicit member among `values` the type of the first value of a lesson's type,
    /// as Swift infers `[Phase.train, .decay]` or `min(Phase.train, .warmup)`.
    func resolveImplicitMembers(in values: inout [Value]) throws {
        // Most literals hold no implicit member: then nothing is scanned for a type.
        guard values.contains(where: { if case .implicitMember = $0 { true } else { false } }) else { return }
        if let type = values.lazy.compactMap(userType(of:)).first {
            for (index, value) in values.enumerated() {
                if case let .implicitMember(member) = value { values[index] = try resolveImplicit(member, as: type) }
            }
            return
        }
        // `[1.0, 0.5, .nan]` is a [Double] and `[0, .max]` an [Int], as in Swift.
        guard let kind = Self.numericKind(of: values) else { return }
        for (index, value) in values.enumerated() {
            if case let .implicitMember(member) = value { values[index] = try builtins.resolve(member, kind: kind, interpreter: self) }
        }
    }

    /// "Double" when a Double is among `values`, else "Int" when an Int is: the type an implicit
    /// member beside them takes.
    static func numericKind(of values: [Value]) -> String? {
        if values.contains(where: { if case .double = $0 { true } else { false } }) { return "Double" }
        if values.contains(where: { if case .int = $0 { true } else { false } }) { return "Int" }
        return nil
    }

    /// `.north`, `.circle(radius: 1)`, `.zero` or `.init(...)` once the expected declared type is known.
    func resolveImplicit(_ member: ImplicitMember, as type: UserType) throws -> Value {
        if let arguments = member.arguments {
            var base = Value.metatype(type)
            return try callUserMethod(member.name, on: &base, type, arguments, place: { throw SnippetError("no place", at: member.node) }, at: member.node, nameNode: member.node)
        }
        return try userMember(of: .metatype(type), type, member.name, at: member.node)
    }

    /// A `static func +` (or any operator) a declared type defines for `lhs op rhs`, or nil.
    func userOperator(_ op: String, _ lhs: Value, _ rhs: Value, at node: some SyntaxProtocol) throws -> Value? {
        for side in [lhs, rhs] {
            guard let type = userType(of: side), let method = type.staticMethod(op)?.first else { continue }
            let labels = method.signature.parameterClause.parameters.map { $0.firstName.tokenKind == .wildcard ? nil : $0.firstName.text }
            guard labels.count == 2 else { continue }
            let arguments = [Argument(label: labels[0], value: lhs, node: Syntax(node)), Argument(label: labels[1], value: rhs, node: Syntax(node))]
            return try runMethod(method, of: type, self: nil, arguments, at: node)
        }
        return try derivedComparison(op, lhs, rhs, at: node)
    }

    /// `>`, `<=` and `>=` from a `Comparable` type's `<`, as the standard library derives them;
    /// `<` itself for an enum declared `Comparable` without associated values (by case order).
    private func derivedComparison(_ op: String, _ lhs: Value, _ rhs: Value, at node: some SyntaxProtocol) throws -> Value? {
        guard let type = userType(of: lhs), userType(of: rhs) === type, type.conforms(to: "Comparable") else { return nil }
        func less(_ a: Value, _ b: Value) throws -> Bool? {
            if type.staticMethod("<") != nil {
                guard case let .bool(result)? = try userOperator("<", a, b, at: node) else { return nil }
                return result
            }
            guard case let .enumCase(x) = a, case let .enumCase(y) = b, x.values.isEmpty, y.values.isEmpty,
                  let i = type.cases.firstIndex(where: { $0.name == x.name }), let j = type.cases.firstIndex(where: { $0.name == y.name }) else { return nil }
            return i < j
        }
        switch op {
        case "<": return try less(lhs, rhs).map(Value.bool)
        case ">": return try less(rhs, lhs).map(Value.bool)
        case "<=": return try less(rhs, lhs).map { .bool(!$0) }
        case ">=": return try less(lhs, rhs).map { .bool(!$0) }
        default: return nil
        }
    }

    /// Applies an infix operator, resolving an implicit member against the other side's declared type first.
    /// An operator with a present optional on one side: `==` and `!=` compare what the optionals hold
    /// (a plain value is promoted, as Swift does), and any other operator needs the value unwrapped first.
    private func optionalOperator(_ op: String, _ lhs: Value, _ rhs: Value, at node: some SyntaxProtocol) throws -> Value {
        guard op == "==" || op == "!=" else {
            let optional = lhs.isOptional ? lhs : rhs
            throw SnippetError("binary operator '\(op)' cannot be applied to a value of optional type '\(optional.typeName)'\(Value.unwrapAdvice)", at: node)
        }
        guard let a = lhs.unwrapped, let b = rhs.unwrapped else { return .bool((lhs.isNull && rhs.isNull) == (op == "==")) }
        return try applyBinary(op, a, b, at: node)
    }

    func applyBinary(_ op: String, _ lhs: Value, _ rhs: Value, at node: some SyntaxProtocol) throws -> Value {
        if op == "===" || op == "!==" { return .bool(try identical(lhs, rhs, at: node) == (op == "===")) }
        switch (lhs, rhs) {
        case (.int, .int), (.double, .double), (.int, .double), (.double, .int), (.tensor, _), (_, .tensor), (.jet, _), (_, .jet), (.variable, _), (_, .variable):
            return try Operators.binary(op, lhs, rhs, at: node)
        default:
            break
        }
        if case .some = lhs { return try optionalOperator(op, lhs, rhs, at: node) }
        if case .some = rhs { return try optionalOperator(op, lhs, rhs, at: node) }
        var (lhs, rhs) = (lhs, rhs)
        // `placement == .inside`: an implicit member takes the kind of a Descent value on the other side.
        if case let .implicitMember(member) = rhs, case .native = lhs, builtins.hasStaticMembers(builtins.typeKey(lhs)) {
            rhs = try builtins.resolve(member, kind: builtins.typeKey(lhs), interpreter: self)
        }
        if case let .implicitMember(member) = lhs, case .native = rhs, builtins.hasStaticMembers(builtins.typeKey(rhs)) {
            lhs = try builtins.resolve(member, kind: builtins.typeKey(rhs), interpreter: self)
        }
        // `loss < .infinity`: the member takes the number's type.
        if case let .implicitMember(member) = rhs, let kind = Self.numericKind(of: [lhs]) {
            rhs = try builtins.resolve(member, kind: kind, interpreter: self)
        }
        if case let .implicitMember(member) = lhs, let kind = Self.numericKind(of: [rhs]) {
            lhs = try builtins.resolve(member, kind: kind, interpreter: self)
        }
        if case let .implicitMember(member) = rhs, let type = userType(of: lhs) { rhs = try resolveImplicit(member, as: type) }
        if case let .implicitMember(member) = lhs, let type = userType(of: rhs) { lhs = try resolveImplicit(member, as: type) }
        if userType(of: lhs) != nil || userType(of: rhs) != nil {
            if let result = try userOperator(op, lhs, rhs, at: node) { return result }
            if op == "==" || op == "!=", let type = userType(of: lhs), !type.isEquatable {
                throw SnippetError("binary operator '\(op)' cannot be applied to two '\(type.name)' operands; declare `\(type.kind == .structure ? "struct" : "enum") \(type.name): Equatable`", at: node)
            }
        }
        return try Operators.binary(op, lhs, rhs, at: node)
    }
}
