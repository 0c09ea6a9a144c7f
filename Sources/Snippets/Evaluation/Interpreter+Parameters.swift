import SwiftSyntax

/// Binding a call's arguments to a declared function's parameters, and running its body.
extension Interpreter {
    /// Copies each `inout` parameter's final value back to the variable passed with `&`, as Swift's copy-in copy-out does.
    func writeBack(_ inouts: [(String, Argument)], from scope: Environment) throws {
        for (name, argument) in inouts {
            guard let (binding, steps) = argument.place, let final = scope.lookup(name)?.value else { continue }
            try modify(&binding.value, steps[...]) { $0 = final }
        }
    }

    /// Binds `arguments` to `parameters` in `scope`, or explains the mismatch as swiftc does.
    func bindParameters(
        _ parameterList: FunctionParameterListSyntax, named name: String, _ arguments: [Argument],
        into scope: Environment, defaultsIn captured: Environment, at node: some SyntaxProtocol
    ) throws -> [(String, Argument)] {
        var inouts: [(String, Argument)] = []
        let parameters = Array(parameterList)
        let display = Self.signature(name, parameterList)
        var next = 0
        for parameter in parameters {
            let label: String? = parameter.firstName.tokenKind == .wildcard ? nil : parameter.firstName.text
            let internalName = (parameter.secondName ?? parameter.firstName).text
            var value: Value
            let isInout = parameter.type.is(AttributedTypeSyntax.self)
            if parameter.ellipsis != nil {
                // `_ values: Double...`: the arguments from here up to the next label, as an array.
                var items: [Value] = []
                while next < arguments.count, arguments[next].label == (items.isEmpty ? label : nil), !arguments[next].isInout {
                    items.append(try coerce(arguments[next].value, to: parameter.type, at: arguments[next].node))
                    next += 1
                }
                if internalName != "_" { scope.define(internalName, .array(items), mutable: false) }
                continue
            }
            if next < arguments.count, arguments[next].label == label {
                value = arguments[next].value
                try checkConversion(value, to: parameter.type, written: arguments[next].node, role: "expected argument type")
                if isInout != arguments[next].isInout {
                    throw SnippetError(isInout
                        ? "passing value to parameter '\(internalName)' needs '&': it is 'inout', so write `&name`"
                        : "'&' is only for 'inout' parameters; '\(internalName)' is not one, so remove the '&'", at: arguments[next].node)
                }
                if isInout { inouts.append((internalName, arguments[next])) }
                next += 1
            } else if let defaultValue = parameter.defaultValue {
                value = try evaluate(defaultValue.value, in: captured)
            } else if next < arguments.count {
                let have = arguments[next].label.map { "'\($0):'" } ?? "no label"
                let want = label.map { "'\($0):'" } ?? "no label"
                throw SnippetError("incorrect argument label in call to \(display): have \(have), expected \(want)", at: arguments[next].node)
            } else {
                throw SnippetError("missing argument for parameter '\(label ?? internalName)' in call to \(display)", at: node)
            }
            value = try coerce(value, to: parameter.type, at: node)
            if internalName != "_" { scope.define(internalName, value, mutable: isInout) }
        }
        if next < arguments.count {
            throw SnippetError("extra argument in call to \(display)", at: arguments[next].node)
        }
        return inouts
    }

    /// Runs a function or closure body: a single expression is its value, otherwise `return` gives it.
    func runBody(_ statements: CodeBlockItemListSyntax, in scope: Environment, singleExpressionReturns: Bool = true) throws -> Value {
        if singleExpressionReturns, statements.count == 1, let only = statements.first, case let .expr(expression) = only.item,
           Self.isValueBranching(expression) {
            return try evaluate(expression, in: scope)
        }
        switch try execute(statements, in: scope, collector: nil) {
        case .normal: return .void
        case let .returned(value): return value
        case .broke, .continued: throw SnippetError("'break' and 'continue' are only allowed inside a loop", at: statements)
        }
    }
}
