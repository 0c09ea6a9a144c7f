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
            if let problem = Self.closeness(actual, expected, tolerance: tolerance) {
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
            for (name, loss) in try Self.finalLosses(try args.value("run"), args) where !(loss < bound) {
                let what = name.map { "the final loss of '\($0)'" } ?? "the loss"
                throw failure(loss.isFinite ? "\(what) is \(loss), not below \(bound)" : "\(what) is \(loss) (the run diverged), not below \(bound)")
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

    /// Why `actual` is not within `tolerance·(1 + |expected|)` of `expected` element by element, or nil.
    static func closeness(_ actual: Tensor, _ expected: Tensor, tolerance: Double) -> String? {
        guard actual.shape == expected.shape else {
            return "expected a value of shape \(Display.shape(expected.shape)), got shape \(Display.shape(actual.shape))"
        }
        for (offset, (a, e)) in zip(actual.scalars, expected.scalars).enumerated() {
            let difference = Swift.abs(a - e)
            if difference <= tolerance * (1 + Swift.abs(e)) { continue }
            let place = expected.scalars.count == 1 ? "" : " at element \(Display.shape(index(offset, in: expected.shape)))"
            return "expected \(e)\(place), got \(a) (difference \(difference), tolerance \(tolerance))"
        }
        return nil
    }

    private static func index(_ offset: Int, in shape: [Int]) -> [Int] {
        var rest = offset
        var result: [Int] = []
        for size in shape.reversed() {
            result.append(size > 0 ? rest % size : 0)
            rest = size > 0 ? rest / size : 0
        }
        return result.reversed()
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
        var limits = ExecutionLimits.current ?? ExecutionLimits()
        limits.allowsParallelRuns = false
        let comparison = try limits.run { try minimize(objective, from: start, steps: steps, optimizers: [custom, reference]) }
        try Self.rethrowCallback(objectiveValue)
        let mine = comparison.runs[0].points, theirs = comparison.runs[1].points
        let referenceName = Self.written(args, "reference")
        for step in 0..<max(mine.count, theirs.count) {
            guard step < mine.count, step < theirs.count else {
                let (stopped, other) = step < mine.count ? ("the reference", "yours") : ("your optimizer", "the reference")
                throw failure("the trajectories part at step \(step) of \(steps): \(stopped) stopped (the loss became NaN or infinite) while \(other) went on")
            }
            let a = Tensor(mine[step]), b = Tensor(theirs[step])
            if Self.closeness(a, b, tolerance: tolerance) != nil || a.scalars.contains(where: \.isNaN) != b.scalars.contains(where: \.isNaN) {
                let difference = zip(a.scalars, b.scalars).map { Swift.abs($0 - $1) }.max() ?? .nan
                throw failure("the trajectories part at step \(step) of \(steps): your optimizer reached \(Display.description(of: .tensor(a))), "
                    + "\(referenceName) reached \(Display.description(of: .tensor(b))) (difference \(difference), tolerance \(tolerance))")
            }
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
