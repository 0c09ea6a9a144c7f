import SwiftSyntax

/// Swift's rule for `Int` meeting `Double`: only an integer whose type comes from its context may become a Double.
///
/// Values do not carry their static types, so the rule is decided where the two kinds meet, from the
/// syntax of the `Int` side: a literal (`3 * 0.5`), arithmetic on literals (`(1 + 2) * 0.5`), a closure
/// parameter without a type (`reduce(0) { $0 + $1.area }`, whose `0` swiftc infers as a Double) or a
/// parameter of a generic type takes the Double's type, as swiftc's inference would give it; a name bound
/// by `let`/`var`, a `for` variable, a call or a property is an `Int` and stays one (`n * 0.5` is an error).
/// Only mixed operands pay for the check: `Int op Int` and `Double op Double` never reach it.
extension Interpreter {
    /// A Double or a value Descent combines with Doubles (Tensor, Jet, Variable): what a literal Int may become.
    static func isFractional(_ value: Value) -> Bool {
        switch value {
        case .double, .tensor, .jet, .variable: return true
        default: return false
        }
    }

    /// `Int op Double` or `Double op Int`: the operator over two Doubles when the Int side is untyped, else an error.
    ///
    /// A Tensor, Jet or Variable stands where the Double does: Descent combines them with Doubles only.
    func mixedOperands(_ op: String, _ lhs: Value, _ rhs: Value, _ infix: InfixOperatorExprSyntax) throws -> Value {
        let integerOnLeft: Bool
        if case .int = lhs { integerOnLeft = true } else { integerOnLeft = false }
        let integerSide = integerOnLeft ? infix.leftOperand : infix.rightOperand
        // The common case, `x * 2`, by the node's kind alone: a formula's literals cost no more than before.
        if integerSide.kind == .integerLiteralExpr { return try applyBinary(op, lhs, rhs, at: infix.operator) }
        guard Self.takesContextType(integerSide) else {
            throw mixingError(op, lhs, rhs, integerSide, other: integerOnLeft ? infix.rightOperand : infix.leftOperand,
                              integerOnLeft: integerOnLeft, at: infix.operator)
        }
        // `7 / 2 * 1.0` is 3.5 in Swift: every literal there is a Double, so the integer side is recomputed as one.
        guard let exact = Self.literalDouble(integerSide) else { return try applyBinary(op, lhs, rhs, at: infix.operator) }
        return try applyBinary(op, integerOnLeft ? .double(exact) : lhs, integerOnLeft ? rhs : .double(exact), at: infix.operator)
    }

    /// The right side of `place op= value` where one side is an `Int` and the other a `Double`, or swiftc's error.
    func compoundOperand(_ op: String, _ place: Value, _ rhs: Value, _ infix: InfixOperatorExprSyntax) throws -> Value {
        if case .int = place {
            if Self.takesContextType(infix.leftOperand) { return rhs }
            // `xs[i] += 0.5`, or `d[key]! += 0.5` through the dictionary's optional.
            let written = infix.leftOperand.as(ForceUnwrapExprSyntax.self)?.expression ?? infix.leftOperand
            if let element = written.as(SubscriptCallExprSyntax.self) {
                try Self.checkElementPlace(element, rhs, rhs: infix.rightOperand)
                return rhs
            }
            let place = Self.excerpt(infix.leftOperand)
            let name = infix.leftOperand.as(MemberAccessExprSyntax.self)?.declName.baseName.text ?? place
            throw SnippetError(
                "binary operator '\(op)' cannot be applied to operands of type 'Int' and 'Double': '\(place)' holds an Int "
                    + "(an integer literal such as `0` makes an Int), and Swift never turns it into a Double; "
                    + "declare it a Double, e.g. `var \(name) = 0.0`", at: infix.operator)
        }
        guard Self.takesContextType(infix.rightOperand) else {
            throw mixingError(op, place, rhs, infix.rightOperand, other: infix.leftOperand, integerOnLeft: false, at: infix.operator)
        }
        return Self.literalDouble(infix.rightOperand).map { .double($0) } ?? rhs
    }

    /// The error swiftc gives for `n * 0.5`, with the conversion to write instead.
    func mixingError(
        _ op: String, _ lhs: Value, _ rhs: Value, _ integerSide: ExprSyntax, other: ExprSyntax, integerOnLeft: Bool, at node: some SyntaxProtocol
    ) -> SnippetError {
        let converted = "Double(\(Self.excerpt(integerSide)))"
        let fix = integerOnLeft ? "\(converted) \(op) \(Self.excerpt(other))" : "\(Self.excerpt(other)) \(op) \(converted)"
        return SnippetError(
            "binary operator '\(op)' cannot be applied to operands of type '\(lhs.typeName)' and '\(rhs.typeName)': "
                + "Swift never turns an Int into a Double by itself; convert it: `\(fix)`", at: node)
    }

    /// `let x: Double = n`, `f(n)` for a `Double` parameter: swiftc converts a literal there, never an `Int` that has its type.
    ///
    /// `written` is what was written for the value: an expression or a call's argument; anything else
    /// (a value a builtin passes on) is not checked.
    func checkConversion(_ value: Value, to type: TypeSyntax, written: Syntax, role: String) throws {
        guard case .int = value else { return }
        var base = type
        if let optional = type.as(OptionalTypeSyntax.self) { base = optional.wrappedType }
        guard base.as(IdentifierTypeSyntax.self)?.name.text == "Double" else { return }
        try checkIntegerToDouble(written: written, role: role)
    }

    /// The error for an `Int` that has its type, written where a `Double` is expected; nothing for a literal.
    func checkIntegerToDouble(written: Syntax, role: String) throws {
        guard let expression = written.as(LabeledExprSyntax.self)?.expression ?? written.as(ExprSyntax.self),
              !Self.takesContextType(expression) else { return }
        throw SnippetError(
            "cannot convert value of type 'Int' to \(role) 'Double': Swift never turns an Int into a Double by itself; "
                + "write `Double(\(Self.excerpt(expression)))`", at: expression)
    }

    /// `print(flag ? 1 : 2.5)` prints `1`: swiftc types an item of `print` as `Any`, so each branch keeps its own type.
    static func isPrintItem(_ expression: TernaryExprSyntax) -> Bool {
        guard let item = expression.parent?.as(LabeledExprSyntax.self), item.label == nil,
              let call = item.parent?.parent?.as(FunctionCallExprSyntax.self) else { return false }
        return call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text == "print"
    }

    /// `[1, 2.5]` is a `[Double]`, as swiftc infers it; `let xs = [n, 2.5]` is an error there.
    ///
    /// A literal holding anything but numbers is written for an `[Any]` (`rows.append([n, "adam", 0.1])`),
    /// and one passed or annotated may be too, so only a literal bound by a plain `let`/`var` refuses a typed `Int`.
    func unifyNumbers(_ items: inout [Value], _ elements: some Sequence<ExprSyntax>, in literal: some SyntaxProtocol) throws {
        var integers = false, doubles = false, rows = false
        for item in items {
            switch item {
            case .int: integers = true
            case .double: doubles = true
            case .array: rows = true
            default: return
            }
        }
        if rows {
            if !integers, !doubles { Self.unifyRows(&items, elements) }
            return
        }
        guard integers, doubles else { return }
        let bound = literal.parent?.as(InitializerClauseSyntax.self)?.parent?.as(PatternBindingSyntax.self).map { $0.typeAnnotation == nil } ?? false
        for (index, element) in zip(items.indices, elements) {
            guard case let .int(integer) = items[index], bound || Self.takesContextType(element) else { continue }
            items[index] = try Self.contextDouble(integer, written: element, where: "this literal mixes Int and Double elements")
        }
    }

    /// `[[0, 1], [1.5, 2]]` is a `[[Double]]`: a row of integer literals takes the type of the rows holding Doubles.
    private static func unifyRows(_ rows: inout [Value], _ elements: some Sequence<ExprSyntax>) {
        var integers = false, doubles = false
        for row in rows {
            guard case let .array(items) = row else { return }
            for item in items {
                switch item {
                case .int: integers = true
                case .double: doubles = true
                default: return
                }
            }
        }
        guard integers, doubles else { return }
        for (index, written) in zip(rows.indices, elements) {
            guard case var .array(items) = rows[index], let literal = written.as(ArrayExprSyntax.self) else { continue }
            for (position, element) in zip(items.indices, literal.elements) {
                guard case let .int(integer) = items[position], takesContextType(element.expression) else { continue }
                items[position] = .double(literalDouble(element.expression) ?? Double(integer))
            }
            rows[index] = .array(items)
        }
    }

    /// An integer written where a Double is inferred, as a Double; an error when it is typed `Int`.
    static func contextDouble(_ integer: Int, written expression: ExprSyntax, where mismatch: String) throws -> Value {
        guard takesContextType(expression) else {
            throw SnippetError(
                "\(mismatch), and Swift never turns an Int into a Double by itself; "
                    + "write `Double(\(excerpt(expression)))`", at: expression)
        }
        return .double(literalDouble(expression) ?? Double(integer))
    }

    /// Whether an `Int` written as `expression` gets its type from where it is used, as a literal does in Swift.
    static func takesContextType(_ expression: ExprSyntax) -> Bool {
        switch expression.as(ExprSyntaxEnum.self) {
        case .integerLiteralExpr, .floatLiteralExpr:
            return true
        case let .tupleExpr(tuple):
            guard tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil else { return false }
            return takesContextType(only.expression)
        case let .prefixOperatorExpr(prefix):
            return takesContextType(prefix.expression)
        case let .infixOperatorExpr(infix):
            guard let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text, ["+", "-", "*", "/", "%"].contains(op) else { return false }
            return takesContextType(infix.leftOperand) && takesContextType(infix.rightOperand)
        case let .ternaryExpr(ternary):
            return takesContextType(ternary.thenExpression) && takesContextType(ternary.elseExpression)
        case let .declReferenceExpr(reference):
            return isUntypedParameter(reference)
        case let .memberAccessExpr(access):
            // `$0.0` or `pair.x` of an untyped closure parameter: its parts were inferred with it
            // (but an `enumerated()` element's `offset` is an `Int`).
            guard access.declName.baseName.text != "offset" else { return false }
            return access.base.map(takesContextType) ?? false
        case let .subscriptCallExpr(subscriptCall):
            return takesContextType(subscriptCall.calledExpression)
        case let .forceUnwrapExpr(unwrap):
            return takesContextType(unwrap.expression)
        default:
            return false
        }
    }

    /// A closure parameter declared without a type (`$0`, `{ x in … }`) or a function parameter of a generic type.
    private static func isUntypedParameter(_ reference: DeclReferenceExprSyntax) -> Bool {
        let name = reference.baseName.text
        var node = reference.parent
        while let current = node {
            if let closure = current.as(ClosureExprSyntax.self) {
                // `$1` of the closure it is written in; `ints.map { $0 * 0.5 }` gets typed elements.
                if name.hasPrefix("$") {
                    if closure.signature?.parameterClause != nil { node = current.parent; continue }
                    return !receivesTypedElement(closure, position: Int(name.dropFirst()) ?? 0, parameterCount: nil)
                }
                switch closure.signature?.parameterClause {
                case let .simpleInput(names):
                    if let position = names.firstIndex(where: { $0.name.text == name }) {
                        return !receivesTypedElement(closure, position: names.distance(from: names.startIndex, to: position), parameterCount: names.count)
                    }
                case let .parameterClause(parameters):
                    if let position = parameters.parameters.firstIndex(where: { ($0.secondName ?? $0.firstName).text == name }) {
                        guard parameters.parameters[position].type == nil else { return false }
                        let index = parameters.parameters.distance(from: parameters.parameters.startIndex, to: position)
                        return !receivesTypedElement(closure, position: index, parameterCount: parameters.parameters.count)
                    }
                case nil:
                    break
                }
            } else if let function = current.as(FunctionDeclSyntax.self) {
                if let parameter = function.signature.parameterClause.parameters.first(where: { ($0.secondName ?? $0.firstName).text == name }) {
                    let generics = Set(function.genericParameterClause?.parameters.map(\.name.text) ?? [])
                    return parameter.type.tokens(viewMode: .sourceAccurate).contains { generics.contains($0.text) }
                }
            }
            node = current.parent
        }
        return false
    }

    /// The value of arithmetic on integer literals computed in Double (`7 / 2` as 3.5); nil for anything else.
    static func literalDouble(_ expression: ExprSyntax) -> Double? {
        if expression.is(IntegerLiteralExprSyntax.self) || expression.is(DeclReferenceExprSyntax.self) { return nil }
        return literalValue(expression)
    }

    private static func literalValue(_ expression: ExprSyntax) -> Double? {
        switch expression.as(ExprSyntaxEnum.self) {
        case let .integerLiteralExpr(literal):
            return Int(literal.literal.text.replacingOccurrences(of: "_", with: "")).map(Double.init)
        case let .floatLiteralExpr(literal):
            return Double(literal.literal.text.replacingOccurrences(of: "_", with: ""))
        case let .tupleExpr(tuple):
            guard tuple.elements.count == 1, let only = tuple.elements.first else { return nil }
            return literalValue(only.expression)
        case let .prefixOperatorExpr(prefix) where prefix.operator.text == "-":
            return literalValue(prefix.expression).map { -$0 }
        case let .infixOperatorExpr(infix):
            guard let a = literalValue(infix.leftOperand), let b = literalValue(infix.rightOperand) else { return nil }
            switch infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text {
            case "+": return a + b
            case "-": return a - b
            case "*": return a * b
            case "/": return a / b
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Source text short enough for a message.
    static func excerpt(_ expression: ExprSyntax) -> String {
        let text = expression.trimmedDescription
        return text.count > 40 ? String(text.prefix(39)) + "…" : text
    }
}
