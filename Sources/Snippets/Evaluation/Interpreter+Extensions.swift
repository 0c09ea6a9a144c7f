import SwiftSyntax

/// `protocol`, `extension` and `typealias` declarations.
///
/// Values carry their type, so a protocol is a list of requirements checked when
/// a type adopts it, plus the default implementations its extensions give;
/// an extension of a builtin (`extension Array where Element == Double`) adds
/// members to every value the builtin type key covers.
extension Interpreter {
    func declareProtocol(_ declaration: ProtocolDeclSyntax, in scope: Environment) throws {
        if builtins.reserved.contains(declaration.name.text) {
            throw SnippetError("'\(declaration.name.text)' is reserved for checking exercises and cannot be redefined; choose another name", at: declaration.name)
        }
        let type = UserType(name: declaration.name.text, kind: .protocolType, scope: scope)
        type.conformances = Self.inheritedNames(declaration.inheritanceClause)
        type.adopted = adoptedProtocols(type.conformances)
        for member in declaration.memberBlock.members {
            let decl = member.decl
            let isStatic = Self.isStatic(decl)
            if let variable = decl.as(VariableDeclSyntax.self) {
                for binding in variable.bindings {
                    guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text,
                          binding.accessorBlock != nil, binding.initializer == nil else {
                        throw SnippetError("a protocol's property says how it is accessed and has no value, e.g. `var \(binding.pattern.trimmedDescription): Double { get }`", at: binding)
                    }
                    type.requirements.append(UserType.Requirement(name: name, written: variable.trimmedDescription, isStatic: isStatic))
                }
            } else if let function = decl.as(FunctionDeclSyntax.self) {
                if let body = function.body {
                    throw SnippetError("protocol methods must not have bodies; give a default implementation in `extension \(type.name) { ... }`", at: body)
                }
                type.requirements.append(UserType.Requirement(name: function.name.text, written: function.trimmedDescription, isStatic: isStatic))
            } else if let initializer = decl.as(InitializerDeclSyntax.self) {
                type.requirements.append(UserType.Requirement(name: "init", written: initializer.trimmedDescription, isStatic: false))
            } else if decl.is(AssociatedTypeDeclSyntax.self) || decl.is(TypeAliasDeclSyntax.self) {
                continue
            } else {
                throw SnippetError("\(describe(decl)) cannot be declared inside a protocol in lessons; declare properties, methods and initializers", at: decl)
            }
        }
        userTypes[type.name] = type
        scope.define(type.name, .metatype(type), mutable: false)
    }

    /// `extension Point { ... }`, `extension Shape { ... }` (defaults) or `extension Array where Element == Double { ... }`.
    func declareExtension(_ declaration: ExtensionDeclSyntax, in scope: Environment) throws {
        let name = Self.baseName(of: declaration.extendedType)
        let added = Self.inheritedNames(declaration.inheritanceClause)
        if let type = userTypes[name] {
            if type.kind == .protocolType, let clause = declaration.inheritanceClause {
                throw SnippetError("extension of protocol '\(name)' cannot have an inheritance clause; write `protocol \(name): \(clause.inheritedTypes.trimmedDescription)` where it is declared", at: clause)
            }
            type.scope = scope
            type.conformances.formUnion(added)
            type.adopted = adoptedProtocols(type.conformances)
            try addMembers(declaration.memberBlock, to: type, in: scope, inExtension: true)
            if type.kind != .protocolType { uncheckedConformances.append((type, Syntax(declaration.extendedType))) }
            return
        }
        guard let keys = Self.extensibleBuiltins[name] else {
            let advice = builtins.hasStaticMembers(name) || Self.swiftTypes.contains(name)
                ? "'\(name)' cannot be extended in lessons; write a top-level 'func' that takes a value of type \(name)"
                : "cannot find type '\(name)' in scope; extend a type the lesson declared, or Array, Double, Int, String, Dictionary, Bool or Tensor"
            throw SnippetError(advice, at: declaration.extendedType)
        }
        for key in keys {
            let type = builtinExtensions[key] ?? UserType(name: key, kind: .builtinExtension, scope: scope)
            type.scope = scope
            type.builtinMembers = builtins.memberNames(of: key)
            type.conformances.formUnion(added)
            type.adopted = adoptedProtocols(type.conformances)
            try addMembers(declaration.memberBlock, to: type, in: scope, inExtension: true)
            builtinExtensions[key] = type
            uncheckedConformances.append((type, Syntax(declaration.extendedType)))
        }
    }

    /// `typealias Vector = [Double]`: annotations written with the alias are checked as the type it names.
    func declareTypeAlias(_ declaration: TypeAliasDeclSyntax) throws {
        if let generics = declaration.genericParameterClause {
            throw SnippetError("generic type aliases are not supported in lessons; write the type out", at: generics)
        }
        typeAliases[declaration.name.text] = declaration.initializer.value
    }

    /// Fails the cell for a type that adopts a lesson's protocol without one of its requirements.
    func checkConformances() throws {
        let pending = uncheckedConformances
        uncheckedConformances.removeAll()
        for (type, node) in pending {
            guard let (proto, requirement) = type.unmetRequirements.first else { continue }
            throw SnippetError("type '\(type.name)' does not conform to protocol '\(proto.name)': it has no '\(requirement.name)'; add `\(requirement.written)` with a body, or a default in `extension \(proto.name)`", at: node)
        }
    }

    /// The lesson's protocols among the names after a colon (the others, `Equatable` and friends, are Swift's).
    func adoptedProtocols(_ names: Set<String>) -> [UserType] {
        names.sorted().compactMap { userTypes[$0] }.filter { $0.kind == .protocolType }
    }

    /// Whether a value may stand where the protocol `type` is expected.
    func value(_ value: Value, conformsTo type: UserType) -> Bool {
        if let own = userType(of: value) { return own.conforms(to: type.name) }
        return builtinExtensions[builtins.typeKey(value)]?.conforms(to: type.name) ?? false
    }

    static func inheritedNames(_ clause: InheritanceClauseSyntax?) -> Set<String> {
        Set(clause?.inheritedTypes.map { $0.type.trimmedDescription } ?? [])
    }

    private static func isStatic(_ declaration: DeclSyntax) -> Bool {
        let modifiers = declaration.asProtocol(WithModifiersSyntax.self)?.modifiers
        return modifiers?.contains { $0.name.tokenKind == .keyword(.static) } ?? false
    }

    /// `Array` for `Array`, `[Double]` and `Array<Double>`.
    static func baseName(of type: TypeSyntax) -> String {
        if let identifier = type.as(IdentifierTypeSyntax.self) { return identifier.name.text }
        if type.is(ArrayTypeSyntax.self) { return "Array" }
        if type.is(DictionaryTypeSyntax.self) { return "Dictionary" }
        if type.is(OptionalTypeSyntax.self) { return "Optional" }
        return type.trimmedDescription
    }

    /// Swift's types that lessons use but cannot extend.
    static let swiftTypes: Set<String> = ["Float", "Optional", "Character", "Substring", "Range", "ClosedRange", "Result", "Any", "AnyObject"]

    /// The builtin type keys an extension of each Swift type or protocol adds members to.
    static let extensibleBuiltins: [String: [String]] = {
        var table: [String: [String]] = [:]
        for name in ["Array", "BidirectionalCollection", "RandomAccessCollection",
                     "MutableCollection", "RangeReplaceableCollection"] { table[name] = ["Array"] }
        for name in ["Sequence", "Collection"] { table[name] = ["Array", "Set"] }
        for name in ["Double", "BinaryFloatingPoint", "FloatingPoint"] { table[name] = ["Double"] }
        for name in ["Int", "BinaryInteger", "FixedWidthInteger", "SignedInteger"] { table[name] = ["Int"] }
        for name in ["Numeric", "SignedNumeric", "AdditiveArithmetic", "Strideable"] { table[name] = ["Int", "Double"] }
        for name in ["Comparable", "Equatable", "Hashable"] { table[name] = ["Int", "Double", "String"] }
        for name in ["String", "StringProtocol"] { table[name] = ["String"] }
        for name in ["Bool", "Dictionary", "Set", "Tensor"] { table[name] = [name] }
        return table
    }()
}

extension Interpreter {
    /// `x as T` checks like an annotation; `x as? T` gives nil when the value is not a `T`; `x as! T` fails then.
    func evaluateCast(_ cast: AsExprSyntax, in scope: Environment) throws -> Value {
        var value = try evaluate(cast.expression, in: scope)
        switch cast.questionOrExclamationMark?.tokenKind {
        case .postfixQuestionMark?, .infixQuestionMark?:
            // `x as? T` looks inside an optional `x`, and gives a `T?`.
            if value.isOptional, !cast.type.isOptional { guard let present = value.unwrapped else { return .null }; value = present }
            return isInstance(value, of: cast.type) ? value.asOptional : .null
        case .exclamationMark?:
            if value.isOptional, !cast.type.isOptional, let present = value.unwrapped { value = present }
            guard isInstance(value, of: cast.type) else {
                throw SnippetError("could not cast a value of type \(value.typeName) to \(cast.type.trimmedDescription); check with `as?` or `is` first", at: cast)
            }
            return value
        default:
            return try coerce(value, to: cast.type, at: cast)
        }
    }

    /// `shape is Circle`: whether the value's own type is, or conforms to, the named type.
    func evaluateIs(_ check: IsExprSyntax, in scope: Environment) throws -> Value {
        .bool(isInstance(try evaluate(check.expression, in: scope), of: check.type))
    }

    private func isInstance(_ value: Value, of type: TypeSyntax) -> Bool {
        let name = Self.baseName(of: type)
        if let declared = userTypes[name] {
            if declared.kind == .protocolType { return self.value(value, conformsTo: declared) }
            return userType(of: value)?.isSubtype(of: declared) ?? false
        }
        if value.isNull { return false }
        switch name {
        case "Double", "Float": if case .double = value { return true }
        case "Int": if case .int = value { return true }
        case "String": if case .string = value { return true }
        case "Bool": if case .bool = value { return true }
        case "Array": if case .array = value { return true }
        case "Dictionary": if case .dictionary = value { return true }
        case "Set": if case .set = value { return true }
        case "Any", "AnyObject": return true
        default: return builtins.typeKey(value) == name
        }
        return false
    }
}

extension Interpreter {
    /// Applies a key path's members in turn: `\.shape.count` on `t` is `t.shape.count`; `?` stops at nil.
    func follow(_ path: KeyPathExprSyntax, from value: Value, at node: some SyntaxProtocol) throws -> Value {
        var current = value
        var optional = false
        for component in path.components {
            switch component.component {
            case let .property(property):
                current = try memberValue(of: current, property.declName.baseName.text, at: property)
            case .optional:
                guard let present = current.unwrapped else { return .null }
                current = present
                optional = true
            default:
                throw SnippetError("key paths with subscripts or methods are not supported in lessons; write a closure instead, e.g. `{ $0[0] }`", at: component)
            }
        }
        return optional ? current.asOptional : current
    }
}
