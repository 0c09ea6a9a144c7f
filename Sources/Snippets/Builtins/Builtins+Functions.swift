import Descent

extension BuiltinRegistry {
    /// The 2-D test functions, `Function2D(name) { x, y in ... }`, and evaluating any objective.
    func registerFunctions() {
        objective("Rosenbrock", ["a?", "b?"]) { a in Rosenbrock(a: try a.double("a", default: 1), b: try a.double("b", default: 100)) }
        objective("Beale", []) { _ in Beale() }
        objective("Booth", []) { _ in Booth() }
        objective("Himmelblau", []) { _ in Himmelblau() }
        objective("Rastrigin", ["A?"]) { a in Rastrigin(A: try a.double("A", default: 10)) }
        objective("Ravine", []) { _ in Ravine() }
        objective("Quadratic", ["a?", "b?"]) { a in Quadratic(a: try a.double("a", default: 1), b: try a.double("b", default: 1)) }
        objective("Saddle", []) { _ in Saddle() }
        function("Function2D", ["_name", "bounds?", "minima?", "{_f"]) { args in
            let callback = InterpretedClosure(args.interpreter, try args.function("f"), at: args.node("f"))
            let bounds = try args.has("bounds") ? Self.bounds(args, "bounds") : nil
            let minima = try args.has("minima") ? args.array("minima").map { try BuiltinConversions.doubles(from: $0) } : []
            let function = Function2D(try args.string("name"), bounds: bounds, minima: minima) { x, y in callback.jet(x, y) }
            return .native(NativeValue(typeName: "Objective", payload: InterpretedObjective(objective: function, callback: callback), sourceText: args.sourceText))
        }
        function("Function", ["_name", "bounds?", "minima?", "{_f"]) { args in
            let callback = InterpretedClosure(args.interpreter, try args.function("f"), at: args.node("f"))
            let bounds = try args.has("bounds") ? Self.bounds(args, "bounds") : nil
            let minima = try args.has("minima") ? args.array("minima").map { try BuiltinConversions.doubles(from: $0) } : []
            let function = Function(try args.string("name"), bounds: bounds, minima: minima) { w in try callback.variable(w) }
            return .native(NativeValue(typeName: "Objective", payload: InterpretedObjective(objective: function, callback: callback), sourceText: args.sourceText))
        }
        getter(of: "Objective", "name") { .string(try Self.objective($0).name) }
        getter(of: "Objective", "minima") { .array(try Self.objective($0).minima.map { .array($0.map { .double($0) }) }) }
        method(of: "Objective", "value", ["at"]) { receiver, args in
            let objective = try Self.objective(receiver)
            let value = try objective.value(at: try args.tensor("at"))
            try Self.rethrowCallback(receiver)
            return .double(value)
        }
        method(of: "Objective", "gradient", ["at"]) { receiver, args in
            let objective = try Self.objective(receiver)
            let gradient = try objective.valueAndGradient(at: try args.tensor("at")).gradient
            try Self.rethrowCallback(receiver)
            return .tensor(gradient)
        }
        method(of: "Objective", "hessian", ["at"]) { receiver, args in
            let objective = try Self.objective(receiver)
            guard let hessian = try objective.hessian(at: try args.tensor("at")) else {
                throw SnippetError("\(objective.name) has no exact Hessian")
            }
            try Self.rethrowCallback(receiver)
            return .tensor(hessian)
        }
    }

    private func objective(_ name: String, _ specs: [String], _ make: @escaping (Arguments) throws -> any Objective) {
        function(name, specs) { args in
            .native(NativeValue(typeName: "Objective", payload: try make(args), sourceText: args.sourceText))
        }
    }

    /// The Descent objective inside a value, unwrapping an interpreted `Function2D`.
    static func objective(_ value: Value) throws -> any Objective {
        guard case let .native(native) = value else { throw SnippetError("expected a function to minimize, got \(value.typeName)") }
        if let interpreted = native.payload as? InterpretedObjective { return interpreted.objective }
        if let objective = native.payload as? any Objective { return objective }
        throw SnippetError("expected a function to minimize, got \(native.typeName)")
    }

    static func rethrowCallback(_ value: Value) throws {
        if case let .native(native) = value, let interpreted = native.payload as? InterpretedObjective {
            try interpreted.callback.rethrow()
        }
    }

    /// `(xMin, xMax, yMin, yMax)` written as a tuple or an array of four numbers.
    static func bounds(_ args: Arguments, _ name: String) throws -> PlotBounds {
        let items: [Value]
        switch try args.value(name) {
        case let .tuple(values, _): items = values
        case let .array(values): items = values
        default: throw args.fail(name, "(xMin, xMax, yMin, yMax)")
        }
        let numbers = items.compactMap(\.asDouble)
        guard numbers.count == 4, items.count == 4 else { throw args.fail(name, "(xMin, xMax, yMin, yMax)") }
        return (numbers[0], numbers[1], numbers[2], numbers[3])
    }
}

/// A `Function2D` or `Function` whose formula is snippet code, with the callback that may hold its error.
struct InterpretedObjective: @unchecked Sendable {
    let objective: any Objective
    let callback: InterpretedClosure
}
