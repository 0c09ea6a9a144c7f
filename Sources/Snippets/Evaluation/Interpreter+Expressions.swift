import Descent
import SwiftSyntax

extension Interpreter {
    /// Evaluates one expression one level deeper, so nesting ends in an error, not a stack overflow.
    func evaluate(_ expression: ExprSyntax, in scope: Environment) throws -> Value {
        guard depth < maxDepth else { throw tooDeep(at: expression) }
        depth += 1
        defer { depth -= 1 }
        return try evaluateNode(expression, in: scope)
    }

    /// Evaluates one expression; every node the subset allows has a case here.
    private func evaluateNode(_ expression: ExprSyntax, in scope: Environment) throws -> Value {
        switch expression.as(ExprSyntaxEnum.self) {
        case let .integerLiteralExpr(literal):
            return try integer(literal)
        case let .floatLiteralExpr(literal):
            guard let value = Double(Self.withoutSeparators(literal.literal.text)) else {
                throw SnippetError("'\(literal.literal.text)' is not a valid number", at: literal)
            }
            return .double(value)
        case let .booleanLiteralExpr(literal):
            return .bool(literal.literal.tokenKind == .keyword(.true))
        case let .stringLiteralExpr(literal):
            return .string(try string(literal, in: scope))
        case let .declReferenceExpr(reference):
            return try lookup(reference, in: scope)
        case let .tupleExpr(tuple):
            if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
                return try evaluate(only.expression, in: scope)
            }
            let values = try tuple.elements.map { try evaluate($0.expression, in: scope) }
            try checkNested(values, at: tuple)
            return .tuple(values, labels: tuple.elements.map { $0.label?.text })
        case let .arrayExpr(array):
            var ticker = Ticker()
            var items = try array.elements.map { element -> Value in
                try ticker.tick()
                return try evaluate(element.expression, in: scope)
            }
            // `[Phase.train, .decay]`: an implicit member takes the type of the other elements, as Swift infers it.
            try resolveImplicitMembers(in: &items)
            if items.count > 1 { try unifyNumbers(&items, array.elements.lazy.map(\.expression), in: array) }
            // `[1, nil, 3]` is an `[Int?]`: its other elements are present optionals.
            if items.count > 1, items.contains(where: \.isNull) { items = items.map(\.asOptional) }
            try checkNested(items, at: array)
            return .array(items)
        case let .dictionaryExpr(dictionary):
            var result = OrderedDictionary()
            if case let .elements(elements) = dictionary.content {
                var ticker = Ticker()
                var keys: [Value] = [], values: [Value] = []
                for element in elements {
                    try ticker.tick()
                    keys.append(try evaluate(element.key, in: scope))
                    values.append(try evaluate(element.value, in: scope))
                }
                // `["a": 1, "b": 2.5]` is a `[String: Double]`, as swiftc infers it.
                if values.count > 1 { try unifyNumbers(&values, elements.lazy.map(\.value), in: dictionary) }
                if values.count > 1, values.contains(where: \.isNull) { values = values.map(\.asOptional) }
                for (key, value) in zip(keys, values) { try result.set(key, value) }
            }
            return .dictionary(result)
        case let .infixOperatorExpr(infix):
            return try evaluateInfix(infix, in: scope)
        case let .prefixOperatorExpr(prefix):
            let operand = try evaluate(prefix.expression, in: scope)
            return try Operators.prefix(prefix.operator.text, operand, at: prefix)
        case let .ternaryExpr(ternary):
            guard case let .bool(condition) = try evaluate(ternary.condition, in: scope) else {
                throw SnippetError("the condition of '?:' must be a Bool", at: ternary.condition)
            }
            let (taken, other) = condition ? (ternary.thenExpression, ternary.elseExpression) : (ternary.elseExpression, ternary.thenExpression)
            let value = try evaluate(taken, in: scope)
            // `found ? i : nil` is an optional whichever branch runs.
            if other.is(NilLiteralExprSyntax.self) { return value.asOptional }
            // `flag ? 1 : 0.5` is a Double whichever branch runs, as swiftc types it.
            guard case let .int(integer) = value, other.is(FloatLiteralExprSyntax.self), !Self.isPrintItem(ternary) else { return value }
            return try Self.contextDouble(integer, written: taken, where: "the branches of '?:' give an Int and a Double")
        case let .functionCallExpr(call):
            return try evaluateCall(call, in: scope)
        case let .memberAccessExpr(access):
            return try evaluateMember(access, in: scope)
        case let .optionalChainingExpr(chain):
            // `p?`: the chain goes on with what `p` holds; a nil ends it where the next link reads it.
            let base = try evaluate(chain.expression, in: scope)
            if case let .some(present) = base { return present }
            return base
        case let .subscriptCallExpr(subscriptCall):
            let base = try evaluate(subscriptCall.calledExpression, in: scope)
            if base.isOptional {
                if base.isNull, Self.chainsOptionally(subscriptCall.calledExpression) { return .null }
                if case .some = base { throw Self.mustUnwrap(base, "to subscript it", written: subscriptCall.calledExpression, at: subscriptCall.calledExpression) }
            }
            let arguments = try subscriptCall.arguments.map {
                Argument(label: $0.label?.text, value: try evaluate($0.expression, in: scope), node: Syntax($0))
            }
            return chained(try Subscripts.get(base, arguments, at: subscriptCall), at: subscriptCall, base: subscriptCall.calledExpression)
        case let .closureExpr(closure):
            return .function(FunctionValue(name: "closure", body: .closure(closure, scope)))
        case let .tryExpr(tryExpression):
            return try evaluateTry(tryExpression, in: scope)
        case let .forceUnwrapExpr(unwrap):
            return try forceUnwrap(unwrap, in: scope)
        case let .ifExpr(ifExpression):
            return try ifValue(ifExpression, in: scope)
        case let .switchExpr(switchExpression):
            return try switchValue(switchExpression, in: scope)
        case let .asExpr(cast):
            return try evaluateCast(cast, in: scope)
        case let .isExpr(check):
            return try evaluateIs(check, in: scope)
        case let .genericSpecializationExpr(specialization):
            // `Stack<Int>` names the same type as `Stack`: values carry their own types.
            return try evaluate(specialization.expression, in: scope)
        case .nilLiteralExpr:
            return .null
        case let .keyPathExpr(path):
            for component in path.components {
                switch component.component {
                case .property, .optional: continue
                default: throw SnippetError("key paths with subscripts or methods are not supported in lessons; write a closure instead, e.g. `{ $0[0] }`", at: component)
                }
            }
            return .function(FunctionValue(name: "key path", body: .keyPath(path)))
        case .awaitExpr:
            throw SnippetError("'await' and concurrency are not supported in lessons; call the function directly", at: expression)
        case .macroExpansionExpr:
            throw SnippetError("macros are not supported in lessons", at: expression)
        default:
            throw SnippetError.unsupported(describe(expression), at: expression)
        }
    }

    /// A literal holding collections is measured, which also bounds how deeply values nest
    /// (`a = [a]` in a loop); a literal of numbers or strings costs nothing more.
    func checkNested(_ items: [Value], at node: some SyntaxProtocol) throws {
        guard items.contains(where: { if case .array = $0 { true } else if case .dictionary = $0 { true } else if case .tuple = $0 { true } else { $0.isOptional } })
        else { return }
        do {
            try Footprint.require(.array(items), for: "this literal")
        } catch let error as SnippetError {
            throw error.located(at: node)
        }
    }

    /// A name: a binding in scope, then a builtin used as a value; otherwise an error with a suggestion.
    func lookup(_ reference: DeclReferenceExprSyntax, in scope: Environment) throws -> Value {
        try lookup(name: reference.baseName.text, at: reference, in: scope)
    }

    /// The value a name has here, read where `reference` is (for `if let left`, the pattern's name).
    func lookup(name: String, at reference: some SyntaxProtocol, in scope: Environment) throws -> Value {
        if !builtins.isReserved(name) {
            // One walk of the scopes: a variable, or a property of `self` inside a method.
            if userTypes.isEmpty {
                if let binding = scope.lookup(name) { return binding.value }
            } else {
                switch scope.resolve(name) {
                case let .binding(binding)?: return binding.value
                case let .member(receiver)?: return try propertyOfSelf(name, receiver, at: reference)
                case nil: break
                }
            }
        }
        if let builtin = builtins.functions[name] {
            return .function(FunctionValue(name: name, body: .builtin(builtin)))
        }
        if let constant = builtins.constants[name] { return constant }
        throw unknownName(name, at: reference, in: scope)
    }

    /// `beta1` inside a method: a stored property read straight from `self`'s fields (a `lazy` one computed and kept first).
    private func propertyOfSelf(_ name: String, _ receiver: MethodReceiver, at reference: some SyntaxProtocol) throws -> Value {
        if case let .record(record) = receiver.binding.value, let index = receiver.type.storedIndex(of: name) {
            if let lazy = try pendingLazyValue(record, index, at: reference) {
                if receiver.binding.isMutable { try modify(&receiver.binding.value, [.member(name, Syntax(reference))]) { $0 = lazy } }
                return lazy
            }
            return record.fields[index]
        }
        return try userMember(of: receiver.binding.value, receiver.type, name, at: reference)
    }

    func unknownName(_ name: String, at node: some SyntaxProtocol, in scope: Environment) -> SnippetError {
        if name.hasPrefix("$") {
            return SnippetError("anonymous closure argument '\(name)' is only available inside a closure that takes that many arguments", at: node)
        }
        let candidates = (scope.visibleNames + Array(builtins.functions.keys) + Array(builtins.constants.keys))
            .filter { !unsuggested.contains($0) }
        if ["Float", "CGFloat", "Float16", "Float80"].contains(name) { return SnippetError(Self.floatAdvice(name), at: node) }
        var message = "cannot find '\(name)' in scope"
        if let suggestion = Suggestions.nearest(to: name, in: candidates) {
            message += "; did you mean '\(suggestion)'?"
        }
        return SnippetError(message, at: node)
    }

    /// The value of an `if` used as an expression: the last expression of the branch taken.
    private func ifValue(_ node: IfExprSyntax, in scope: Environment) throws -> Value {
        let branch: CodeBlockItemListSyntax
        let body = Environment(parent: scope)
        if try conditionsHold(node.conditions, in: body) {
            return try runCell(node.body.statements, in: body)
        } else {
            switch node.elseBody {
            case nil: throw SnippetError("an 'if' used as a value needs an 'else'", at: node)
            case let .ifExpr(elseIf): return try ifValue(elseIf, in: scope)
            case let .codeBlock(block): branch = block.statements
            }
        }
        return try runCell(branch, in: Environment(parent: scope))
    }

    /// `a.b`: a tuple element, a property, a static member (`Double.pi`) or an implicit member (`.he`).
    func evaluateMember(_ access: MemberAccessExprSyntax, in scope: Environment) throws -> Value {
        let name = access.declName.baseName.text
        guard let baseExpression = access.base else {
            return .implicitMember(ImplicitMember(name: name, arguments: nil, node: Syntax(access)))
        }
        if baseExpression.is(SuperExprSyntax.self) { return try callSuper(name, nil, in: scope, at: access.declName) }
        // `String.init` or `Point.init` used as a function: the type's name already calls its initializer.
        if name == "init", let reference = baseExpression.as(DeclReferenceExprSyntax.self) {
            let named = try lookup(reference, in: scope)
            switch named {
            case .function, .metatype: return named
            default: break
            }
        }
        if let typeName = staticTypeName(baseExpression, in: scope) {
            if let added = builtinExtensions[typeName], added.statics[name] != nil || added.staticComputedProperty(name) != nil {
                return try userMember(of: .metatype(added), added, name, at: access.declName)
            }
            return try builtins.staticMember(typeName, name, arguments: nil, interpreter: self, at: access)
        }
        let base = try evaluate(baseExpression, in: scope)
        if base.isOptional {
            if base.isNull, Self.chainsOptionally(baseExpression) { return .null }
            if case .some = base { throw Self.mustUnwrap(base, "to refer to member '\(name)'", written: baseExpression, at: access.declName) }
        }
        if !userTypes.isEmpty, let lazy = try readLazy(base, name, of: baseExpression, in: scope, at: access.declName) { return lazy }
        return chained(try memberValue(of: base, name, at: access.declName), at: access, base: baseExpression)
    }

    /// A property of any value: a declared type's member, else a builtin one.
    func memberValue(of base: Value, _ name: String, at node: some SyntaxProtocol) throws -> Value {
        switch base {
        case .record, .enumCase, .metatype, .object:
            if let type = userType(of: base) { return try userMember(of: base, type, name, at: node) }

        case .array, .dictionary, .set, .tuple:
            if name == "description" { return .string(try text(of: base)) }
        default:
            break
        }
        if !builtinExtensions.isEmpty, let added = builtinExtensions[builtins.typeKey(base)], let getter = added.computedProperty(name) {
            return try runGetter(getter, of: added, self: base, at: node)
        }
        return try builtins.property(of: base, name, interpreter: self, at: node)
    }

    /// The type name when `expression` names a type with static members (`Double`, `Initializer`), not a variable.
    func staticTypeName(_ expression: ExprSyntax, in scope: Environment) -> String? {
        guard let reference = expression.as(DeclReferenceExprSyntax.self) else { return nil }
        let name = reference.baseName.text
        guard scope.lookup(name) == nil, builtins.hasStaticMembers(name) else { return nil }
        return name
    }
}
