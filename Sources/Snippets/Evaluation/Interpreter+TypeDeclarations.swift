import SwiftSyntax

/// `struct` and `enum` declarations: each becomes a `UserType` bound to its name.
extension Interpreter {
    func declareStruct(_ declaration: StructDeclSyntax, in scope: Environment) throws {
        try checkPlainType(declaration.genericParameterClause, declaration.name, kind: "struct")
        let type = UserType(name: declaration.name.text, kind: .structure, scope: scope)
        type.conformances = Self.inheritedNames(declaration.inheritanceClause)
        try declareType(type, name: declaration.name, members: declaration.memberBlock, in: scope)
    }

    func declareEnum(_ declaration: EnumDeclSyntax, in scope: Environment) throws {
        try checkPlainType(declaration.genericParameterClause, declaration.name, kind: "enum")
        if let indirect = declaration.modifiers.first(where: { $0.name.tokenKind == .keyword(.indirect) }) {
            throw SnippetError("'indirect' enums are not supported in lessons; store the nested values in an array instead", at: indirect)
        }
        let type = UserType(name: declaration.name.text, kind: .enumeration, scope: scope)
        let inherited = declaration.inheritanceClause?.inheritedTypes.map { $0.type.trimmedDescription } ?? []
        type.rawType = inherited.first { ["Int", "String", "Double", "Character"].contains($0) }
        type.conformances = Self.inheritedNames(declaration.inheritanceClause)
        var nextRaw = 0
        for member in declaration.memberBlock.members {
            guard let caseDeclaration = member.decl.as(EnumCaseDeclSyntax.self) else { continue }
            for element in caseDeclaration.elements {
                let parameters = element.parameterClause.map { Array($0.parameters) } ?? []
                var raw: Value?
                if let rawType = type.rawType {
                    if !parameters.isEmpty {
                        throw SnippetError("an enum with raw type \(rawType) cannot have cases with associated values", at: element)
                    }
                    if let written = element.rawValue {
                        raw = try evaluate(written.value, in: scope)
                        if rawType == "Double", let number = raw?.asDouble { raw = .double(number) }
                    } else if rawType == "String" {
                        raw = .string(element.name.text)
                    } else if rawType == "Int" {
                        raw = .int(nextRaw)
                    } else {
                        throw SnippetError("enum case '\(element.name.text)' needs a raw value, e.g. `case \(element.name.text) = 1.0`", at: element)
                    }
                    if case let .int(value) = raw { nextRaw = value &+ 1 }
                }
                if type.enumCase(named: element.name.text) != nil {
                    throw SnippetError("invalid redeclaration of '\(element.name.text)'", at: element.name)
                }
                type.addCase(UserType.Case(name: element.name.text, labels: parameters.map { $0.firstName?.text }, types: parameters.map(\.type), rawValue: raw))
            }
        }
        if type.conformances.contains("CaseIterable"), let withValues = type.cases.first(where: { !$0.types.isEmpty }) {
            throw SnippetError("'CaseIterable' needs cases without associated values; '\(withValues.name)' has some", at: declaration.name)
        }
        try declareType(type, name: declaration.name, members: declaration.memberBlock, in: scope)
    }

    /// Generic parameters are accepted and not checked: values carry their own types.
    private func checkPlainType(_ generics: GenericParameterClauseSyntax?, _ name: TokenSyntax, kind: String) throws {
        if builtins.reserved.contains(name.text) {
            throw SnippetError("'\(name.text)' is reserved for checking exercises and cannot be redefined; choose another name", at: name)
        }
    }

    /// Binds the type's name, then reads its members.
    func declareType(_ type: UserType, name: TokenSyntax, members: MemberBlockSyntax, in scope: Environment) throws {
        userTypes[type.name] = type
        scope.define(type.name, .metatype(type), mutable: false)
        type.adopted = adoptedProtocols(type.conformances)
        try addMembers(members, to: type, in: scope, inExtension: false)
        uncheckedConformances.append((type, Syntax(name)))
    }

    /// Reads a body's or an extension's members into `type`: properties, methods, initializers, static members.
    func addMembers(_ members: MemberBlockSyntax, to type: UserType, in scope: Environment, inExtension: Bool) throws {
        var staticInitials: [(String, PatternBindingSyntax, Bool)] = []
        for member in members.members {
            let declaration = member.decl
            if declaration.is(EnumCaseDeclSyntax.self) {
                if inExtension { throw SnippetError("enum cases must be declared in the 'enum' itself, not in an extension", at: declaration) }
                continue
            }
            // A nested `typealias` names a type for the reader; values are checked by what they hold.
            if declaration.is(TypeAliasDeclSyntax.self) { continue }
            if declaration.is(DeinitializerDeclSyntax.self) {
                throw SnippetError("'deinit' is not supported in lessons: instances are freed when nothing holds them; do the clean-up in a method", at: declaration)
            }
            let classModifiers: Set<String> = type.kind == .classType ? ["override", "final", "class", "required", "convenience", "open"] : []
            if let variable = declaration.as(VariableDeclSyntax.self) {
                let isStatic = variable.modifiers.contains { [.keyword(.static), .keyword(.class)].contains($0.name.tokenKind) }
                let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
                try checkModifiers(variable.modifiers, allowed: classModifiers.union(["static", "private", "fileprivate", "public", "internal", "lazy"]))
                let isLazy = variable.modifiers.contains { $0.name.tokenKind == .keyword(.lazy) }
                for binding in variable.bindings {
                    guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else {
                        throw SnippetError("declare one property per name, e.g. `var x = 0`", at: binding.pattern)
                    }
                    if inExtension { try checkNotRedeclared(name, in: type, at: binding.pattern) }
                    let observers = Self.observers(of: binding)
                    if binding.accessorBlock != nil, observers == nil {
                        if isStatic { type.staticComputed[name] = binding } else { type.computed[name] = binding }
                    } else if isStatic {
                        staticInitials.append((name, binding, !isLet))
                    } else if inExtension {
                        throw SnippetError("extensions must not contain stored properties; make '\(name)' a computed property (`var \(name): Type { ... }`) or declare it in the type", at: binding)
                    } else if type.kind == .enumeration {
                        throw SnippetError("enums cannot contain stored properties; make '\(name)' a computed property (`var \(name): Type { ... }`)", at: binding)
                    } else {
                        if isLazy, binding.initializer == nil { throw SnippetError("a 'lazy' property needs an initial value", at: binding) }
                        type.addStored(UserType.Stored(name: name, type: binding.typeAnnotation?.type, initial: binding.initializer?.value, isLet: isLet, observers: observers, isLazy: isLazy))
                    }
                }
            } else if let function = declaration.as(FunctionDeclSyntax.self) {
                try checkSupported(function)
                if inExtension { try checkNotRedeclared(function, in: type) }
                if type.kind == .classType, let mutating = function.modifiers.first(where: { $0.name.tokenKind == .keyword(.mutating) }) {
                    throw SnippetError("'mutating' is not valid on methods in classes: a class's methods may always change its properties; remove it", at: mutating)
                }
                try checkModifiers(function.modifiers, allowed: classModifiers.union(["static", "mutating", "private", "fileprivate", "public", "internal"]))
                if function.modifiers.contains(where: { [.keyword(.static), .keyword(.class)].contains($0.name.tokenKind) }) {
                    type.staticMethods[function.name.text, default: []].append(function)
                } else {
                    type.methods[function.name.text, default: []].append(function)
                }
            } else if let initializer = declaration.as(InitializerDeclSyntax.self) {
                try checkModifiers(initializer.modifiers, allowed: classModifiers.union(["private", "fileprivate", "public", "internal"]))
                if initializer.body == nil { throw SnippetError("'init' needs a body", at: initializer) }
                if type.kind == .builtinExtension {
                    throw SnippetError("initializers cannot be added to \(type.name) in lessons; write a 'func' that returns the value", at: initializer.initKeyword)
                }
                if inExtension { type.extensionInitializers.append(initializer) } else { type.initializers.append(initializer) }
            } else {
                throw SnippetError("\(describe(declaration)) cannot be declared inside a \(type.kindName) in lessons; declare it at the top level", at: declaration)
            }
        }
        // Static stored properties are evaluated once the type is complete, so `static let zero = Point(x: 0, y: 0)` works.
        for (name, binding, mutable) in staticInitials {
            guard let initial = binding.initializer else {
                throw SnippetError("static property '\(name)' needs an initial value", at: binding)
            }
            var value = try evaluate(initial.value, in: Environment(parent: scope, receiver: nil))
            if let annotation = binding.typeAnnotation { value = try coerce(value, to: annotation.type, at: initial.value) }
            type.statics[name] = Binding(value, mutable: mutable)
        }
    }

    /// An extension adds members; replacing one the type (or Swift's type) already has would let a later
    /// cell, an exercise in particular, change what earlier code and the tests rely on.
    private func checkNotRedeclared(_ name: String, in type: UserType, at node: some SyntaxProtocol) throws {
        if type.storedIndex(of: name) != nil || type.computed[name] != nil || type.statics[name] != nil
            || type.staticComputed[name] != nil || type.builtinMembers.contains(name)
            || (type.kind == .builtinExtension && builtins.hasStaticMember(type.name, name)) {
            throw SnippetError("invalid redeclaration of '\(name)': \(type.name) already has it; choose another name", at: node)
        }
    }

    private func checkNotRedeclared(_ function: FunctionDeclSyntax, in type: UserType) throws {
        let name = function.name.text
        if type.builtinMembers.contains(name) || type.storedIndex(of: name) != nil || type.computed[name] != nil
            || (type.kind == .builtinExtension && builtins.hasStaticMember(type.name, name)) {
            throw SnippetError("invalid redeclaration of '\(name)': \(type.name) already has it; choose another name", at: function.name)
        }
        let labels = Self.labels(function.signature.parameterClause.parameters)
        let existing = (type.methods[name] ?? []) + (type.staticMethods[name] ?? [])
        if existing.contains(where: { Self.labels($0.signature.parameterClause.parameters) == labels }) {
            throw SnippetError("invalid redeclaration of '\(Self.signature(name, function.signature.parameterClause.parameters))': \(type.name) already has it; choose another name", at: function.name)
        }
    }

    static func labels(_ parameters: FunctionParameterListSyntax) -> [String?] {
        parameters.map { $0.firstName.tokenKind == .wildcard ? nil : $0.firstName.text }
    }

    /// How Swift names a function in messages: `scaled(by:)`, `init(_:mu:)`.
    static func signature(_ name: String, _ parameters: FunctionParameterListSyntax) -> String {
        name + "(" + labels(parameters).map { ($0 ?? "_") + ":" }.joined() + ")"
    }

    /// A stored property's `willSet`/`didSet` accessors, or nil for a plain or computed property.
    static func observers(of binding: PatternBindingSyntax) -> AccessorDeclListSyntax? {
        guard case let .accessors(list)? = binding.accessorBlock?.accessors,
              list.contains(where: { [.keyword(.didSet), .keyword(.willSet)].contains($0.accessorSpecifier.tokenKind) }) else { return nil }
        return list
    }

    func checkModifiers(_ modifiers: DeclModifierListSyntax, allowed: Set<String>) throws {
        for modifier in modifiers where !allowed.contains(modifier.name.text) {
            throw SnippetError("'\(modifier.name.text)' is not supported on this member in lessons; remove it", at: modifier)
        }
    }
}
