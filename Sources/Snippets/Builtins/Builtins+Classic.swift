import Descent

extension BuiltinRegistry {
    /// The perceptron, pruning with Optimal Brain Damage, masked retraining, linear solves and schedule values.
    func registerClassicMethods() {
        registerPerceptron()
        registerPruning()
        function("solveLinearSystem", ["_a", "_b"]) { args in .tensor(try solveLinearSystem(try args.tensor("a"), try args.tensor("b"))) }
        func schedule(_ value: Value) throws -> Schedule {
            guard case let .native(native) = value, let schedule = native.payload as? Schedule else { throw SnippetError("expected a Schedule") }
            return schedule
        }
        method(of: "Schedule", "lr", ["at", "base"]) { receiver, args in
            let value = try schedule(receiver)
            try value.validate()
            return .double(value.lr(at: try args.int("at"), base: try args.double("base")))
        }
        method(of: "Schedule", "rates", ["base", "count"]) { receiver, args in
            let value = try schedule(receiver)
            try value.validate()
            let count = try args.int("count")
            try CheckedIntegers.checkValues(count: count)
            return .array(value.rates(base: try args.double("base"), count: count).map { .double($0) })
        }
    }

    private func registerPerceptron() {
        func perceptron(_ value: Value) throws -> Perceptron {
            guard case let .native(native) = value, let model = native.payload as? Perceptron else { throw SnippetError("expected a Perceptron") }
            return model
        }
        func numbers(_ values: [Double]) -> Value { .array(values.map { .double($0) }) }
        function("Perceptron", ["features", "lr?"]) { args in
            let features = try args.int("features")
            guard features >= 1 else { throw SnippetError("Perceptron needs at least 1 feature, got features: \(features)") }
            try ExecutionLimits.checkAllocation(count: features, bytesPerElement: MemoryLayout<Double>.size)
            return .native(NativeValue(typeName: "Perceptron", payload: Perceptron(features: features, lr: try args.double("lr", default: 1))))
        }
        getter(of: "Perceptron", "weights") { numbers(try perceptron($0).weights) }
        getter(of: "Perceptron", "bias") { .double(try perceptron($0).bias) }
        getter(of: "Perceptron", "lr") { .double(try perceptron($0).lr) }
        method(of: "Perceptron", "train", ["on", "epochs", "seed?", "shuffle?"], mutating: true) { receiver, args in
            var model = try perceptron(receiver)
            let data = try args.native("on", Dataset.self, kind: "Dataset")
            let result = try model.train(on: data, epochs: try args.int("epochs"), seed: try args.int("seed", default: 0),
                                         shuffle: try args.bool("shuffle", default: true))
            receiver = .native(NativeValue(typeName: "Perceptron", payload: model))
            return .native(NativeValue(typeName: "PerceptronResult", payload: result))
        }
        method(of: "Perceptron", "predict", ["_x"]) { receiver, args in
            let model = try perceptron(receiver)
            if case let .array(items) = try args.value("x"), items.allSatisfy({ $0.asDouble != nil }) {
                return .double(try model.predict(try args.doubles("x")))
            }
            return .tensor(try model.predict(try args.tensor("x")))
        }
        method(of: "Perceptron", "accuracy", ["on"]) { receiver, args in
            .double(try perceptron(receiver).accuracy(on: try args.native("on", Dataset.self, kind: "Dataset")))
        }
        func result(_ value: Value) throws -> PerceptronResult {
            guard case let .native(native) = value, let result = native.payload as? PerceptronResult else { throw SnippetError("expected a perceptron result") }
            return result
        }
        getter(of: "PerceptronResult", "mistakesPerEpoch") { .array(try result($0).mistakesPerEpoch.map { .int($0) }) }
        getter(of: "PerceptronResult", "convergedEpoch") { value in .optional(try result(value).convergedEpoch.map { .int($0) }) }
        getter(of: "PerceptronResult", "converged") { .bool(try result($0).converged) }
        getter(of: "PerceptronResult", "weights") { numbers(try result($0).weights) }
        getter(of: "PerceptronResult", "bias") { .double(try result($0).bias) }
        getter(of: "PerceptronResult", "history") { .array(try result($0).history.map(numbers)) }
    }

    private func registerPruning() {
        func layer(_ args: Arguments, _ name: String) throws -> (any Layer, String) {
            guard case let .native(native) = try args.value(name), let model = native.payload as? any Layer else {
                throw args.fail(name, "a model such as Sequential { ... }")
            }
            return (model, native.typeName)
        }
        func tensors(_ values: [Tensor]) -> Value { .array(values.map { .tensor($0) }) }
        member(of: "PruningCriterion", "magnitude", nil) { _ in .native(NativeValue(typeName: "PruningCriterion", payload: PruningCriterion.magnitude)) }
        member(of: "PruningCriterion", "obd", ["_data", "_loss"]) { args in
            let criterion = PruningCriterion.obd(try args.native("data", Dataset.self, kind: "Dataset"), try args.native("loss", Loss.self, kind: "Loss"))
            return .native(NativeValue(typeName: "PruningCriterion", payload: criterion))
        }
        function("prune", ["_model", "fraction", "by?"]) { args in
            let (model, typeName) = try layer(args, "model")
            let criterion = try args.optionalNative("by", PruningCriterion.self, kind: "PruningCriterion") ?? .magnitude
            let (pruned, masks) = try prune(model, fraction: try args.double("fraction"), by: criterion)
            return .tuple([.native(NativeValue(typeName: typeName, payload: pruned)), tensors(masks)], labels: ["model", "masks"])
        }
        for name in ["saliencies", "hessianDiagonal"] {
            function(name, ["of", "on", "loss"]) { args in
                let (model, _) = try layer(args, "of")
                let data = try args.native("on", Dataset.self, kind: "Dataset")
                let loss = try args.native("loss", Loss.self, kind: "Loss")
                return tensors(name == "saliencies" ? try saliencies(of: model, on: data, loss: loss) : try hessianDiagonal(of: model, on: data, loss: loss))
            }
        }
        function("featureSaliencies", ["of", "on", "loss"]) { args in
            let (model, _) = try layer(args, "of")
            let values = try featureSaliencies(of: model, on: try args.native("on", Dataset.self, kind: "Dataset"), loss: try args.native("loss", Loss.self, kind: "Loss"))
            return .array(values.map { .double($0) })
        }
        function("MaskedOptimizer", ["_base", "masks"]) { args in
            guard let base = Self.optimizer(try args.value("base")) else { throw args.fail("base", "an optimizer such as SGD(lr: 0.1)") }
            let masks = try args.array("masks").map { try BuiltinConversions.tensor(from: $0) }
            let optimizer = MaskedOptimizer(base, masks: masks)
            try optimizer.validate()
            return .native(NativeValue(typeName: "Optimizer", payload: optimizer, sourceText: args.sourceText))
        }
    }
}
