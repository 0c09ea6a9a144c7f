import Descent
import Outputs

/// A comparison with the contour grid its display needs, computed while the cell's limits apply.
struct ComparisonValue: @unchecked Sendable {
    var comparison: Comparison
    var surface: Surface?
}

extension BuiltinRegistry {
    /// `minimize` and `fit` with a builder block of optimizers, and the members of their results.
    func registerTraining() {
        function("minimize", ["_objective", "from", "steps", "schedule?", "stop?", "{optimizers"]) { args in
            let objectiveValue = try args.value("objective")
            let objective = try Self.objective(objectiveValue)
            let (optimizers, interpreted) = try Self.optimizers(args)
            let start = try args.doubles("from")
            let steps = try args.int("steps")
            let schedule = try args.optionalNative("schedule", Schedule.self, kind: "Schedule") ?? .constant
            let stop = try Self.criteria(args)
            let comparison = try ExecutionLimits.serialIf(interpreted) {
                try minimize(objective, from: start, steps: steps, schedule: schedule, stop: stop, optimizers: optimizers)
            }
            try Self.rethrowCallback(objectiveValue)
            let surface = start.count == 2 ? try Surface.sampling(objective, showing: comparison.runs.flatMap(\.points)) : nil
            try Self.rethrowCallback(objectiveValue)
            return Self.wrap(ComparisonValue(comparison: comparison, surface: surface))
        }
        function("fit", ["_model", "on", "validation?", "loss", "epochs", "batchSize?", "seed?", "schedule?", "penalty?", "clip?", "stop?", "{optimizers"]) { args in
            let model = try args.native("model", Sequential.self, kind: "Sequential")
            let train = try args.native("on", Dataset.self, kind: "Dataset")
            let validation = try args.optionalNative("validation", Dataset.self, kind: "Dataset")
            let loss = try args.native("loss", Loss.self, kind: "Loss")
            let (optimizers, interpreted) = try Self.optimizers(args)
            let epochs = try args.int("epochs")
            let batchSize = args.has("batchSize") ? try args.int("batchSize") : nil
            let seed = try args.int("seed", default: 0)
            let schedule = try args.optionalNative("schedule", Schedule.self, kind: "Schedule") ?? .constant
            let penalty = try args.optionalNative("penalty", Penalty.self, kind: "Penalty")
            let clip = try args.optionalNative("clip", GradientClipping.self, kind: "GradientClipping")
            let stop = try Self.criteria(args)
            let comparison = try ExecutionLimits.serialIf(interpreted) {
                try fit(model, on: train, validation: validation, loss: loss, epochs: epochs, batchSize: batchSize, seed: seed,
                        schedule: schedule, penalty: penalty, clip: clip, stop: stop, optimizers: optimizers)
            }
            return Self.wrap(ComparisonValue(comparison: comparison, surface: nil))
        }
        displayer(of: "Comparison") { value in
            guard let boxed = value.payload(as: ComparisonValue.self) else { return [] }
            return [.runs(RunsOutput(boxed.comparison, surface: boxed.surface))]
        }
        registerResults()
    }

    /// A run asked for by a name no run has: the nearest name, then every name. Shared by comparisons and comparisons over seeds.
    static func noRun(named name: String, among names: [String]) -> SnippetError {
        var message = "no run is named '\(name)'"
        if let suggestion = Suggestions.nearest(to: name, in: names) { message += "; did you mean '\(suggestion)'?" }
        return SnippetError(message + "; runs: " + names.map { "'\($0)'" }.joined(separator: ", "))
    }

    static func wrap(_ value: ComparisonValue) -> Value {
        .native(NativeValue(typeName: "Comparison", payload: value))
    }

    /// A run as the DSL's `Run`, for comparisons and comparisons over seeds alike.
    static func wrap(_ run: Run) -> Value { .native(NativeValue(typeName: "Run", payload: run)) }

    /// The optimizers of the builder block, and whether the runs may call interpreted code
    /// (through any argument or any optimizer, however wrapped), which forces serial runs.
    private static func optimizers(_ args: Arguments) throws -> ([any Optimizing], interpreted: Bool) {
        let values = try args.built("optimizers")
        let interpreted = args.callInterpretedCode(except: ["optimizers"]) || values.contains { $0.callsInterpretedCode }
        let optimizers = try values.map { value in
            guard let optimizer = Self.optimizer(value) else {
                throw SnippetError("each line of the optimizer block must be an optimizer such as Adam(lr: 0.01), got \(value.typeName)",
                                   at: args.node("optimizers"))
            }
            return optimizer
        }
        return (optimizers, interpreted)
    }

    /// `stop:` takes one criterion or an array of them.
    private static func criteria(_ args: Arguments) throws -> [StoppingCriterion] {
        guard args.has("stop") else { return [] }
        let items: [Value]
        if case let .array(values) = try args.value("stop") { items = values } else { items = [try args.value("stop")] }
        return try items.map {
            try BuiltinConversions.native($0, StoppingCriterion.self, kind: "StoppingCriterion", interpreter: args.interpreter, at: args.node("stop")) {
                args.fail("stop", $0)
            }
        }
    }

    private func registerResults() {
        func boxed(_ value: Value) throws -> ComparisonValue {
            guard let boxed = value.payload(as: ComparisonValue.self) else {
                throw SnippetError("expected the result of minimize or fit, got \(value.typeName)")
            }
            return boxed
        }
        func run(_ value: Value) throws -> Run {
            guard let run = value.payload(as: Run.self) else { throw SnippetError("expected a run") }
            return run
        }
        func numbers(_ values: [Double]) -> Value { .array(values.map { .double($0) }) }
        getter(of: "Comparison", "title") { .string(try boxed($0).comparison.title) }
        getter(of: "Comparison", "runs") { .array(try boxed($0).comparison.runs.map(Self.wrap)) }
        getter(of: "Comparison", "finalLoss") { .double(try boxed($0).comparison.finalLoss) }
        // Optionals as Descent declares them: `best` is a `Run?`, `divergedAt` an `Int?`.
        getter(of: "Comparison", "best") { value in .optional(try boxed(value).comparison.best.map(Self.wrap)) }
        method(of: "Comparison", "run", ["named"]) { receiver, args in
            let name = try args.string("named")
            let comparison = try boxed(receiver).comparison
            guard let found = comparison[name] else { throw Self.noRun(named: name, among: comparison.runs.map(\.name)) }
            return Self.wrap(found)
        }
        getter(of: "Run", "name") { .string(try run($0).name) }
        getter(of: "Run", "loss") { numbers(try run($0).loss) }
        getter(of: "Run", "stepLoss") { numbers(try run($0).stepLoss) }
        getter(of: "Run", "points") { .array(try run($0).points.map(numbers)) }
        getter(of: "Run", "validationLoss") { numbers(try run($0).validationLoss) }
        getter(of: "Run", "accuracy") { numbers(try run($0).accuracy) }
        getter(of: "Run", "validationAccuracy") { numbers(try run($0).validationAccuracy) }
        getter(of: "Run", "gradientNorm") { numbers(try run($0).gradientNorm) }
        getter(of: "Run", "learningRate") { numbers(try run($0).learningRate) }
        getter(of: "Run", "finalLoss") { .double(try run($0).finalLoss) }
        getter(of: "Run", "finalPoint") { numbers(try run($0).finalPoint) }
        getter(of: "Run", "finalValidationLoss") { .double(try run($0).finalValidationLoss) }
        getter(of: "Run", "diverged") { .bool(try run($0).diverged) }
        getter(of: "Run", "divergedAt") { value in .optional(try run(value).divergedAt.map { .int($0) }) }
        getter(of: "Run", "stopReason") { .string(try run($0).stopReason.description) }
        getter(of: "Run", "model") { value in
            guard let model = try run(value).trainedModel else { throw SnippetError("only a run of fit has a trained model") }
            return .native(NativeValue(typeName: "Sequential", payload: model))
        }
    }
}
