import Descent
import SwiftSyntax

extension Interpreter {
    /// `f(x)`, `Adam(lr: 0.1)`, `rows.append(x)`, `.step(every: 10, factor: 0.5)`, `minimize(...) { ... }`.
    func evaluateCall(_ call: FunctionCallExprSyntax, in scope: Environment) throws -> Value {
        let arguments = try callArguments(call, in: scope)
        let callee = call.calledExpression
        if let reference = callee.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            // One walk of the scopes: a variable holding a function, or a method of `self` inside a method.
            if !builtins.isReserved(name), let resolved = userTypes.isEmpty ? scope.lookup(name).map(Environment.Resolved.binding) : scope.resolve(name) {
                switch resolved {
                case let .binding(binding): return try callValue(binding.value, arguments, at: call)
                case let .member(receiver):
                    // A bare `step()` inside a method calls the method on `self`.
                    var base = receiver.binding.value
                    return try callUserMethod(name, on: &base, receiver.type, arguments, place: {
                        guard receiver.binding.isMutable else { throw immutableSelf(at: reference) }
                        return (receiver.binding, [])
                    }, at: call, nameNode: reference)
                }
            }
            if name == "swap", arguments.count == 2, arguments.allSatisfy(\.isInout),
               let (first, firstSteps) = arguments[0].place, let (second, secondSteps) = arguments[1].place {
                // `swap(&a, &b)`: each place gets the other's value.
                let (a, b) = (arguments[0].value, arguments[1].value)
                try modify(&first.value, firstSteps[...]) { $0 = b }
                try modify(&second.value, secondSteps[...]) { $0 = a }
                return .void
            }
            if let builtin = builtins.functions[name] {
                return try nested(at: call) {
                    try builtins.call(builtin, arguments, interpreter: self, at: Syntax(call))
                }
            }
            throw unknownName(name, at: reference, in: scope)
        }
        if let access = callee.as(MemberAccessExprSyntax.self) {
            let name = access.declName.baseName.text
            guard let baseExpression = access.base else {
                return .implicitMember(ImplicitMember(name: name, arguments: arguments, node: Syntax(call)))
            }
            if baseExpression.is(SuperExprSyntax.self) { return try callSuper(name, arguments, in: scope, at: call) }
            // `Swift.min(a, b)`: the module name picks the standard library's function over a method of `self`.
            if baseExpression.as(DeclReferenceExprSyntax.self)?.baseName.text == "Swift", scope.lookup("Swift") == nil,
               let builtin = builtins.functions[name] {
                return try nested(at: call) { try builtins.call(builtin, arguments, interpreter: self, at: Syntax(call)) }
            }
            if let typeName = staticTypeName(baseExpression, in: scope) {
                if let added = builtinExtensions[typeName], added.staticMethod(name) != nil {
                    var base = Value.metatype(added)
                    return try callUserMethod(name, on: &base, added, arguments, place: { throw SnippetError("no place", at: call) }, at: call, nameNode: access.declName)
                }
                return try builtins.staticMember(typeName, name, arguments: arguments, interpreter: self, at: call)
            }
            return try callMethod(name, on: baseExpression, arguments, in: scope, at: call, nameNode: access.declName)
        }
        // `[Double]()` and `[String: Int]()`: an empty collection of the written type.
        if arguments.isEmpty, callee.is(ArrayExprSyntax.self) { return .array([]) }
        if arguments.isEmpty, let specialization = callee.as(GenericSpecializationExprSyntax.self),
           let base = specialization.expression.as(DeclReferenceExprSyntax.self)?.baseName.text, scope.lookup(base) == nil {
            if ["Array", "ContiguousArray"].contains(base) { return .array([]) }
            if base == "Set" {
                // `Set<Direction>()`: the element type lets `.north` be inserted later.
                var set = SetValue()
                let element = specialization.genericArgumentClause.arguments.first?.argument.as(TypeSyntax.self)
                set.elementType = element.flatMap { userTypes[Self.baseName(of: $0)] }
                return .set(set)
            }
            if base == "Dictionary" { return .dictionary(OrderedDictionary()) }
        }
        if arguments.isEmpty, callee.is(DictionaryExprSyntax.self) { return .dictionary(OrderedDictionary()) }
        if !arguments.isEmpty, let element = Self.writtenElementType(callee), scope.lookup("Array") == nil {
            return try typedArray(of: element, arguments, at: call, in: scope)
        }
        let function = try evaluate(callee, in: scope)
        return try callValue(function, arguments, at: call)
    }

    private func callArguments(_ call: FunctionCallExprSyntax, in scope: Environment) throws -> [Argument] {
        var arguments: [Argument] = []
        for element in call.arguments {
            if let marked = element.expression.as(InOutExprSyntax.self) {
                let place = try resolvePlace(marked.expression, in: scope)
                var argument = Argument(label: element.label?.text, value: try evaluate(marked.expression, in: scope), node: Syntax(element))
                argument.place = place
                arguments.append(argument)
                continue
            }
            arguments.append(Argument(label: element.label?.text, value: try evaluate(element.expression, in: scope), node: Syntax(element)))
        }
        if let closure = call.trailingClosure {
            arguments.append(Argument(label: nil, value: try evaluate(ExprSyntax(closure), in: scope), node: Syntax(closure), isTrailingClosure: true))
        }
        for extra in call.additionalTrailingClosures {
            arguments.append(Argument(label: extra.label.text, value: try evaluate(ExprSyntax(extra.closure), in: scope), node: Syntax(extra), isTrailingClosure: true))
        }
        return arguments
    }

    private func callMethod(
        _ name: String, on baseExpression: ExprSyntax, _ arguments: [Argument], in scope: Environment,
        at call: FunctionCallExprSyntax, nameNode: some SyntaxProtocol
    ) throws -> Value {
        var base = try evaluate(baseExpression, in: scope)
        if base.isOptional {
            if base.isNull, Self.chainsOptionally(baseExpression) { return .null }
            if let mapped = try optionalMap(name, base, arguments, at: call) { return mapped }
            if case .some = base { throw Self.mustUnwrap(base, "to call its method '\(name)'", written: baseExpression, at: nameNode) }
        }
        return chained(try callMethodOn(&base, name, baseExpression, arguments, in: scope, at: call, nameNode: nameNode), at: call, base: baseExpression)
    }

    private func callMethodOn(
        _ base: inout Value, _ name: String, _ baseExpression: ExprSyntax, _ arguments: [Argument], in scope: Environment,
        at call: FunctionCallExprSyntax, nameNode: some SyntaxProtocol
    ) throws -> Value {
        if let type = userType(of: base) ?? builtinExtensions[builtins.typeKey(base)].flatMap({ $0.method(name) != nil ? $0 : nil }) {
            return try callUserMethod(name, on: &base, type, arguments, place: {
                try resolvePlace(baseExpression, in: scope, forMutating: name)
            }, at: call, nameNode: nameNode)
        }
        return try callBuiltinMethod(name, on: base, arguments, place: { try resolvePlace(baseExpression, in: scope) }, at: Syntax(call), nameNode: nameNode)
    }

    /// A builtin type's method, e.g. `xs.append(1)`; `place` finds the variable a mutating one changes.
    func callBuiltinMethod(
        _ name: String, on base: Value, _ arguments: [Argument], place: () throws -> (Binding, [PathStep]),
        at call: Syntax, nameNode: some SyntaxProtocol
    ) throws -> Value {
        let (method, matched) = try builtins.method(name, of: base, arguments, at: nameNode)
        let args = Arguments(callee: "\(builtins.typeKey(base)).\(name)", signature: method.signature, values: matched, call: call, interpreter: self)
        if method.isMutating {
            let (binding, steps) = try place()
            var result = Value.void
            let fillsEmpty = steps.isEmpty && binding.declaredElement != nil && Self.isEmptyArray(binding.value)
            try modify(&binding.value, steps[...]) { receiver in
                result = try builtins.invoke({ try method.body(&receiver, $0) }, args, at: Syntax(call))
            }
            // `losses.append(1)` on a `var losses: [Double] = []` holds 1.0, as swiftc types the literal.
            if fillsEmpty, let element = binding.declaredElement, case let .array(items) = binding.value {
                binding.value = .array(try items.map { try coerce($0, to: element, at: call) })
            }
            return result
        }
        var receiver = base
        let result = try nested(at: call) {
            try builtins.invoke({ try method.body(&receiver, $0) }, args, at: Syntax(call))
        }
        return result.markedInterpreted(base.callsInterpretedCode)
    }

    static func isEmptyArray(_ value: Value) -> Bool {
        if case let .array(items) = value { items.isEmpty } else { false }
    }

    /// Calls a function value: a closure, a declared `func` or a builtin passed around by name.
    func callValue(_ callee: Value, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Value {
        guard case let .function(function) = callee else {
            if case let .metatype(type) = callee { return try nested(at: node) { try construct(type, arguments, at: node) } }
            throw SnippetError("cannot call a value of type \(callee.typeName)", at: node)
        }
        return try nested(at: node) {
            switch function.body {
            case let .builtin(builtin):
                if let marked = arguments.first(where: \.isInout) {
                    throw SnippetError("'&' passes a variable to an 'inout' parameter, and '\(builtin.name)' has none; remove the '&'", at: marked.node)
                }
                return try builtins.call(builtin, arguments, interpreter: self, at: Syntax(node))
            case let .keyPath(path):
                guard arguments.count == 1, let only = arguments.first else {
                    throw SnippetError("a key path used as a function takes one value, but \(arguments.count) were passed", at: node)
                }
                return try follow(path, from: only.value, at: node)
            case let .closure(closure, captured):
                if let marked = arguments.first(where: \.isInout) {
                    throw SnippetError("'&' is not supported for closures in lessons; declare a 'func' with an 'inout' parameter", at: marked.node)
                }
                let scope = try closureScope(function, closure, captured, arguments.map(\.value), at: node)
                return try runBody(closure.statements, in: scope)
            case let .function(declaration, captured):
                let (scope, inouts) = try functionScope(declaration, captured, arguments, at: node)
                let result = try runBody(declaration.body?.statements ?? [], in: scope, singleExpressionReturns: true)
                try writeBack(inouts, from: scope)
                if let returnType = declaration.signature.returnClause?.type {
                    return try coerce(result, to: returnType, at: node)
                }
                return result
            }
        }
    }

    /// Calls a function value with plain values, as builtins such as `map` and Descent callbacks do.
    func call(_ function: FunctionValue, with values: [Value], at node: some SyntaxProtocol) throws -> Value {
        let arguments = values.map { Argument(label: nil, value: $0, node: Syntax(node)) }
        if case let .function(declaration, captured) = function.body {
            // Positional call of a declared function: labels are implied.
            return try nested(at: node) {
                let scope = Environment(parent: captured)
                let parameters = Array(declaration.signature.parameterClause.parameters)
                guard parameters.count == values.count else {
                    throw SnippetError("'\(function.name)' takes \(parameters.count) arguments, but \(values.count) were passed", at: node)
                }
                for (parameter, value) in zip(parameters, values) {
                    scope.define((parameter.secondName ?? parameter.firstName).text, try coerce(value, to: parameter.type, at: node), mutable: false)
                }
                return try runBody(declaration.body?.statements ?? [], in: scope, singleExpressionReturns: true)
            }
        }
        return try callValue(.function(function), arguments, at: node)
    }

    /// Calls a closure whose first parameter is `inout` (`reduce(into:)`): `accumulator` is passed in and read back.
    func callUpdating(_ function: FunctionValue, _ accumulator: inout Value, _ element: Value, at node: some SyntaxProtocol) throws {
        guard case let .closure(closure, captured) = function.body else {
            throw SnippetError("reduce(into:) needs a closure that changes its first argument, e.g. `{ $0 += $1 }`", at: node)
        }
        try nested(at: node) {
            let scope = try closureScope(function, closure, captured, [.void, element], at: node)
            let name = function.closureParameterNames?.first ?? "$0"
            scope.define(name, accumulator, mutable: true)
            accumulator = .void
            _ = try runBody(closure.statements, in: scope)
            accumulator = scope.lookup(name)?.value ?? .void
        }
    }

    /// Runs a block in builder mode: each line's value is collected (`minimize { GD(...); Adam(...) }`).
    func callBuilder(_ function: FunctionValue, at node: some SyntaxProtocol) throws -> [Value] {
        guard case let .closure(closure, captured) = function.body else {
            let value = try call(function, with: [], at: node)
            if case let .array(items) = value { return items }
            return [value]
        }
        return try nested(at: node) {
            let scope = try closureScope(function, closure, [], at: node)
            _ = captured
            let collector = Collector()
            switch try execute(closure.statements, in: scope, collector: collector) {
            case .normal: break
            case let .returned(value): if !value.isVoid { collector.values.append(value) }
            case .broke, .continued: throw SnippetError("'break' and 'continue' are only allowed inside a loop", at: closure)
            }
            return collector.values.flatMap { value -> [Value] in
                if case let .array(items) = value { return items }
                return [value]
            }
        }
    }

    private func closureScope(_ function: FunctionValue, _ closure: ClosureExprSyntax, _ captured: Environment, _ values: [Value], at node: some SyntaxProtocol) throws -> Environment {
        let scope = Environment(parent: captured)
        var values = values
        // Swift destructures one tuple argument for a closure taking its elements: `zip(a, b).map { $0 * $1 }`, `{ i, x in }`.
        if values.count == 1, case let .tuple(items, _) = values[0], items.count > 1,
           (function.closureParameterNames?.count ?? function.anonymousArity) == items.count {
            values = items
        }
        if let names = function.closureParameterNames {
            guard names.count == values.count else {
                throw SnippetError("the closure takes \(names.count) argument\(names.count == 1 ? "" : "s") (\(names.joined(separator: ", "))), but \(values.count) \(values.count == 1 ? "was" : "were") passed", at: node)
            }
            // `{ (x: Double) in x * x }` called with 3 gets 3.0, as a function's typed parameter does.
            var types: [TypeSyntax?] = []
            if case let .parameterClause(clause)? = closure.signature?.parameterClause { types = clause.parameters.map(\.type) }
            for (index, (name, value)) in zip(names, values).enumerated() where name != "_" {
                guard index < types.count, let type = types[index] else {
                    scope.define(name, value, mutable: false)
                    continue
                }
                scope.define(name, try coerce(value, to: type, at: node), mutable: false)
            }
        } else {
            for (index, value) in values.enumerated() { scope.define("$\(index)", value, mutable: false) }
        }
        return scope
    }

    private func closureScope(_ function: FunctionValue, _ closure: ClosureExprSyntax, _ values: [Value], at node: some SyntaxProtocol) throws -> Environment {
        guard case let .closure(_, captured) = function.body else { return Environment() }
        return try closureScope(function, closure, captured, values, at: node)
    }

    /// Binds a declared function's parameters by label, applying defaults and type annotations.
    private func functionScope(_ declaration: FunctionDeclSyntax, _ captured: Environment, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> (Environment, [(String, Argument)]) {
        let scope = Environment(parent: captured)
        let inouts = try bindParameters(declaration.signature.parameterClause.parameters, named: declaration.name.text, arguments, into: scope, defaultsIn: captured, at: node)
        try checkGenericConstraints(declaration, arguments, in: scope, at: node)
        return (scope, inouts)
    }
}
