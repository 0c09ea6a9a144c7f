import Descent
import SwiftSyntax

extension Interpreter {
    /// `let`/`var` bindings and `func` declarations; anything else is unsupported.
    func declare(_ declaration: DeclSyntax, in scope: Environment) throws {
        if let variable = declaration.as(VariableDeclSyntax.self) {
            let mutable = variable.bindingSpecifier.tokenKind == .keyword(.var)
            if let modifier = variable.modifiers.first {
                throw SnippetError("'\(modifier.name.text)' is not supported on a variable in lessons; remove it (a 'lazy' value can be computed where it is first needed)", at: modifier)
            }
            for binding in variable.bindings {
                if binding.accessorBlock != nil {
                    throw SnippetError("computed variables and observers belong in a 'struct' in lessons; at the top level write a 'func' instead, e.g. `func area() -> Double { ... }`", at: binding)
                }
                // `var best: Double?` starts as nil, as in Swift.
                let optionalType = binding.typeAnnotation.flatMap { Self.optionalType($0.type) }
                if binding.initializer == nil, mutable, optionalType != nil, let name = binding.pattern.as(IdentifierPatternSyntax.self) {
                    try bind(binding.pattern, to: .null, in: scope, mutable: true)
                    scope.lookup(name.identifier.text)?.declaredOptional = optionalType
                    continue
                }
                guard let initializer = binding.initializer else {
                    throw SnippetError("'\(binding.pattern.trimmedDescription)' needs an initial value, e.g. `\(variable.bindingSpecifier.text) \(binding.pattern.trimmedDescription) = 0`", at: binding.pattern)
                }
                var value = try evaluate(initializer.value, in: scope)
                if let annotation = binding.typeAnnotation {
                    try checkConversion(value, to: annotation.type, written: Syntax(initializer.value), role: "specified type")
                    value = try coerce(value, to: annotation.type, at: initializer.value)
                }
                try bind(binding.pattern, to: value, in: scope, mutable: mutable)
                if mutable, let name = binding.pattern.as(IdentifierPatternSyntax.self), let bound = scope.lookup(name.identifier.text) {
                    bound.declaredOptional = optionalType
                    let type = binding.typeAnnotation?.type
                    bound.declaredElement = type?.as(ArrayTypeSyntax.self)?.element ?? type?.as(DictionaryTypeSyntax.self)?.value
                }
            }
            return
        }
        if let function = declaration.as(FunctionDeclSyntax.self) {
            try checkSupported(function)
            try checkNotReserved(function.name.text, at: function.name)
            // The function's scope is the one it is declared in, so it can call itself.
            scope.define(function.name.text, .function(FunctionValue(name: function.name.text, body: .function(function, scope))), mutable: false)
            return
        }
        if let structure = declaration.as(StructDeclSyntax.self) { return try declareStruct(structure, in: scope) }
        if let enumeration = declaration.as(EnumDeclSyntax.self) { return try declareEnum(enumeration, in: scope) }
        if let classDeclaration = declaration.as(ClassDeclSyntax.self) { return try declareClass(classDeclaration, in: scope) }
        if let proto = declaration.as(ProtocolDeclSyntax.self) { return try declareProtocol(proto, in: scope) }
        if let extensionDeclaration = declaration.as(ExtensionDeclSyntax.self) { return try declareExtension(extensionDeclaration, in: scope) }
        if let alias = declaration.as(TypeAliasDeclSyntax.self) { return try declareTypeAlias(alias) }
        if let unsupported = Self.unsupportedDeclarations.first(where: { ObjectIdentifier(declaration.syntaxNodeType) == ObjectIdentifier($0.kind) }) {
            throw SnippetError(unsupported.advice, at: declaration)
        }
        if let importDeclaration = declaration.as(ImportDeclSyntax.self) {
            throw SnippetError(
                "'import' is not available in lessons: cells run against Descent alone, with no access to other modules, files or the network",
                at: importDeclaration)
        }
        throw SnippetError.unsupported(describe(declaration), at: declaration)
    }

    /// Grading's builtins (`expect`, `todo`, …) cannot be redefined, so a student cannot fake a pass.
    private func checkNotReserved(_ name: String, at node: some SyntaxProtocol) throws {
        if builtins.reserved.contains(name) {
            throw SnippetError("'\(name)' is reserved for checking exercises and cannot be redefined; choose another name", at: node)
        }
    }

    /// Declarations lessons do not run, each with what to write instead.
    static let unsupportedDeclarations: [(kind: any DeclSyntaxProtocol.Type, advice: String)] = [
        (ActorDeclSyntax.self, "actors and concurrency are not supported in lessons; use a 'struct'"),
        (OperatorDeclSyntax.self, "operator declarations are not supported in lessons; write a 'func' with a name"),
        (PrecedenceGroupDeclSyntax.self, "precedence groups are not supported in lessons; write a 'func' with a name"),
        (MacroDeclSyntax.self, "macros are not supported in lessons"),
    ]

    /// Generic parameters are accepted and not checked (values carry their own types); `async` and bodiless functions are refused.
    func checkSupported(_ function: FunctionDeclSyntax) throws {
        if let effects = function.signature.effectSpecifiers, let async = effects.asyncSpecifier {
            throw SnippetError("'async' functions and concurrency are not supported in lessons; remove 'async'", at: async)
        }
        if function.body == nil {
            throw SnippetError("function '\(function.name.text)' needs a body", at: function)
        }
    }

    /// `T?` or `T!`, the types whose variables keep what is assigned to them as an optional (or, for `T!`, bare).
    static func optionalType(_ type: TypeSyntax) -> TypeSyntax? {
        type.isOptional ? type : nil
    }

    /// Binds a pattern (`x`, `_`, `(a, b)`) to a value.
    func bind(_ pattern: PatternSyntax, to value: Value, in scope: Environment, mutable: Bool) throws {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            try checkNotReserved(identifier.identifier.text, at: identifier)
            scope.define(identifier.identifier.text, value, mutable: mutable)
            return
        }
        if pattern.is(WildcardPatternSyntax.self) { return }
        if let tuple = pattern.as(TuplePatternSyntax.self) {
            guard case let .tuple(elements, _) = value else {
                throw SnippetError("cannot destructure a \(value.typeName) into \(tuple.elements.count) names; it is not a tuple", at: pattern)
            }
            guard elements.count == tuple.elements.count else {
                throw SnippetError("cannot destructure a tuple of \(elements.count) elements into \(tuple.elements.count) names", at: pattern)
            }
            for (element, item) in zip(tuple.elements, elements) {
                try bind(element.pattern, to: item, in: scope, mutable: mutable)
            }
            return
        }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            try bind(binding.pattern, to: value, in: scope, mutable: binding.bindingSpecifier.tokenKind == .keyword(.var))
            return
        }
        throw SnippetError.unsupported("pattern '\(pattern.trimmedDescription)'", at: pattern)
    }

    /// Applies a type annotation: `Double` turns an integer literal into a Double, as Swift's literals do.
    func coerce(_ value: Value, to type: TypeSyntax, at node: some SyntaxProtocol) throws -> Value {
        if let optional = type.as(OptionalTypeSyntax.self) { return try coerceOptional(value, to: optional.wrappedType, at: node) }
        if let optional = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            // `Int!` is used as an `Int` wherever it is read, so it holds its value bare.
            guard let present = value.unwrapped else { return value }
            return try coerce(present, to: optional.wrappedType, at: node)
        }
        if let existential = type.as(SomeOrAnyTypeSyntax.self) { return try coerce(value, to: existential.constraint, at: node) }
        if let identifier = type.as(IdentifierTypeSyntax.self) {
            if let aliased = typeAliases[identifier.name.text] { return try coerce(value, to: aliased, at: node) }
            if let type = userTypes[identifier.name.text], type.kind == .protocolType {
                guard self.value(value, conformsTo: type) else {
                    throw SnippetError("cannot use a value of type \(value.typeName) as \(type.name): \(value.typeName) does not conform to '\(type.name)'", at: node)
                }
                return value
            }
            if let type = userTypes[identifier.name.text] {
                if case let .implicitMember(member) = value { return try resolveImplicit(member, as: type) }
                guard userType(of: value)?.isSubtype(of: type) == true else { throw mismatch(value, type.name, node) }
                return value
            }
            // `let s: Schedule = .cosine(T: 100)` resolves the implicit member against the annotated type.
            if case let .implicitMember(member) = value, builtins.hasStaticMembers(identifier.name.text) {
                return try builtins.resolve(member, kind: identifier.name.text, interpreter: self)
            }
            switch identifier.name.text {
            case "Float", "CGFloat", "Float16", "Float80":
                throw SnippetError(Self.floatAdvice(identifier.name.text), at: identifier)
            case "Double":
                if let number = value.asDouble { return .double(number) }
                if case .tensor = value { break }
                throw mismatch(value, identifier.name.text, node)
            case "Int":
                if case .int = value { return value }
                throw mismatch(value, "Int", node)
            case "String":
                if case .string = value { return value }
                throw mismatch(value, "String", node)
            case "Bool":
                if case .bool = value { return value }
                throw mismatch(value, "Bool", node)
            case "Tensor":
                return .tensor(try BuiltinConversions.tensor(from: value))
            case "Set":
                // A Set holds each element once: `let s: Set<Int> = [1, 2, 2]` has 2 elements.
                var items: [Value]
                switch value {
                case let .array(elements): items = elements
                case let .set(set): items = set.elements
                default: throw mismatch(value, type.trimmedDescription, node)
                }
                let element = identifier.genericArgumentClause?.arguments.first?.argument.as(TypeSyntax.self)
                if let element { items = try items.map { try coerce($0, to: element, at: node) } }
                do {
                    var set = try SetValue(items)
                    set.elementType = element.flatMap { userTypes[Self.baseName(of: $0)] }
                    return .set(set)
                } catch let error as SnippetError { throw error.located(at: node) }
            default:
                return value
            }
            return value
        }
        if let array = type.as(ArrayTypeSyntax.self) {
            guard case let .array(elements) = value else {
                if case .tensor = value { return value }
                throw mismatch(value, type.trimmedDescription, node)
            }
            return .array(try elements.map { try coerce($0, to: array.element, at: node) })
        }
        if let tuple = type.as(TupleTypeSyntax.self), case let .tuple(elements, labels) = value, elements.count == tuple.elements.count {
            // A labelled tuple type names the elements of an unlabelled tuple: `-> (h: Tensor, loss: Double)`.
            let named = zip(labels, tuple.elements).map { label, element in element.firstName.map(\.text) ?? label }
            return .tuple(try zip(elements, tuple.elements).map { try coerce($0, to: $1.type, at: node) }, labels: named)
        }
        if let dictionary = type.as(DictionaryTypeSyntax.self), case let .dictionary(entries) = value {
            var result = OrderedDictionary()
            for (key, item) in entries.pairs {
                try result.set(try coerce(key, to: dictionary.key, at: node), try coerce(item, to: dictionary.value, at: node))
            }
            return .dictionary(result)
        }
        return value
    }

    /// A value stored as a `T?`: nil stays nil, anything else is a present optional holding a `T`.
    private func coerceOptional(_ value: Value, to wrapped: TypeSyntax, at node: some SyntaxProtocol) throws -> Value {
        switch value {
        case .null: return value
        case let .some(inner): return .some(try coerce(inner, to: wrapped, at: node))
        case let .implicitMember(member) where member.name == "none" && member.arguments == nil: return .null
        case let .implicitMember(member) where member.name == "some":
            guard let arguments = member.arguments, arguments.count == 1, let only = arguments.first else { break }
            return .some(try coerce(only.value, to: wrapped, at: node))
        default: break
        }
        return .some(try coerce(value, to: wrapped, at: node))
    }

    /// Why single precision is refused rather than run in Double: its results would print Double's digits, not Swift's.
    static func floatAdvice(_ name: String) -> String {
        "'\(name)' is not supported in lessons: cells compute in Double (as Descent does), and a \(name) would print "
            + "Double's digits, not \(name)'s (1/3 is 0.33333334 as a Float); write Double"
    }

    private func mismatch(_ value: Value, _ type: String, _ node: some SyntaxProtocol) -> SnippetError {
        if case .some = value {
            return SnippetError("value of optional type '\(value.typeName)' must be unwrapped to a value of type '\(type)'\(Value.unwrapAdvice)", at: node)
        }
        return SnippetError("cannot use a value of type \(value.typeName) as \(type)", at: node)
    }
}
