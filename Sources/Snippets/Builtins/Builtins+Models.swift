import Descent

extension BuiltinRegistry {
    /// Layers, `Sequential { ... }`, initializers, losses, penalties, schedules and stopping criteria.
    func registerModels() {
        layer("Dense", ["_inputs", "_outputs", "init?", "bias?", "seed?"]) { a in
            let (inputs, outputs) = (try a.int("inputs"), try a.int("outputs"))
            // Dense draws its weight without throwing, so a weight too big to allocate is refused here.
            if inputs > 0, outputs > 0 { _ = try ExecutionLimits.elementCount(of: [inputs, outputs], operation: "Dense(\(inputs), \(outputs))") }
            return Dense(inputs, outputs,
                  init: try a.optionalNative("init", Initializer.self, kind: "Initializer") ?? .uniform,
                  bias: try a.bool("bias", default: true), seed: try a.int("seed", default: 0))
        }
        layer("ReLU", []) { _ in ReLU() }
        layer("Sigmoid", []) { _ in Sigmoid() }
        layer("Tanh", []) { _ in Tanh() }
        layer("PReLU", ["slope?"]) { a in PReLU(slope: try a.double("slope", default: 0.25)) }
        layer("Dropout", ["_p", "form?"]) { a in
            Dropout(try a.double("p"), form: try a.optionalNative("form", DropoutForm.self, kind: "DropoutForm") ?? .inverted)
        }
        member(of: "DropoutForm", "classic", nil) { _ in .native(NativeValue(typeName: "DropoutForm", payload: DropoutForm.classic)) }
        member(of: "DropoutForm", "inverted", nil) { _ in .native(NativeValue(typeName: "DropoutForm", payload: DropoutForm.inverted)) }
        function("Sequential", ["seed?", "{_layers"]) { args in
            let layers = try args.built("layers").map { value -> any Layer in
                guard case let .native(native) = value, let layer = native.payload as? any Layer else {
                    throw SnippetError("each line of a Sequential block must be a layer such as Dense(2, 8) or ReLU(), got \(value.typeName)", at: args.node("layers"))
                }
                return layer
            }
            let model = Sequential(seed: try args.int("seed", default: 0), layers: layers)
            try model.validate()
            return .native(NativeValue(typeName: "Sequential", payload: model, sourceText: args.sourceText))
        }
        func model(_ value: Value) throws -> any Layer {
            guard case let .native(native) = value, let layer = native.payload as? any Layer else { throw SnippetError("expected a layer or model") }
            return layer
        }
        for type in ["Sequential", "Layer"] {
            getter(of: type, "parameterCount") { .int(try model($0).parameterCount) }
            getter(of: type, "parameters") { .array(try model($0).parameters.map { .tensor($0) }) }
            method(of: type, "predict", ["_x"]) { receiver, args in .tensor(try model(receiver).predict(try args.tensor("x"))) }
        }
        // `net.parameters = net.parameters.map { $0 * 2 }`: a lesson rescales initial weights (the notes' slips)
        // as PyTorch does with `w.mul_(...)` under `no_grad`. Count and shapes must stay, or the model would fail later.
        setter(of: "Sequential", "parameters") { receiver, newValue in
            guard case let .native(native) = receiver, var sequential = native.payload as? Sequential else {
                throw SnippetError("expected a Sequential model")
            }
            guard case let .array(items) = newValue else {
                throw SnippetError("parameters of a Sequential are an array of tensors, got \(newValue.typeName)")
            }
            let tensors = try items.enumerated().map { index, item -> Tensor in
                guard case let .tensor(tensor) = item else {
                    throw SnippetError("parameter \(index) must be a Tensor, got \(item.typeName)")
                }
                return tensor
            }
            let shapes = sequential.parameters.map(\.shape)
            guard tensors.map(\.shape) == shapes else {
                throw SnippetError("this model's parameters are \(shapes.count) tensors of shapes \(shapes), got \(tensors.count) "
                    + "of shapes \(tensors.map(\.shape)); change their values, not their number or shapes (model.parameters.map { $0 * 2 })")
            }
            sequential.parameters = tensors
            receiver = .native(NativeValue(typeName: "Sequential", payload: sequential, sourceText: native.sourceText))
        }

        for (name, initializer) in [("zeros", Initializer.zeros), ("uniform", .uniform), ("xavier", .xavier), ("xavierNormal", .xavierNormal),
                                    ("he", .he), ("heUniform", .heUniform), ("orthogonal", .orthogonal)] {
            member(of: "Initializer", name, nil) { _ in .native(NativeValue(typeName: "Initializer", payload: initializer)) }
        }
        member(of: "Initializer", "constant", ["_value"]) { args in
            .native(NativeValue(typeName: "Initializer", payload: Initializer.constant(try args.double("value"))))
        }
        for (name, loss) in [("mse", Loss.mse), ("halfSumSquared", .halfSumSquared), ("bce", .bce), ("bceWithLogits", .bceWithLogits),
                             ("crossEntropy", .crossEntropy), ("hinge", .hinge)] {
            member(of: "Loss", name, nil) { _ in .native(NativeValue(typeName: "Loss", payload: loss)) }
        }
        member(of: "Penalty", "l2", ["_lambda"]) { args in .native(NativeValue(typeName: "Penalty", payload: Penalty.l2(try args.double("lambda")))) }
        member(of: "Penalty", "l1", ["_lambda"]) { args in .native(NativeValue(typeName: "Penalty", payload: Penalty.l1(try args.double("lambda")))) }
        registerSchedules()
        registerStopping()
        function("accuracy", ["_output", "_target", "threshold?"]) { args in
            .double(try accuracy(try args.tensor("output"), try args.tensor("target"), threshold: try args.double("threshold", default: 0)))
        }
    }

    private func layer(_ name: String, _ specs: [String], _ make: @escaping (Arguments) throws -> any Layer) {
        function(name, specs) { args in .native(NativeValue(typeName: "Layer", payload: try make(args), sourceText: args.sourceText)) }
    }

    private func registerSchedules() {
        func schedule(_ value: Schedule) -> Value { .native(NativeValue(typeName: "Schedule", payload: value)) }
        member(of: "Schedule", "constant", nil) { _ in schedule(.constant) }
        member(of: "Schedule", "step", ["every", "factor"]) { a in schedule(.step(every: try a.int("every"), factor: try a.double("factor"))) }
        member(of: "Schedule", "exponential", ["T"]) { a in schedule(.exponential(T: try a.double("T"))) }
        member(of: "Schedule", "linear", ["T", "end?"]) { a in schedule(.linear(T: try a.double("T"), end: try a.double("end", default: 0))) }
        member(of: "Schedule", "inverseTime", ["k"]) { a in schedule(.inverseTime(k: try a.double("k"))) }
        member(of: "Schedule", "cosine", ["T", "minLR?"]) { a in schedule(.cosine(T: try a.double("T"), minLR: try a.double("minLR", default: 0))) }
        member(of: "Schedule", "warmup", ["steps", "from?", "then?"]) { a in
            schedule(.warmup(steps: try a.int("steps"), from: try a.double("from", default: 0.1),
                             then: try a.optionalNative("then", Schedule.self, kind: "Schedule") ?? .constant))
        }
        member(of: "Schedule", "reduceOnPlateau", ["factor?", "patience?", "threshold?", "cooldown?", "minLR?"]) { a in
            schedule(.reduceOnPlateau(factor: try a.double("factor", default: 0.1), patience: try a.int("patience", default: 10),
                                      threshold: try a.double("threshold", default: 1e-4), cooldown: try a.int("cooldown", default: 0),
                                      minLR: try a.double("minLR", default: 0)))
        }
        member(of: "Schedule", "oneCycle", ["total", "pctStart?", "divFactor?", "finalDivFactor?"]) { a in
            schedule(.oneCycle(total: try a.int("total"), pctStart: try a.double("pctStart", default: 0.3),
                               divFactor: try a.double("divFactor", default: 25), finalDivFactor: try a.double("finalDivFactor", default: 1e4)))
        }
    }

    private func registerStopping() {
        func criterion(_ value: StoppingCriterion) -> Value { .native(NativeValue(typeName: "StoppingCriterion", payload: value)) }
        member(of: "StoppingCriterion", "maxSteps", ["_n"]) { a in criterion(.maxSteps(try a.int("n"))) }
        member(of: "StoppingCriterion", "patience", ["_k"]) { a in criterion(.patience(try a.int("k"))) }
        member(of: "StoppingCriterion", "noImprovement", ["_k"]) { a in criterion(.noImprovement(try a.int("k"))) }
        let thresholds: [(String, (Double) -> StoppingCriterion)] = [
            ("lossBelow", StoppingCriterion.lossBelow), ("relativeLoss", StoppingCriterion.relativeLoss),
            ("relativeGradient", StoppingCriterion.relativeGradient), ("gradientBelow", StoppingCriterion.gradientBelow),
            ("lossChange", StoppingCriterion.lossChange),
        ]
        for (name, make) in thresholds {
            member(of: "StoppingCriterion", name, ["_eps"]) { a in criterion(make(try a.double("eps"))) }
        }
    }
}
