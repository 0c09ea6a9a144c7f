import Descent
import SwiftSyntax

extension BuiltinRegistry {
    /// Calls the overload of `builtin` whose labels match, or explains why none does.
    func call(_ builtin: Builtin, _ arguments: [Argument], interpreter: Interpreter, at node: Syntax, displayName: String? = nil) throws -> Value {
        let name = displayName ?? builtin.name
        for overload in builtin.overloads where !overload.signature.isProperty {
            if let matched = overload.signature.match(arguments) {
                let args = Arguments(callee: name, signature: overload.signature, values: matched, call: node, interpreter: interpreter)
                return try invoke(overload.body, args, at: node)
            }
        }
        throw mismatch(builtin, name: name, arguments, at: node)
    }

    /// Runs a builtin body, turning library errors into diagnostics at the call.
    func invoke(_ body: BuiltinBody, _ arguments: Arguments, at node: Syntax) throws -> Value {
        do {
            let created = arguments.interpreter.interpretedClosures
            let result = try body(arguments)
            guard case .native = result else { return result }
            return result.markedInterpreted(arguments.interpreter.interpretedClosures != created || arguments.callInterpretedCode())
        } catch let error as SnippetError {
            throw error.located(at: node)
        } catch let error as DescentError {
            throw SnippetError(error.description, at: node)
        } catch let error as LimitExceeded {
            throw SnippetError(error.description, at: node)
        }
    }

    private func mismatch(_ builtin: Builtin, name: String, _ arguments: [Argument], at node: Syntax) -> SnippetError {
        let valid = builtin.labels
        for argument in arguments {
            guard let label = argument.label, !valid.contains(label) else { continue }
            var message = "'\(name)' has no argument labelled '\(label)'"
            if let suggestion = Suggestions.nearest(to: label, in: valid) { message += "; did you mean '\(suggestion)'?" }
            message += valid.isEmpty ? "; it takes no labelled arguments" : "; valid labels: " + valid.map { "\($0):" }.joined(separator: ", ")
            return SnippetError(message, at: argument.node)
        }
        let forms = builtin.overloads.map { $0.signature.display(name) }
        if builtin.overloads.count == 1, let signature = builtin.overloads.first?.signature {
            let given = Set(arguments.compactMap(\.label))
            if let missing = signature.parameters.first(where: { !$0.isOptional && $0.label != nil && !given.contains($0.label ?? "") }) {
                return SnippetError("missing argument '\(missing.label ?? missing.name):' in call to \(signature.display(name))", at: node)
            }
        }
        let written = "(" + arguments.map { ($0.isTrailingClosure ? "{}" : ($0.label ?? "_")) + ($0.isTrailingClosure ? "" : ":") }.joined() + ")"
        return SnippetError("no form of '\(name)' takes the arguments \(written); valid forms: \(forms.joined(separator: ", "))", at: node)
    }

    // MARK: - Members

    /// `Type.name` or `Type.name(...)` for a type with static members.
    func staticMember(_ type: String, _ name: String, arguments: [Argument]?, interpreter: Interpreter, at node: some SyntaxProtocol) throws -> Value {
        let member = ImplicitMember(name: name, arguments: arguments, node: Syntax(node))
        return try resolve(member, kind: type, interpreter: interpreter)
    }

    /// Resolves `.he` or `.step(every: 10, factor: 0.5)` against the kind a parameter expects.
    func resolve(_ member: ImplicitMember, kind: String, interpreter: Interpreter) throws -> Value {
        guard let builtin = members[kind]?[member.name] else {
            let known = (members[kind] ?? [:]).keys.sorted()
            var message = "'\(kind)' has no member '\(member.name)'"
            if let suggestion = Suggestions.nearest(to: member.name, in: known) { message += "; did you mean '.\(suggestion)'?" }
            if !known.isEmpty { message += "; known: " + known.map { "." + $0 }.joined(separator: ", ") }
            throw SnippetError(message, at: member.node)
        }
        if let arguments = member.arguments {
            return try call(builtin, arguments, interpreter: interpreter, at: member.node, displayName: "." + member.name)
        }
        if let property = builtin.overloads.first(where: { $0.signature.isProperty }) {
            let args = Arguments(callee: member.name, signature: property.signature, values: [:], call: member.node, interpreter: interpreter)
            return try invoke(property.body, args, at: member.node)
        }
        let forms = builtin.overloads.map { "." + $0.signature.display(member.name) }
        throw SnippetError("'.\(member.name)' needs arguments: \(forms.joined(separator: ", "))", at: member.node)
    }

    /// The type name methods and properties are registered under.
    func typeKey(_ value: Value) -> String {
        switch value {
        case let .native(native): return native.typeName
        case let .output(output): return output.typeName
        default: return value.typeName
        }
    }

    func property(of value: Value, _ name: String, interpreter: Interpreter, at node: some SyntaxProtocol) throws -> Value {
        if case let .tuple(elements, labels) = value {
            if let index = Int(name), index >= 0, index < elements.count { return elements[index] }
            if let index = labels.firstIndex(of: name) { return elements[index] }
            throw SnippetError("the tuple has no element '\(name)'", at: node)
        }
        let type = typeKey(value)
        if let getter = getters[type]?[name] {
            do { return try getter(value).markedInterpreted(value.callsInterpretedCode) } catch let error as SnippetError {
                throw error.located(at: node)
            } catch let error as DescentError {
                throw SnippetError(error.description, at: node)
            } catch let error as LimitExceeded {
                throw SnippetError(error.description, at: node)
            }
        }
        if let dynamic = dynamicMembers[type] { return try dynamic.get(value, name) }
        if methods[type]?[name] != nil {
            throw SnippetError("'\(name)' is a method of \(type); call it as .\(name)(...)", at: node)
        }
        throw unknownMember(name, of: type, at: node)
    }

    func setProperty(of value: inout Value, _ name: String, to newValue: Value, at node: some SyntaxProtocol) throws {
        if case .tuple(var elements, let labels) = value {
            guard let index = Int(name) ?? labels.firstIndex(of: name), index >= 0, index < elements.count else {
                throw SnippetError("the tuple has no element '\(name)'", at: node)
            }
            elements[index] = newValue
            value = .tuple(elements, labels: labels)
            return
        }
        let type = typeKey(value)
        if let setter = setters[type]?[name] {
            do { return try setter(&value, newValue) } catch let error as SnippetError { throw error.located(at: node) }
        }
        if let dynamic = dynamicMembers[type] { return try dynamic.set(&value, name, newValue) }
        if getters[type]?[name] != nil { throw SnippetError("'\(name)' of a \(type) is read-only", at: node) }
        throw unknownMember(name, of: type, at: node)
    }

    /// The properties and methods a builtin type has, which a bare name in an extension's method may mean.
    func memberNames(of type: String) -> Set<String> {
        Set((getters[type] ?? [:]).keys).union((methods[type] ?? [:]).keys)
    }

    func unknownMember(_ name: String, of type: String, at node: some SyntaxProtocol) -> SnippetError {
        let known = Array((getters[type] ?? [:]).keys) + Array((methods[type] ?? [:]).keys)
        var message = "value of type \(type) has no member '\(name)'"
        if let suggestion = Suggestions.nearest(to: name, in: known) { message += "; did you mean '\(suggestion)'?" }
        return SnippetError(message, at: node)
    }

    /// Finds the method overload whose labels match.
    func method(_ name: String, of value: Value, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> (Method, [String: Argument]) {
        let type = typeKey(value)
        guard let overloads = methods[type]?[name] else {
            if getters[type]?[name] != nil {
                throw SnippetError("'\(name)' is a property of \(type), not a method; write it without parentheses", at: node)
            }
            throw unknownMember(name, of: type, at: node)
        }
        for method in overloads {
            if let matched = method.signature.match(arguments) { return (method, matched) }
        }
        let builtin = Builtin(name: name, overloads: overloads.map { Overload(signature: $0.signature, body: { _ in .void }) })
        throw mismatch(builtin, name: "\(type).\(name)", arguments, at: Syntax(node))
    }
}
