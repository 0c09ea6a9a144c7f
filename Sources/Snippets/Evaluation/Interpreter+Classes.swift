import SwiftSyntax

/// Classes: reference semantics, one superclass, `override`, `super`, and Swift's initializer rules.
///
/// An instance is an `ObjectValue` every variable holding it shares, so a change
/// through one is seen through all, and a method may change `self`'s properties
/// without `mutating`. A subclass's stored properties follow its superclass's.
extension Interpreter {
    func declareClass(_ declaration: ClassDeclSyntax, in scope: Environment) throws {
        if builtins.reserved.contains(declaration.name.text) {
            throw SnippetError("'\(declaration.name.text)' is reserved for checking exercises and cannot be redefined; choose another name", at: declaration.name)
        }
        let type = UserType(name: declaration.name.text, kind: .classType, scope: scope)
        var names = Self.inheritedNames(declaration.inheritanceClause)
        for (offset, inherited) in (declaration.inheritanceClause?.inheritedTypes ?? []).enumerated() {
            guard let parent = userTypes[inherited.type.trimmedDescription], parent.kind != .protocolType else { continue }
            guard parent.kind == .classType else {
                throw SnippetError("inheritance from non-class type '\(parent.name)'; a class can inherit only from a class (adopt a protocol instead)", at: inherited)
            }
            guard offset == 0 else { throw SnippetError("superclass '\(parent.name)' must appear first in the inheritance clause", at: inherited) }
            type.superclass = parent
            names.remove(parent.name)
            for property in parent.stored { type.addStored(property) }
        }
        type.conformances = names
        try declareType(type, name: declaration.name, members: declaration.memberBlock, in: scope)
        try checkOverrides(declaration.memberBlock, of: type)
        if type.initializers.isEmpty, type.superclass == nil || type.superclass?.initializers.isEmpty == true,
           let unset = type.stored.first(where: { $0.initial == nil }) {
            throw SnippetError("class '\(type.name)' has no initializers: '\(unset.name)' has no default value; write `var \(unset.name) = ...` or an `init` that sets it", at: declaration.name)
        }
    }

    /// Swift's rules: a member that replaces a superclass's says `override`, and only such a member does.
    private func checkOverrides(_ members: MemberBlockSyntax, of type: UserType) throws {
        for member in members.members {
            let modifiers = member.decl.asProtocol(WithModifiersSyntax.self)?.modifiers ?? []
            let written = modifiers.first { $0.name.tokenKind == .keyword(.override) }
            var name: TokenSyntax?
            var inherited = false
            if let function = member.decl.as(FunctionDeclSyntax.self) {
                name = function.name
                inherited = type.superclass?.method(function.name.text) != nil
            } else if let variable = member.decl.as(VariableDeclSyntax.self),
                      let identifier = variable.bindings.first?.pattern.as(IdentifierPatternSyntax.self)?.identifier {
                name = identifier
                inherited = type.superclass?.computedProperty(identifier.text) != nil || type.superclass?.storedIndex(of: identifier.text) != nil
            } else if member.decl.is(DeinitializerDeclSyntax.self) {
                throw SnippetError("'deinit' is not supported in lessons: instances are freed when nothing holds them; do the clean-up in a method", at: member.decl)
            }
            guard let name else { continue }
            if inherited, written == nil {
                throw SnippetError("overriding declaration requires an 'override' keyword: '\(name.text)' is declared in '\(type.superclass?.name ?? "")'; write `override` before it", at: name)
            }
            if let written, !inherited {
                throw SnippetError("'\(name.text)' does not override anything from a superclass; remove 'override'", at: written)
            }
        }
    }

    /// `Model(lr: 0.1)`: a new instance, set up by a fitting `init` (its own, else its superclass's when it declares none).
    func constructObject(_ type: UserType, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Value {
        var fields: [Value] = []
        for property in type.stored {
            var value = property.isLazy ? .void : try property.initial.map { try evaluate($0, in: type.scope) } ?? property.unsetValue
            if let annotation = property.type, !value.isVoid { value = try coerce(value, to: annotation, at: node) }
            fields.append(value)
        }
        try Footprint.charge(Footprint.header + fields.count * Footprint.slot, for: "an instance of \(type.name)")
        let object = ObjectValue(type: type, fields: fields)
        var owner: UserType? = type
        while let candidate = owner, candidate.initializers.isEmpty, candidate.extensionInitializers.isEmpty { owner = candidate.superclass }
        var failable = false
        if let owner {
            let initializers = owner.initializers + owner.extensionInitializers
            guard let initializer = initializers.first(where: { labelsFit($0.signature.parameterClause.parameters, arguments) }) else {
                let forms = initializers.map { Self.signature("init", $0.signature.parameterClause.parameters) }
                throw SnippetError("no 'init' of '\(type.name)' takes these arguments; it has \(forms.joined(separator: ", "))", at: node)
            }
            if try runClassInitializer(initializer, owner: owner, on: object, arguments, at: node) { return .null }
            failable = initializer.optionalMark != nil
        } else if let first = arguments.first {
            throw SnippetError("'\(type.name)' has only the initializer `init()`, which takes no arguments; write an `init` that takes them", at: first.node)
        }
        if let missing = zip(type.stored, object.fields).first(where: { $0.1.isVoid && !$0.0.isLazy })?.0 {
            throw SnippetError("return from initializer without initializing all stored properties; set 'self.\(missing.name)'", at: node)
        }
        return failable ? .some(.object(object)) : .object(object)
    }

    /// Runs `initializer`, declared in `owner`, on an instance being built (`super.init` runs the superclass's on the same one);
    /// true when an `init?` gave up with `return nil`.
    @discardableResult
    func runClassInitializer(_ initializer: InitializerDeclSyntax, owner: UserType, on object: ObjectValue, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Bool {
        let receiver = MethodReceiver(binding: Binding(.object(object), mutable: true), type: object.type, owner: owner)
        return try nested(at: node) {
            let outer = Environment(parent: owner.scope, receiver: receiver)
            outer.define("Self", .metatype(object.type), mutable: false)
            let scope = Environment(parent: outer)
            initializing.append(owner)
            defer { initializing.removeLast() }
            let inouts = try bindParameters(initializer.signature.parameterClause.parameters, named: "init", arguments, into: scope, defaultsIn: owner.scope, at: node)
            let result = try runBody(initializer.body?.statements ?? [], in: scope, singleExpressionReturns: false)
            try writeBack(inouts, from: scope)
            return initializer.optionalMark != nil && result.isNull
        }
    }

    /// `super.init(...)`, `super.step()` or `super.describe`: the superclass's member, run on the same instance.
    func callSuper(_ name: String, _ arguments: [Argument]?, in scope: Environment, at node: some SyntaxProtocol) throws -> Value {
        guard let receiver = scope.currentReceiver, case let .object(object) = receiver.binding.value,
              let parent = (receiver.owner ?? receiver.type).superclass else {
            throw SnippetError("'super' is only available in a method of a class that has a superclass", at: node)
        }
        guard let arguments else {
            guard let getter = parent.computedProperty(name) else { throw unknownUserMember(name, of: parent, isStatic: false, at: node) }
            return try runGetter(getter, of: parent, self: .object(object), at: node)
        }
        if name == "init" {
            var owner: UserType? = parent
            while let candidate = owner, candidate.initializers.isEmpty { owner = candidate.superclass }
            guard let owner, let initializer = owner.initializers.first(where: { labelsFit($0.signature.parameterClause.parameters, arguments) }) else {
                if arguments.isEmpty { return .void }
                throw SnippetError("no 'init' of '\(parent.name)' takes these arguments", at: node)
            }
            try runClassInitializer(initializer, owner: owner, on: object, arguments, at: node)
            return .void
        }
        guard let overloads = parent.method(name), let method = overloads.first(where: { labelsFit($0.signature.parameterClause.parameters, arguments) }) ?? overloads.first else {
            throw unknownUserMember(name, of: parent, isStatic: false, at: node)
        }
        return try runMethod(method, of: object.type, self: receiver.binding, arguments, owner: parent.owner(ofMethod: name), at: node)
    }

    /// `a === b`: whether two class instances are the same one.
    func identical(_ lhs: Value, _ rhs: Value, at node: some SyntaxProtocol) throws -> Bool {
        // `node.next === other`: optionals compare what they hold.
        switch (lhs.unwrapped ?? .null, rhs.unwrapped ?? .null) {
        case let (.object(a), .object(b)): return a === b
        case (.null, .null): return true
        case (.object, .null), (.null, .object): return false
        default: throw SnippetError("'===' compares class instances; use '==' for \(lhs.typeName) values", at: node)
        }
    }
}

extension Interpreter {
    /// Changes an instance's stored property in place: every variable holding the instance sees the change.
    func modifyObjectMember(_ object: ObjectValue, _ index: Int, _ steps: ArraySlice<PathStep>, at node: Syntax, _ body: (inout Value) throws -> Void) throws {
        let property = object.type.stored[index]
        if property.isLet, !object.fields[index].isVoid {
            throw SnippetError("cannot assign to property: '\(property.name)' is a 'let' constant; declare it with 'var' in \(object.type.name)", at: node)
        }
        let old = object.fields[index]
        var member = old
        // Moved out while it changes, so its storage is not shared and nothing is copied.
        object.fields[index] = .void
        defer { object.fields[index] = member }
        try modify(&member, steps, body)
        if steps.isEmpty, let annotation = property.type { member = try coerce(member, to: annotation, at: node) }
        guard let observers = property.observers, observersRun(object.type, property.name) else { return }
        observing.append((object.type, property.name))
        defer { observing.removeLast() }
        for (kind, name, argument) in [(Keyword.willSet, "newValue", member), (Keyword.didSet, "oldValue", old)] {
            guard let accessor = observers.first(where: { $0.accessorSpecifier.tokenKind == .keyword(kind) }) else { continue }
            // `willSet` still sees the old value in the property, `didSet` the new one (which it may change).
            object.fields[index] = kind == .willSet ? old : member
            _ = try runObserver(accessor, on: .object(object), object.type, parameter: name, argument, at: node)
            if kind == .didSet { member = object.fields[index] }
        }
    }
}
