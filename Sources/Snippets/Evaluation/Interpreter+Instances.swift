import SwiftSyntax

/// Creating values of declared structs and enums, and reading their members.
extension Interpreter {
    /// The declared type of a struct or enum value, or of a type used as a value.
    func userType(of value: Value) -> UserType? {
        switch value {
        case let .record(record): return record.type
        case let .enumCase(item): return item.type
        case let .metatype(type): return type
        case let .object(object): return object.type
        default: return nil
        }
    }

    /// `Point(x: 1, y: 2)` or `Direction(rawValue: "n")`: a custom `init`, the memberwise one, or the raw-value one.
    func construct(_ type: UserType, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Value {
        try checkLimits(at: node)
        if type.kind == .protocolType || type.kind == .builtinExtension {
            throw SnippetError("'\(type.name)' is a protocol and cannot be constructed; construct a type that conforms to it", at: node)
        }
        if type.kind == .classType { return try constructObject(type, arguments, at: node) }
        if type.kind == .enumeration, type.initializers.isEmpty, type.extensionInitializers.isEmpty {
            guard type.rawType != nil, arguments.count == 1, let only = arguments.first, only.label == "rawValue" else {
                let hint = type.rawType == nil ? "write a case, e.g. `\(type.name).\(type.cases.first?.name ?? "name")`" : "write `\(type.name)(rawValue: value)`"
                throw SnippetError("'\(type.name)' cannot be constructed this way; \(hint)", at: node)
            }
            let found = type.cases.first { $0.rawValue.flatMap { Operators.equal($0, only.value) } ?? false }
            return found.map { .enumCase(EnumCaseValue(type: type, name: $0.name)) } ?? .null
        }
        let initializers = type.initializers + type.extensionInitializers
        if let initializer = initializers.first(where: { labelsFit($0.signature.parameterClause.parameters, arguments) }) {
            return try runInitializer(initializer, of: type, arguments, at: node)
        }
        // An `init` in the body replaces the memberwise initializer; one in an extension keeps it.
        if !type.initializers.isEmpty || type.kind == .enumeration {
            let forms = initializers.map { Self.signature("init", $0.signature.parameterClause.parameters) }
            throw SnippetError("no 'init' of '\(type.name)' takes these arguments; it has \(forms.joined(separator: ", "))", at: node)
        }
        return try memberwise(type, arguments, at: node)
    }

    /// `0.5` or `-1.0`: a default that makes a property without an annotation a Double.
    static func isDoubleLiteral(_ expression: ExprSyntax) -> Bool {
        if expression.is(FloatLiteralExprSyntax.self) { return true }
        if let prefix = expression.as(PrefixOperatorExprSyntax.self) { return prefix.expression.is(FloatLiteralExprSyntax.self) }
        return false
    }

    /// Whether a call's labels fit a parameter list, skipping parameters with defaults.
    func labelsFit(_ parameters: FunctionParameterListSyntax, _ arguments: [Argument]) -> Bool {
        var next = 0
        for parameter in parameters {
            let label: String? = parameter.firstName.tokenKind == .wildcard ? nil : parameter.firstName.text
            if parameter.ellipsis != nil {
                var first = true
                while next < arguments.count, arguments[next].label == (first ? label : nil) { next += 1; first = false }
            } else if next < arguments.count, arguments[next].label == label { next += 1 } else if parameter.defaultValue == nil { return false }
        }
        return next == arguments.count
    }

    private func memberwise(_ type: UserType, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Value {
        var fields: [Value] = []
        var next = 0
        let parameters = type.stored.filter { !($0.isLet && $0.initial != nil) }
        let display = type.name + "(" + parameters.map { $0.name + ":" }.joined() + ")"
        for property in type.stored {
            var value: Value
            var written: Syntax?
            if property.isLet, let initial = property.initial {
                value = try evaluate(initial, in: type.scope)
            } else if next < arguments.count, arguments[next].label == property.name {
                value = arguments[next].value
                written = arguments[next].node
                next += 1
            } else if property.isLazy {
                fields.append(.void)
                continue
            } else if let initial = property.initial {
                value = try evaluate(initial, in: type.scope)
            } else if property.startsAsNil {
                value = .null
            } else if next < arguments.count {
                let have = arguments[next].label.map { "'\($0):'" } ?? "no label"
                throw SnippetError("incorrect argument label in call to \(display): have \(have), expected '\(property.name):'", at: arguments[next].node)
            } else {
                throw SnippetError("missing argument for parameter '\(property.name)' in call to \(display)", at: node)
            }
            if let annotation = property.type {
                if let written { try checkConversion(value, to: annotation, written: written, role: "expected argument type") }
                value = try coerce(value, to: annotation, at: next > 0 ? arguments[next - 1].node : Syntax(node))
            } else if case let .int(whole) = value, property.initial.map(Self.isDoubleLiteral) == true {
                // `var celsius = 0.0` is a Double, so `Temperature(celsius: 3)` holds 3.0 (and `celsius: n` is an error).
                if let written { try checkIntegerToDouble(written: written, role: "expected argument type") }
                value = .double(Double(whole))
            }
            fields.append(value)
        }
        if next < arguments.count { throw SnippetError("extra argument in call to \(display)", at: arguments[next].node) }
        try checkNested(fields, at: node)
        return .record(RecordValue(type: type, fields: fields))
    }

    private func runInitializer(_ initializer: InitializerDeclSyntax, of type: UserType, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Value {
        var start: Value = .void
        if type.kind == .structure {
            var fields: [Value] = []
            for property in type.stored {
                var value = property.isLazy ? .void : try property.initial.map { try evaluate($0, in: type.scope) } ?? property.unsetValue
                if let annotation = property.type, !value.isVoid { value = try coerce(value, to: annotation, at: node) }
                fields.append(value)
            }
            start = .record(RecordValue(type: type, fields: fields))
        }
        let receiver = MethodReceiver(binding: Binding(start, mutable: true), type: type)
        var failed = false
        var finished = try nested(at: node) { () -> Value in
            let outer = Environment(parent: type.scope, receiver: receiver)
            outer.define("Self", .metatype(type), mutable: false)
            let scope = Environment(parent: outer)
            initializing.append(type)
            defer { initializing.removeLast() }
            let inouts = try bindParameters(initializer.signature.parameterClause.parameters, named: "init", arguments, into: scope, defaultsIn: type.scope, at: node)
            // `init?` ends with `return nil` when it cannot make a value: the call gives nil.
            failed = try runBody(initializer.body?.statements ?? [], in: scope, singleExpressionReturns: false).isNull
            try writeBack(inouts, from: scope)
            return receiver.binding.value
        }
        let failable = initializer.optionalMark != nil
        if failable, failed { return .null }
        // `self = .move(dx: 1, dy: 2)` in an enum's `init`: the case is the enum's, whatever `self` held before.
        if case let .implicitMember(member) = finished { finished = try resolveImplicit(member, as: type) }
        if case let .record(record) = finished, let missing = zip(type.stored, record.fields).first(where: { $0.1.isVoid && !$0.0.isLazy })?.0 {
            throw SnippetError("return from initializer without initializing all stored properties; set 'self.\(missing.name)'", at: initializer.initKeyword)
        }
        if finished.isVoid { throw SnippetError("'self' must be set before the initializer returns, e.g. `self = .\(type.cases.first?.name ?? "name")`", at: initializer.initKeyword) }
        try checkNested([finished], at: node)
        return failable ? .some(finished) : finished
    }

    /// `value.name` for a declared type: a stored or computed property, a raw value, a static member.
    func userMember(of value: Value, _ type: UserType, _ name: String, at node: some SyntaxProtocol) throws -> Value {
        switch value {
        case let .record(record):
            if let index = type.storedIndex(of: name) { return try pendingLazyValue(record, index, at: node) ?? record.fields[index] }
        case let .object(object):
            if let index = type.storedIndex(of: name) {
                if type.stored[index].isLazy, object.fields[index].isVoid, let initial = type.stored[index].initial {
                    // The instance is shared, so the first read stores the value where every holder sees it.
                    let value = try nested(at: node) { try evaluate(initial, in: methodScope(type, self: .object(object), mutable: true)) }
                    object.fields[index] = value
                }
                return object.fields[index]
            }
        case let .enumCase(item):
            if name == "rawValue", type.rawType != nil { return type.enumCase(named: item.name)?.rawValue ?? .null }
        case .metatype:
            if let binding = type.statics[name] { return binding.value }
            if let getter = type.staticComputedProperty(name) { return try runGetter(getter, of: type, self: nil, at: node) }
            if let item = type.enumCase(named: name) {
                guard item.types.isEmpty else {
                    throw SnippetError("'\(type.name).\(name)' has associated values; write `\(type.name).\(name)(…)` with \(item.types.count) value\(item.types.count == 1 ? "" : "s")", at: node)
                }
                return .enumCase(EnumCaseValue(type: type, name: name))
            }
            if name == "allCases", type.conformances.contains("CaseIterable") {
                return .array(type.cases.map { .enumCase(EnumCaseValue(type: type, name: $0.name)) })
            }
            if name == "allCases" {
                throw SnippetError("'\(type.name)' has no member 'allCases'; declare it `enum \(type.name): CaseIterable`", at: node)
            }
            throw unknownUserMember(name, of: type, isStatic: true, at: node)
        default:
            break
        }
        if let getter = type.computedProperty(name) { return try runGetter(getter, of: type, self: value, at: node) }
        if type.kind == .builtinExtension { return try memberValue(of: value, name, at: node) }
        if type.method(name) != nil { throw SnippetError("'\(name)' is a method of \(type.name); call it as .\(name)(...)", at: node) }
        throw unknownUserMember(name, of: type, isStatic: false, at: node)
    }

    func unknownUserMember(_ name: String, of type: UserType, isStatic: Bool, at node: some SyntaxProtocol) -> SnippetError {
        let known = isStatic
            ? Array(type.statics.keys) + Array(type.staticComputed.keys) + Array(type.staticMethods.keys) + type.cases.map(\.name)
            : type.stored.map(\.name) + Array(type.computed.keys) + Array(type.methods.keys)
        var message = isStatic ? "type '\(type.name)' has no member '\(name)'" : "value of type '\(type.name)' has no member '\(name)'"
        if let suggestion = Suggestions.nearest(to: name, in: known) { message += "; did you mean '\(suggestion)'?" }
        return SnippetError(message, at: node)
    }

    /// Runs a computed property's getter with `self` bound (nil for a static one).
    func runGetter(_ property: PatternBindingSyntax, of type: UserType, self value: Value?, at node: some SyntaxProtocol) throws -> Value {
        guard let accessors = property.accessorBlock else { return .void }
        let statements: CodeBlockItemListSyntax
        switch accessors.accessors {
        case let .getter(body): statements = body
        case let .accessors(list):
            guard let getter = list.first(where: { $0.accessorSpecifier.tokenKind == .keyword(.get) }), let body = getter.body else {
                throw SnippetError("computed property needs a 'get'", at: property)
            }
            statements = body.statements
        }
        let result = try nested(at: node) { () -> Value in
            let scope = methodScope(type, self: value, mutable: false)
            return try runBody(statements, in: scope, singleExpressionReturns: true)
        }
        if let annotation = property.typeAnnotation { return try coerce(result, to: annotation.type, at: node) }
        return result
    }

    /// The scope a method body runs in: `self` (when not static) and `Self` bound, members visible by bare name.
    func methodScope(_ type: UserType, self value: Value?, mutable: Bool) -> Environment {
        guard let value else {
            let scope = Environment(parent: type.scope)
            scope.define("Self", .metatype(type), mutable: false)
            return scope
        }
        let binding = Binding(value, mutable: mutable)
        let scope = Environment(parent: type.scope, receiver: MethodReceiver(binding: binding, type: type))
        scope.define("Self", .metatype(type), mutable: false)
        return scope
    }
}

extension Interpreter {
    /// Changes `value.name` (and the steps inside it) in place: a stored property, or a computed one through its `set`.
    func modifyUserMember(_ value: inout Value, _ name: String, _ steps: ArraySlice<PathStep>, at node: Syntax, _ body: (inout Value) throws -> Void) throws {
        if case let .object(object) = value, let index = object.type.storedIndex(of: name) {
            return try modifyObjectMember(object, index, steps, at: node, body)
        }
        if case var .record(record) = value, let index = record.type.storedIndex(of: name) {
            if let observers = record.type.stored[index].observers, observersRun(record.type, name) {
                return try modifyObserved(&value, record, index, observers, steps, at: node, body)
            }
            if let initial = try pendingLazyValue(record, index, at: node) { record.fields[index] = initial }
            if record.type.stored[index].isLet, !record.fields[index].isVoid {
                throw SnippetError("cannot assign to property: '\(name)' is a 'let' constant; declare it with 'var' in \(record.type.name)", at: node)
            }
            // Moved out while it changes, so the property's storage is not shared and nothing is copied.
            value = .void
            var member = record.fields[index]
            record.fields[index] = .void
            defer {
                record.fields[index] = member
                value = .record(record)
            }
            try modify(&member, steps, body)
            // A property keeps its declared type: `self.v = .zero`, or `self.x = 1` for a Double.
            if steps.isEmpty, let annotation = record.type.stored[index].type { member = try coerce(member, to: annotation, at: node) }
            return
        }
        guard let type = userType(of: value) else { return }
        guard let property = type.computedProperty(name) else {
            if name == "rawValue" { throw SnippetError("cannot assign to 'rawValue': it is read-only", at: node) }
            throw unknownUserMember(name, of: type, isStatic: false, at: node)
        }
        guard case let .accessors(list)? = property.accessorBlock?.accessors,
              let setter = list.first(where: { $0.accessorSpecifier.tokenKind == .keyword(.set) }) else {
            throw SnippetError("cannot assign to property: '\(name)' is a get-only property; add a 'set' or change a stored property", at: node)
        }
        var member = try runGetter(property, of: type, self: value, at: node)
        try modify(&member, steps, body)
        let selfBinding = Binding(value, mutable: true)
        value = .void
        defer { value = selfBinding.value }
        let newValue = member
        try nested(at: node) {
            let outer = Environment(parent: type.scope, receiver: MethodReceiver(binding: selfBinding, type: type))
            outer.define("Self", .metatype(type), mutable: false)
            let scope = Environment(parent: outer)
            scope.define(setter.parameters?.name.text ?? "newValue", newValue, mutable: false)
            _ = try runBody(setter.body?.statements ?? [], in: scope, singleExpressionReturns: false)
        }
    }
}

extension Interpreter {
    /// How `print` and interpolation show a value: a declared type's own `description` when it is
    /// `CustomStringConvertible`, otherwise Swift's default form.
    func text(of value: Value) throws -> String {
        guard !userTypes.isEmpty else { return Display.description(of: value) }
        var failure: Error?
        let text = Display.description(of: value, module: moduleName) { item in
            guard failure == nil, let type = self.userType(of: item), type.conforms(to: "CustomStringConvertible"),
                  let getter = type.computedProperty("description") else { return nil }
            do {
                guard case let .string(text) = try self.runGetter(getter, of: type, self: item, at: getter) else { return nil }
                return text
            } catch {
                failure = error
                return nil
            }
        }
        if let failure { throw failure }
        return text
    }
}
