import Descent

/// A failed check of a test cell, or an exercise not done yet, in compiled Swift.
///
/// The interpreter turns the same messages into cell failures; a compiled script throws this
/// and the exported `main.swift` prints it, so both say the same thing about the same mistake.
public struct ExpectationFailure: Error, CustomStringConvertible, Sendable {
    public var description: String
    /// True for `todo()`: the exercise is not completed, which is not a wrong answer.
    public var notCompleted: Bool

    public init(_ description: String, notCompleted: Bool = false) {
        self.description = description
        self.notCompleted = notCompleted
    }
}

/// The checks behind `expectClose`, `expectSameTrajectory` and `expectLoss`, shared with the interpreter.
public enum Expectations {
    /// Why `actual` is not within `tolerance·(1 + |expected|)` of `expected` element by element, or nil.
    public static func closeness(_ actual: Tensor, _ expected: Tensor, tolerance: Double) -> String? {
        guard actual.shape == expected.shape else {
            return "expected a value of shape \(shape(expected.shape)), got shape \(shape(actual.shape))"
        }
        for (offset, (a, e)) in zip(actual.scalars, expected.scalars).enumerated() {
            let difference = Swift.abs(a - e)
            if difference <= tolerance * (1 + Swift.abs(e)) { continue }
            let place = expected.scalars.count == 1 ? "" : " at element \(shape(index(offset, in: expected.shape)))"
            return "expected \(e)\(place), got \(a) (difference \(difference), tolerance \(tolerance))"
        }
        return nil
    }

    /// Where the first two runs of `comparison` part, or nil when they agree at every step.
    public static func trajectoryMismatch(_ comparison: Comparison, steps: Int, tolerance: Double, referenceName: String) -> String? {
        guard comparison.runs.count == 2 else { return "expected two runs to compare, got \(comparison.runs.count)" }
        let mine = comparison.runs[0].points, theirs = comparison.runs[1].points
        for step in 0..<max(mine.count, theirs.count) {
            guard step < mine.count, step < theirs.count else {
                let (stopped, other) = step < mine.count ? ("the reference", "yours") : ("your optimizer", "the reference")
                return "the trajectories part at step \(step) of \(steps): \(stopped) stopped (the loss became NaN or infinite) while \(other) went on"
            }
            let a = Tensor(mine[step]), b = Tensor(theirs[step])
            if closeness(a, b, tolerance: tolerance) != nil || a.scalars.contains(where: \.isNaN) != b.scalars.contains(where: \.isNaN) {
                let difference = zip(a.scalars, b.scalars).map { Swift.abs($0 - $1) }.max() ?? .nan
                return "the trajectories part at step \(step) of \(steps): your optimizer reached \(a.description), "
                    + "\(referenceName) reached \(b.description) (difference \(difference), tolerance \(tolerance))"
            }
        }
        return nil
    }

    /// Why a final loss is not below `bound`, or nil.
    public static func lossProblem(name: String?, loss: Double, below bound: Double) -> String? {
        if loss < bound { return nil }
        let what = name.map { "the final loss of '\($0)'" } ?? "the loss"
        return loss.isFinite ? "\(what) is \(loss), not below \(bound)" : "\(what) is \(loss) (the run diverged), not below \(bound)"
    }

    /// A shape as Swift prints an array: `[2, 3]`.
    public static func shape(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
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
}

/// Fails unless `condition` holds.
public func expect(_ condition: Bool, _ message: String? = nil) throws {
    if !condition { throw ExpectationFailure(message ?? "expected the condition to be true") }
}

/// Fails unless `actual` is within `tolerance·(1 + |expected|)` of `expected`, element by element.
public func expectClose(_ actual: Tensor, _ expected: Tensor, tolerance: Double = 1e-8, _ message: String? = nil) throws {
    if let problem = Expectations.closeness(actual, expected, tolerance: tolerance) {
        throw ExpectationFailure((message.map { $0 + ": " } ?? "") + problem)
    }
}

public func expectClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-8, _ message: String? = nil) throws {
    try expectClose(Tensor(actual), Tensor(expected), tolerance: tolerance, message)
}

public func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-8, _ message: String? = nil) throws {
    try expectClose(Tensor(actual), Tensor(expected), tolerance: tolerance, message)
}

/// Runs both optimizers from one start and fails at the first step where their iterates part.
public func expectSameTrajectory(_ custom: any Optimizing, _ reference: any Optimizing, on objective: any Objective,
                                 from start: [Double], steps: Int, tolerance: Double = 1e-8) throws {
    let comparison = try minimize(objective, from: start, steps: steps, optimizers: [custom, reference])
    if let problem = Expectations.trajectoryMismatch(comparison, steps: steps, tolerance: tolerance, referenceName: reference.name) {
        throw ExpectationFailure(problem)
    }
}

/// Fails unless every run of the comparison ends below `bound`.
public func expectLoss(_ comparison: Comparison, below bound: Double) throws {
    for run in comparison.runs { try expectLoss(run, below: bound) }
}

public func expectLoss(_ run: Run, below bound: Double) throws {
    if let problem = Expectations.lossProblem(name: run.name, loss: run.loss.last ?? .nan, below: bound) { throw ExpectationFailure(problem) }
}

public func expectLoss(_ loss: Double, below bound: Double) throws {
    if let problem = Expectations.lossProblem(name: nil, loss: loss, below: bound) { throw ExpectationFailure(problem) }
}

/// Marks an exercise not done yet: `gradus release` puts it where the solution was.
public func todo(_ message: String = "exercise not completed yet") throws -> Never {
    throw ExpectationFailure(message, notCompleted: true)
}
