import SwiftSyntax

/// A generic function's constraints checked against what a call passes, as swiftc checks them.
///
/// Values carry their own types, so a generic body runs unchanged; what the interpreter adds
/// is the rejection swiftc gives when an argument's type does not satisfy the constraint
/// (`largest([t1, t2])` with tensors for `T: Comparable`). Each parameter written `T`, `[T]`,
/// `T?` or `inout T` is checked element by element against `T`'s constraints from `<T: P>`
/// and `where T: P`. An integer literal passes a floating-point constraint, since swiftc
/// would infer a `Double` there.
extension Interpreter {
    func checkGenericConstraints(_ declaration: FunctionDeclSyntax, _ arguments: [Argument], in scope: Environment, at node: some SyntaxProtocol) throws {
        guard let generics = declaration.genericParameterClause else { return }
        var constraints: [String: [String]] = [:]
        for parameter in generics.parameters {
            constraints[parameter.name.text] = parameter.inheritedType.map { Self.protocolNames($0) } ?? []
        }
        for requirement in declaration.genericWhereClause?.requirements ?? [] {
            guard case let .conformanceRequirement(conformance) = requirement.requirement else { continue }
            constraints[conformance.leftType.trimmedDescription, default: []] += Self.protocolNames(conformance.rightType)
        }
        for parameter in declaration.signature.parameterClause.parameters {
            guard let (generic, shape) = Self.genericUse(parameter.type, among: constraints), let required = constraints[generic], !required.isEmpty else { continue }
            let internalName = (parameter.secondName ?? parameter.firstName).text
            guard let bound = scope.lookup(internalName)?.value else { continue }
            let argumentNode = arguments.first { ($0.label ?? "_") == parameter.firstName.text || ($0.label == nil && parameter.firstName.tokenKind == .wildcard) }?.node
            let literal = argumentNode.map(Self.isIntegerLiteral) ?? false
            let values: [Value]
            switch (shape, bound) {
            case let (.array, .array(items)): values = items
            case (.optional, .null): values = []
            case let (.optional, .some(present)): values = [present]
            default: values = [bound]
            }
            for value in values {
                for name in required where !satisfies(value, name, integerLiteral: literal) {
                    throw SnippetError("global function '\(declaration.name.text)' requires that '\(value.typeName)' conform to '\(name)'",
                                       at: argumentNode ?? Syntax(node))
                }
            }
            let floating = required.contains { ["BinaryFloatingPoint", "FloatingPoint"].contains($0) }
            if floating, literal, let binding = scope.lookup(internalName) {
                // `half(3)` for `T: BinaryFloatingPoint`: swiftc makes the literal a Double.
                binding.value = Self.doubles(binding.value)
            }
            // `T(xs.count)` in the body: `T` is the type the call gave it.
            if scope.lookup(generic) == nil, let first = values.first, let type = typeValue(of: first, floating: floating) {
                scope.define(generic, type, mutable: false)
            }
        }
    }

    private static func doubles(_ value: Value) -> Value {
        switch value {
        case let .int(i): return .double(Double(i))
        case let .array(items): return .array(items.map(doubles))
        default: return value
        }
    }

    /// The value that names `value`'s type where a generic parameter stands for it: a lesson's type,
    /// or the initializer of `Int`, `Double`, `String` or `Bool`.
    private func typeValue(of value: Value, floating: Bool) -> Value? {
        if let user = userType(of: value) { return .metatype(user) }
        let name: String
        switch value {
        case .int: name = floating ? "Double" : "Int"
        case .double: name = "Double"
        case .string: name = "String"
        case .bool: name = "Bool"
        default: return nil
        }
        return builtins.functions[name].map { .function(FunctionValue(name: name, body: .builtin($0))) }
    }

    private enum Shape { case plain, array, optional }

    /// The generic parameter a parameter's type is made of, and how: `T`, `[T]`, `T?`, `inout T`.
    private static func genericUse(_ type: TypeSyntax, among generics: [String: [String]]) -> (String, Shape)? {
        var type = type
        if let attributed = type.as(AttributedTypeSyntax.self) { type = attributed.baseType }
        if let array = type.as(ArrayTypeSyntax.self), let name = array.element.as(IdentifierTypeSyntax.self)?.name.text, generics[name] != nil {
            return (name, .array)
        }
        if let optional = type.as(OptionalTypeSyntax.self), let name = optional.wrappedType.as(IdentifierTypeSyntax.self)?.name.text, generics[name] != nil {
            return (name, .optional)
        }
        if let name = type.as(IdentifierTypeSyntax.self)?.name.text, generics[name] != nil { return (name, .plain) }
        return nil
    }

    /// `Comparable & Hashable` as its names.
    private static func protocolNames(_ type: TypeSyntax) -> [String] {
        if let composition = type.as(CompositionTypeSyntax.self) { return composition.elements.map { $0.type.trimmedDescription } }
        return [type.trimmedDescription]
    }

    /// `3`, `-3` or `[1, 2, -4]`: integers swiftc would make `Double`s for a floating-point parameter.
    private static func isIntegerLiteral(_ node: Syntax) -> Bool {
        guard let element = node.as(LabeledExprSyntax.self) else { return false }
        func literal(_ expression: ExprSyntax) -> Bool {
            if let prefix = expression.as(PrefixOperatorExprSyntax.self) { return literal(prefix.expression) }
            if let array = expression.as(ArrayExprSyntax.self) { return array.elements.allSatisfy { literal($0.expression) } }
            return expression.is(IntegerLiteralExprSyntax.self)
        }
        return literal(element.expression)
    }

    /// Whether `value` has a type that conforms to the standard protocol or lesson protocol `name`;
    /// protocols the interpreter does not model pass.
    private func satisfies(_ value: Value, _ name: String, integerLiteral: Bool) -> Bool {
        if let declared = userTypes[name], declared.kind == .protocolType { return self.value(value, conformsTo: declared) }
        let user = userType(of: value)
        switch name {
        case "Comparable":
            if let user { return user.conforms(to: "Comparable") }
            switch value { case .int, .double, .string: return true; default: return false }
        case "Equatable":
            if case let .some(present) = value { return satisfies(present, name, integerLiteral: integerLiteral) }
            if let user { return user.isEquatable }
            switch value {
            case .int, .double, .string, .bool, .array, .set, .dictionary, .tensor, .null: return true
            case let .native(native): return native.payload is any Equatable
            default: return false
            }
        case "Hashable":
            return HashableValue(value) != nil
        case "Numeric", "AdditiveArithmetic", "SignedNumeric":
            switch value { case .int, .double: return true; default: return false }
        case "BinaryFloatingPoint", "FloatingPoint":
            if case .double = value { return true }
            if case .int = value { return integerLiteral }
            return false
        case "BinaryInteger", "FixedWidthInteger", "SignedInteger":
            if case .int = value { return true }
            return false
        case "StringProtocol":
            if case .string = value { return true }
            return false
        case "Sequence", "Collection":
            switch value { case .array, .set, .dictionary, .range, .string: return true; default: return false }
        default:
            return true
        }
    }
}
