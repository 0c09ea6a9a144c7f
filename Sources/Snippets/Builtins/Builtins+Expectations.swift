import Descent
import SwiftSyntax

/// A failed expectation or an unfinished exercise, as an error the notebook and grader recognise by kind.
private func failure(_ message: String, kind: FailureKind = .expectation) -> SnippetError {
    var error = SnippetError(message)
    error.kind = kind
    return error
}

extension BuiltinRegistry {
    /// The checks test cells make (`expect`, `expectClose`, `expectSameTrajectory`, `expectLoss`) and `todo()`.
    ///
    /// A failed check throws, so the test cell fails at the check's line and column with a message
    /// a student can act on; the grader reads the cell's status, never its printed text. The names
    /// are reserved: a snippet cannot redefine or shadow them to fake a pass.
    func registerExpectations() {
        for name in ["expect", "expectClose", "expectSameTrajectory", "expectLoss", "todo"] { reserve(name) }
        function("expect", ["_condition", "_message?"]) { args in
            guard case let .bool(holds) = try args.value("condition") else { throw args.fail("condition", "a Bool") }
            if holds { return .void }
            let written = Self.written(args, "condition")
            let message = args.has("message") ? try args.string("message") : "expected \(written) to be true"
            throw failure(message)
        }
        function("expectClose", ["_actual", "_expected", "tolerance?", "_message?"]) { args in
            let tolerance = try args.double("tolerance", default: 1e-8)
            let actual = try args.tensor("actual"), expected = try args.tensor("expected")
            if let problem = Expectations.closeness(actual, expected, tolerance: tolerance) {
                let prefix = args.has("message") ? try args.string("message") + ": " : ""
                throw failure(prefix + problem)
            }
            return .void
        }
        function("expectSameTrajectory", ["_custom", "_reference", "on", "from", "steps", "tolerance?"]) { args in
            try Self.sameTrajectory(args)
        }
        function("expectLoss", ["_run", "below"]) { args in
            let bound = try args.double("below")
            for (name, loss) in try Self.finalLosses(try args.value("run"), args) {
                if let problem = Expectations.lossProblem(name: name, loss: loss, below: bound) { throw failure(problem) }
            }
            return .void
        }
        function("todo", ["_message?"]) { args in
            let message = args.has("message") ? try args.string("message") : "exercise not completed yet"
            throw failure(message, kind: .notCompleted)
        }
    }

    /// An argument as the snippet wrote it, without its label or trailing comma.
    private static func written(_ args: Arguments, _ name: String) -> String {
        let node = args.node(name)
        return node.as(LabeledExprSyntax.self)?.expression.trimmedDescription ?? node.trimmedDescription
    }

    /// Runs both optimizers from one start and fails at the first step where their iterates part.
    private static func sameTrajectory(_ args: Arguments) throws -> Value {
        let objectiveValue = try args.value("on")
        let objective = try Self.objective(objectiveValue)
        guard let custom = Self.optimizer(try args.value("custom")) else { throw args.fail("custom", "an optimizer") }
        guard let reference = Self.optimizer(try args.value("reference")) else { throw args.fail("reference", "an optimizer") }
        let start = try args.doubles("from"), steps = try args.int("steps")
        let tolerance = try args.double("tolerance", default: 1e-8)
        // The custom optimizer calls back into the interpreter, which is single-threaded.
        let comparison = try ExecutionLimits.serialIf(true) { try minimize(objective, from: start, steps: steps, optimizers: [custom, reference]) }
        try Self.rethrowCallback(objectiveValue)
        if let problem = Expectations.trajectoryMismatch(comparison, steps: steps, tolerance: tolerance, referenceName: Self.written(args, "reference")) {
            throw failure(problem)
        }
        return .void
    }

    /// The final loss of a run, of each run of a comparison, or a number itself.
    private static func finalLosses(_ value: Value, _ args: Arguments) throws -> [(String?, Double)] {
        if let number = value.asDouble { return [(nil, number)] }
        if case let .native(native) = value {
            if let run = native.payload as? Run { return [(run.name, run.loss.last ?? .nan)] }
            if let boxed = native.payload as? ComparisonValue {
                return boxed.comparison.runs.map { ($0.name, $0.loss.last ?? .nan) }
            }
        }
        throw args.fail("run", "a run, the result of minimize or fit, or a number")
    }
}
