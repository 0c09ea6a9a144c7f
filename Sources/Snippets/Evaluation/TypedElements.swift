import SwiftSyntax

/// Where a collection's elements already have their types: closure parameters (`ints.map { $0 * 0.5 }`) and `xs[i] += 0.5`.
///
/// swiftc infers an untyped closure parameter from the call it is passed to: `[1, 2].map { $0 * 0.5 }`
/// makes the literal a `[Double]`, but over `ints`, an `[Int]` bound to a name, `$0` is an `Int` and the
/// product is rejected. Values carry no static types here, so the receiver's syntax decides, as
/// `takesContextType` decides for the `Int` side of an operator: a literal (and calls chained on it) takes
/// its type from the closure; a name, a property, a range or a function's result has its type already.
/// The accumulator of `reduce(0)` and `reduce(into: 0)` takes the type of its seed, as in Swift.
/// An element read with a subscript has the collection's element type, so `xs[i] += 0.5` is refused for an
/// `[Int]`; only a dictionary default written as a literal (`sums[key, default: 0] += x`) is left to run:
/// swiftc infers that `0` from the dictionary's type, which the values here do not show.
extension Interpreter {
    /// The standard library's sequence methods whose closures receive the receiver's elements.
    private static let elementMethods: Set<String> = [
        "map", "compactMap", "flatMap", "filter", "forEach", "reduce", "sorted", "sort", "contains", "first", "last",
        "firstIndex", "lastIndex", "allSatisfy", "min", "max", "drop", "prefix", "removeAll", "mapValues", "count",
    ]

    /// True when parameter `position` of `closure` is given a typed element, so an `Int` there stays an `Int`.
    static func receivesTypedElement(_ closure: ClosureExprSyntax, position: Int, parameterCount: Int?) -> Bool {
        guard let (call, receiver) = elementCall(of: closure),
              let method = call.calledExpression.as(MemberAccessExprSyntax.self)?.declName.baseName.text else { return false }
        if method == "reduce", position == 0 {
            // The accumulator: `reduce(0)` seeds it with a literal, which takes the closure's type; `reduce(n)` does not.
            guard let seed = call.arguments.first?.expression else { return false }
            return !takesContextType(seed)
        }
        if let parameterCount, parameterCount >= 2, position == 0, isEnumerated(receiver) { return true }
        // One parameter over `zip(a, b)` is the whole pair: typed when either sequence is.
        return elementsHaveTypes(receiver, part: method == "reduce" || parameterCount == 1 ? nil : position)
    }

    /// `xs.map { … }` or `xs.reduce(0) { … }`: the call of a sequence method the closure is passed to, and its receiver.
    private static func elementCall(of closure: ClosureExprSyntax) -> (FunctionCallExprSyntax, ExprSyntax)? {
        var node = closure.parent
        if node?.is(LabeledExprSyntax.self) == true { node = node?.parent?.parent }
        guard let call = node?.as(FunctionCallExprSyntax.self),
              let member = call.calledExpression.as(MemberAccessExprSyntax.self), let receiver = member.base,
              elementMethods.contains(member.declName.baseName.text) else { return nil }
        return (call, receiver)
    }

    /// `xs.enumerated()`, whose elements' first part is an offset: an `Int` whichever elements `xs` holds.
    private static func isEnumerated(_ receiver: ExprSyntax) -> Bool {
        receiver.as(FunctionCallExprSyntax.self)?.calledExpression.as(MemberAccessExprSyntax.self)?.declName.baseName.text == "enumerated"
    }

    /// Whether the elements of `receiver` have their types already; `part` picks a sequence of `zip`.
    static func elementsHaveTypes(_ receiver: ExprSyntax, part: Int?) -> Bool {
        switch receiver.as(ExprSyntaxEnum.self) {
        case let .arrayExpr(array):
            return !array.elements.allSatisfy { isLiteral($0.expression) }
        case let .dictionaryExpr(dictionary):
            guard case let .elements(pairs) = dictionary.content else { return false }
            return !pairs.allSatisfy { isLiteral($0.value) }
        case let .tupleExpr(tuple) where tuple.elements.count == 1:
            return tuple.elements.first.map { elementsHaveTypes($0.expression, part: part) } ?? true
        case let .functionCallExpr(call):
            if let member = call.calledExpression.as(MemberAccessExprSyntax.self) {
                // `[1, 2].sorted().map`: a method chained on a literal keeps the literal's freedom.
                return member.base.map { elementsHaveTypes($0, part: nil) } ?? true
            }
            let arguments = Array(call.arguments)
            switch call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text {
            case "zip":
                if let part, part < arguments.count { return elementsHaveTypes(arguments[part].expression, part: nil) }
                return arguments.contains { elementsHaveTypes($0.expression, part: nil) }
            case "stride":
                return !arguments.allSatisfy { isLiteral($0.expression) }
            case "Array", "Set":
                guard let first = arguments.first else { return false }
                return first.label?.text == "repeating" ? !isLiteral(first.expression) : elementsHaveTypes(first.expression, part: nil)
            default:
                return true
            }
        default:
            // A name, a property, a range, a subscript: typed, unless it is itself an untyped closure parameter.
            return !takesContextType(receiver)
        }
    }

    /// A literal whose type comes from where it is used: a number, a string, or a collection or tuple of them.
    private static func isLiteral(_ expression: ExprSyntax) -> Bool {
        switch expression.as(ExprSyntaxEnum.self) {
        case .stringLiteralExpr, .booleanLiteralExpr, .nilLiteralExpr:
            return true
        case let .arrayExpr(array):
            return array.elements.allSatisfy { isLiteral($0.expression) }
        case let .tupleExpr(tuple):
            return tuple.elements.allSatisfy { isLiteral($0.expression) }
        case let .dictionaryExpr(dictionary):
            guard case let .elements(pairs) = dictionary.content else { return true }
            return pairs.allSatisfy { isLiteral($0.value) }
        default:
            return takesContextType(expression)
        }
    }

    /// Throws swiftc's error for `element op= value` when `element` is an `Int` read from a collection.
    static func checkElementPlace(_ element: SubscriptCallExprSyntax, _ value: Value, rhs: ExprSyntax) throws {
        if let fallback = element.arguments.first(where: { $0.label?.text == "default" }), takesContextType(fallback.expression) { return }
        let collection = excerpt(element.calledExpression)
        throw SnippetError(
            "cannot convert value of type '\(value.typeName)' to expected argument type 'Int': '\(excerpt(ExprSyntax(element)))' "
                + "is an element of '\(collection)', which holds Ints, and Swift never turns an Int into a Double; "
                + "make its elements Doubles (`[0.0, 1.0]`, or declare it `[Double]`)", at: rhs)
    }

    /// `xs.append(1)` on an array of Doubles stores `1.0`, as swiftc types the literal; `xs.append(n)` is its error.
    ///
    /// An empty array shows no type (a `var` declared `[Double]` is handled where it is mutated). A
    /// non-empty one's elements share one type, so its ends stand for all of it and appending stays O(1).
    func element(_ element: Value, joining items: [Value], written: Syntax) throws -> Value {
        guard let first = items.first, let last = items.last else { return element }
        // An `[Int?]` holds optionals: what is appended to it is a present optional, as Swift promotes it.
        if first.isOptional || last.isOptional { return element.isOptional || element.isVoid ? element : .some(element) }
        guard case let .int(integer) = element, case .double = first, case .double = last,
              let expression = written.as(LabeledExprSyntax.self)?.expression ?? written.as(ArrayElementSyntax.self)?.expression
        else { return element }
        try checkIntegerToDouble(written: Syntax(expression), role: "expected argument type")
        return .double(Self.literalDouble(expression) ?? Double(integer))
    }

    /// `xs.append(contentsOf: [1, 2])` on an array of Doubles appends `1.0` and `2.0`, element by element as `append`.
    func elements(_ added: [Value], joining items: [Value], written: Syntax) throws -> [Value] {
        guard let literal = written.as(LabeledExprSyntax.self)?.expression.as(ArrayExprSyntax.self),
              literal.elements.count == added.count else { return added }
        return try zip(added, literal.elements).map { try element($0, joining: items, written: Syntax($1)) }
    }

    /// `Double` in `Array<Double>(…)` or `[Double](…)`: the element type written in an array's initializer call.
    static func writtenElementType(_ callee: ExprSyntax) -> TypeSyntax? {
        if let specialization = callee.as(GenericSpecializationExprSyntax.self),
           specialization.expression.as(DeclReferenceExprSyntax.self)?.baseName.text == "Array",
           specialization.genericArgumentClause.arguments.count == 1 {
            return specialization.genericArgumentClause.arguments.first?.argument.as(TypeSyntax.self)
        }
        guard let array = callee.as(ArrayExprSyntax.self), array.elements.count == 1,
              let name = array.elements.first?.expression.as(DeclReferenceExprSyntax.self)?.baseName,
              name.text.first?.isUppercase == true else { return nil }
        return TypeSyntax(IdentifierTypeSyntax(name: name.trimmed))
    }

    /// `Array<Double>(repeating: 0, count: n)`: `Array(…)` with its elements of the written type (`0` becomes `0.0`).
    func typedArray(of element: TypeSyntax, _ arguments: [Argument], at call: FunctionCallExprSyntax, in scope: Environment) throws -> Value {
        for argument in arguments where argument.label == "repeating" {
            try checkConversion(argument.value, to: element, written: argument.node, role: "expected argument type")
        }
        let initializer = try evaluate(ExprSyntax(DeclReferenceExprSyntax(baseName: .identifier("Array"))), in: scope)
        let made = try callValue(initializer, arguments, at: call)
        return try coerce(made, to: TypeSyntax(ArrayTypeSyntax(element: element)), at: call)
    }
}
