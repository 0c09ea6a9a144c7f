/// A rule for when to stop training, from the notes' list "when should training stop?".
///
/// Criteria are checked by a `StopMonitor` after every step (for `minimize`) or
/// epoch (for `fit`). "Step t" below is the `step` number the caller passes;
/// J(t) is the loss it reports there, J(0) and ‖∇J(0)‖ are the first loss and
/// first gradient norm the monitor sees (the starting point, when the caller
/// reports it before the first update as `minimize` and `fit` do).
public enum StoppingCriterion: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Stop once `step >= n`: the notes' iteration limit. n ≥ 1.
    case maxSteps(Int)
    /// Stop when J(t) ≤ eps: the notes' J(θₜ) − J(θ*) ≤ ε for a known optimum J(θ*) = 0.
    case lossBelow(Double)
    /// Stop when J(t) ≤ eps · J(0): the loss fell to a fraction eps of where it started.
    case relativeLoss(Double)
    /// Stop when ‖∇J(t)‖ ≤ eps · ‖∇J(0)‖: the slope fell to a fraction eps of where it started.
    case relativeGradient(Double)
    /// Stop when ‖∇J(t)‖ ≤ eps: a stationary point, up to eps.
    case gradientBelow(Double)
    /// Stop when |J(t) − J(t−1)| ≤ eps between two consecutive checks: the loss has stabilized
    /// (the notes' "until the criterion stabilizes").
    case lossChange(Double)
    /// Early stopping as in the notes, "stop when the validation error starts to grow":
    /// stop when the validation loss rose k checks in a row, V(t) > V(t−1) > … > V(t−k).
    /// `.patience(1)` stops at the first rise. Checks without a validation loss are skipped
    /// and do not break the run.
    case patience(Int)
    /// Early stopping as Keras' `EarlyStopping(patience: k)` defines it: stop when the
    /// validation loss has not improved on its best (strictly lower) for k checks in a row,
    /// so a noisy curve that wobbles without rising steadily still stops.
    case noImprovement(Int)

    /// Throws `DescentError.invalidHyperparameter` for a negative or non-finite eps, or k ≤ 0.
    public func validate() throws {
        switch self {
        case .maxSteps(let n):
            try require(n > 0, "maxSteps", Double(n), "at least 1 step")
        case .patience(let k):
            try require(k > 0, "patience", Double(k), "at least 1 epoch")
        case .noImprovement(let k):
            try require(k > 0, "noImprovement", Double(k), "at least 1 epoch")
        case .lossBelow(let eps), .relativeLoss(let eps), .relativeGradient(let eps),
             .gradientBelow(let eps), .lossChange(let eps):
            try require(eps >= 0 && eps.isFinite, label, eps, "a finite value >= 0")
        }
    }

    /// The case name, as a lesson writes it.
    public var label: String {
        switch self {
        case .maxSteps: return "maxSteps"
        case .lossBelow: return "lossBelow"
        case .relativeLoss: return "relativeLoss"
        case .relativeGradient: return "relativeGradient"
        case .gradientBelow: return "gradientBelow"
        case .lossChange: return "lossChange"
        case .patience: return "patience"
        case .noImprovement: return "noImprovement"
        }
    }

    /// The condition in words, e.g. "relative gradient 1e-6"; a `StopReason` adds "reached at step n".
    public var description: String {
        switch self {
        case .maxSteps(let n): return "max steps \(n)"
        case .lossBelow(let eps): return "loss below \(formatNumber(eps))"
        case .relativeLoss(let eps): return "relative loss \(formatNumber(eps))"
        case .relativeGradient(let eps): return "relative gradient \(formatNumber(eps))"
        case .gradientBelow(let eps): return "gradient below \(formatNumber(eps))"
        case .lossChange(let eps): return "loss change below \(formatNumber(eps))"
        case .patience(let k): return "validation loss rose \(k) \(k == 1 ? "time" : "times") in a row"
        case .noImprovement(let k): return "no validation improvement for \(k) \(k == 1 ? "epoch" : "epochs")"
        }
    }
}

/// Why a run stopped.
public enum StopReason: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The step or epoch budget ran out before any criterion fired.
    case completed
    /// A stopping criterion fired; the text says which and when,
    /// e.g. "relative gradient 1e-6 reached at step 143".
    case criterion(String)
    /// The loss (or gradient norm, or validation loss) became NaN or infinite at this step.
    case diverged(step: Int)

    public var description: String {
        switch self {
        case .completed: return "completed: the step budget ran out"
        case .criterion(let text): return text
        case .diverged(let step): return "diverged at step \(step): the loss became NaN or infinite"
        }
    }

    /// True when a criterion fired (not when the budget ran out or the run diverged).
    public var isCriterion: Bool {
        if case .criterion = self { return true }
        return false
    }
}
