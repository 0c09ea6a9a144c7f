import Descent

extension BuiltinRegistry {
    /// `Variable`, its differentiable operations, and `gradientCheck`, `valueWithGradient`, `gradient`.
    func registerAutodiff() {
        function("Variable", ["_value", "requiresGrad?"]) { args in
            .variable(Variable(try args.tensor("value"), requiresGrad: try args.bool("requiresGrad", default: false)))
        }
        func variable(_ value: Value) -> Variable {
            if case let .variable(v) = value { return v }
            return Variable(Tensor(0))
        }
        getter(of: "Variable", "value") { .tensor(variable($0).value) }
        getter(of: "Variable", "grad") { value in .optional(variable(value).grad.map { .tensor($0) }) }
        getter(of: "Variable", "shape") { .array(variable($0).shape.map { .int($0) }) }
        getter(of: "Variable", "transposed") { .variable(variable($0).transposed) }
        for (name, body) in Self.variableUnary {
            method(of: "Variable", name, []) { receiver, _ in .variable(body(variable(receiver))) }
        }
        method(of: "Variable", "pow", ["_exponent"]) { receiver, args in .variable(variable(receiver).pow(try args.double("exponent"))) }
        method(of: "Variable", "clamped", ["min?", "max?"]) { receiver, args in
            .variable(variable(receiver).clamped(min: try args.double("min", default: -.infinity), max: try args.double("max", default: .infinity)))
        }
        method(of: "Variable", "sum", []) { receiver, _ in .variable(variable(receiver).sum()) }
        method(of: "Variable", "mean", []) { receiver, _ in .variable(variable(receiver).mean()) }
        method(of: "Variable", "max", []) { receiver, _ in .variable(try variable(receiver).max()) }
        method(of: "Variable", "min", []) { receiver, _ in .variable(try variable(receiver).min()) }
        method(of: "Variable", "sum", ["axis"]) { receiver, args in .variable(try variable(receiver).sum(axis: try args.int("axis"))) }
        method(of: "Variable", "mean", ["axis"]) { receiver, args in .variable(try variable(receiver).mean(axis: try args.int("axis"))) }
        method(of: "Variable", "max", ["axis"]) { receiver, args in .variable(try variable(receiver).max(axis: try args.int("axis"))) }
        method(of: "Variable", "min", ["axis"]) { receiver, args in .variable(try variable(receiver).min(axis: try args.int("axis"))) }
        method(of: "Variable", "matmul", ["_other"]) { receiver, args in
            .variable(try variable(receiver).matmul(try Self.variableArgument(args, "other")))
        }
        method(of: "Variable", "maximum", ["_other"]) { receiver, args in
            .variable(try variable(receiver).maximum(try Self.variableArgument(args, "other")))
        }
        method(of: "Variable", "minimum", ["_other"]) { receiver, args in
            .variable(try variable(receiver).minimum(try Self.variableArgument(args, "other")))
        }
        method(of: "Variable", "reshaped", ["_shape"]) { receiver, args in .variable(try variable(receiver).reshaped(try self.shape(args, "shape"))) }
        method(of: "Variable", "rows", ["_indices"]) { receiver, args in
            .variable(try variable(receiver).rows(try args.array("indices").map { value -> Int in
                guard case let .int(i) = value else { throw SnippetError("row indices must be Ints") }
                return i
            }))
        }
        method(of: "Variable", "backward", []) { receiver, _ in
            try variable(receiver).backward()
            return .void
        }
        registerGradients()
    }

    /// The elementwise operations a `Variable` and a `Tensor` share, by name.
    static var variableUnary: [(String, @Sendable (Variable) -> Variable)] {
        [
            ("exp", { $0.exp() }), ("log", { $0.log() }), ("sqrt", { $0.sqrt() }), ("abs", { $0.abs() }),
            ("squared", { $0.squared() }), ("tanh", { $0.tanh() }), ("sigmoid", { $0.sigmoid() }), ("relu", { $0.relu() }),
        ]
    }

    static func variableArgument(_ args: Arguments, _ name: String) throws -> Variable {
        guard let v = try VariableOperators.variable(from: try args.value(name)) else {
            throw args.fail(name, "a Variable, a Tensor or a number")
        }
        return v
    }

    private func registerGradients() {
        function("gradientCheck", ["at", "step?", "{of"]) { args in
            let formula = try Self.formula(args)
            let step = try args.double("step", default: 1e-6)
            let result: GradientCheckResult
            if let inputs = try Self.tensorList(args.value("at")) {
                result = try gradientCheck(at: inputs, step: step) { try formula(.array($0.map { .variable($0) })) }
            } else {
                result = try gradientCheck(at: try args.tensor("at"), step: step) { try formula(.variable($0)) }
            }
            return .native(NativeValue(typeName: "GradientCheckResult", payload: result))
        }
        function("valueWithGradient", ["at", "{of"]) { args in
            let formula = try Self.formula(args)
            if let inputs = try Self.tensorList(args.value("at")) {
                let (value, gradients) = try valueWithGradient(at: inputs) { try formula(.array($0.map { .variable($0) })) }
                return .tuple([.double(value), .array(gradients.map { .tensor($0) })], labels: ["value", "gradients"])
            }
            let (value, gradient) = try valueWithGradient(at: try args.tensor("at")) { try formula(.variable($0)) }
            return .tuple([.double(value), .tensor(gradient)], labels: ["value", "gradient"])
        }
        function("gradient", ["at", "{of"]) { args in
            let formula = try Self.formula(args)
            return .tensor(try gradient(at: try args.tensor("at")) { try formula(.variable($0)) })
        }
        func check(_ value: Value) throws -> GradientCheckResult {
            guard case let .native(native) = value, let result = native.payload as? GradientCheckResult else {
                throw SnippetError("expected a gradient check result")
            }
            return result
        }
        getter(of: "GradientCheckResult", "maxRelativeError") { .double(try check($0).maxRelativeError) }
        getter(of: "GradientCheckResult", "maxAbsoluteError") { .double(try check($0).maxAbsoluteError) }
        getter(of: "GradientCheckResult", "analytic") { .array(try check($0).analytic.map { .tensor($0) }) }
        getter(of: "GradientCheckResult", "numeric") { .array(try check($0).numeric.map { .tensor($0) }) }
    }

    /// `[Tensor(...), Tensor(...)]`: several inputs, so the closure receives an array of variables.
    private static func tensorList(_ value: Value) throws -> [Tensor]? {
        guard case let .array(items) = value, !items.isEmpty else { return nil }
        let tensors = items.compactMap { item -> Tensor? in
            if case let .tensor(t) = item { return t }
            return nil
        }
        return tensors.count == items.count ? tensors : nil
    }

    /// The `of:` closure as a Swift function from its argument to a one-element variable.
    private static func formula(_ args: Arguments) throws -> (Value) throws -> Variable {
        let function = try args.function("of")
        let node = args.node("of")
        return { argument in
            let result = try args.interpreter.call(function, with: [argument], at: node)
            guard let output = try VariableOperators.variable(from: result) else {
                throw SnippetError("the closure must return a Variable such as (w * w).sum(), got \(result.typeName)", at: node)
            }
            return output
        }
    }
}
