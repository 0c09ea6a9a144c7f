import SwiftSyntax

/// `struct` and `enum` declarations: each becomes a `UserType` bound to its name.
extension Interpreter {
    func declareStruct(_ declaration: StructDeclSyntax, in scope: Environment) throws {
        try checkPlainType(declaration.genericParameterClause, declaration.name, kind: "struct")
        let type = UserType(name: declaration.name.text, kind: .structure, scope: scope)
        type.conformances = conformances(declaration.inheritanceClause)
        try declareType(type, members: declaration.memberBlock, in: scope)
    }

    func declareEnum(_ declaration: EnumDeclSyntax, in scope: Environment) throws {
        try checkPlainType(declaration.genericParameterClause, declaration.name, kind: "enum")
        if let indirect = declaration.modifiers.first(where: { $0.name.tokenKind == .keyword(.indirect) }) {
            throw SnippetError("'indirect' enums are not supported in lessons; store the nested values in an array instead", at: indirect)
        }
        let type = UserType(name: declaration.name.text, kind: .enumeration, scope: scope)
        let inherited = declaration.inheritanceClause?.inheritedTypes.map { $0.type.trimmedDescription } ?? []
        type.rawType = inherited.first { ["Int", "String", "Double", "Character"].contains($0) }
        type.conformances = conformances(declaration.inheritanceClause)
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
        try declareType(type, members: declaration.memberBlock, in: scope)
    }

    private func checkPlainType(_ generics: GenericParameterClauseSyntax?, _ name: TokenSyntax, kind: String) throws {
        if let generics {
            throw SnippetError("generic types are not supported in lessons; declare the \(kind) with concrete types, e.g. `Double` for `T`", at: generics)
        }
        if builtins.reserved.contains(name.text) {
            throw SnippetError("'\(name.text)' is reserved for checking exercises and cannot be redefined; choose another name", at: name)
        }
    }

    private func conformances(_ clause: InheritanceClauseSyntax?) -> Set<String> {
        Set(clause?.inheritedTypes.map { $0.type.trimmedDescription } ?? [])
    }

    /// Reads the members common to structs and enums, then binds the type's name.
    private func declareType(_ type: UserType, members: MemberBlockSyntax, in scope: Environment) throws {
        userTypes[type.name] = type
        scope.define(type.name, .metatype(type), mutable: false)
        var staticInitials: [(String, PatternBindingSyntax, Bool)] = []
        for member in members.members {
            let declaration = member.decl
            if declaration.is(EnumCaseDeclSyntax.self) { continue }
            if let variable = declaration.as(VariableDeclSyntax.self) {
                let isStatic = variable.modifiers.contains { $0.name.tokenKind == .keyword(.static) }
                let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
                try checkModifiers(variable.modifiers, allowed: ["static", "private", "fileprivate", "public", "internal"])
                for binding in variable.bindings {
                    guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else {
                        throw SnippetError("declare one property per name, e.g. `var x = 0`", at: binding.pattern)
                    }
                    if let accessors = binding.accessorBlock {
                        if case let .accessors(list) = accessors.accessors,
                           let observer = list.first(where: { [.keyword(.didSet), .keyword(.willSet)].contains($0.accessorSpecifier.tokenKind) }) {
                            throw SnippetError("property observers ('\(observer.accessorSpecifier.text)') are not supported in lessons; update the value in a 'mutating func' instead", at: observer)
                        }
                        if isStatic { type.staticComputed[name] = binding } else { type.computed[name] = binding }
                    } else if isStatic {
                        staticInitials.append((name, binding, !isLet))
                    } else if type.kind == .enumeration {
                        throw SnippetError("enums cannot contain stored properties; make '\(name)' a computed property (`var \(name): Type { ... }`)", at: binding)
                    } else {
                        type.addStored(UserType.Stored(name: name, type: binding.typeAnnotation?.type, initial: binding.initializer?.value, isLet: isLet))
                    }
                }
            } else if let function = declaration.as(FunctionDeclSyntax.self) {
                try checkSupported(function)
                try checkModifiers(function.modifiers, allowed: ["static", "mutating", "private", "fileprivate", "public", "internal"])
                if function.modifiers.contains(where: { $0.name.tokenKind == .keyword(.static) }) {
                    type.staticMethods[function.name.text, default: []].append(function)
                } else {
                    type.methods[function.name.text, default: []].append(function)
                }
            } else if let initializer = declaration.as(InitializerDeclSyntax.self) {
                if initializer.body == nil { throw SnippetError("'init' needs a body", at: initializer) }
                type.initializers.append(initializer)
            } else {
                throw SnippetError("\(describe(declaration)) cannot be declared inside a \(type.kind == .structure ? "struct" : "enum") in lessons; declare it at the top level", at: declaration)
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

    private func checkModifiers(_ modifiers: DeclModifierListSyntax, allowed: Set<String>) throws {
        for modifier in modifiers where !allowed.contains(modifier.name.text) {
            throw SnippetError("'\(modifier.name.text)' is not supported on this member in lessons; remove it", at: modifier)
        }
    }
}
