import Foundation

/// A learning-rate schedule: the learning rate at each step as a function of a base rate.
///
/// The notes start with a large step to reach the right region fast and then
/// shrink it to settle into the minimum; each case is one of their recipes.
/// Steps count from 0, so `lr(at: 0, base:)` is the base rate for every
/// schedule. `fit` and `minimize` set the optimizer's `lr` from it before
/// each step.
public struct Schedule: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The recipe and its parameters.
    public enum Kind: Sendable, Equatable, Hashable {
        case constant
        case step(every: Int, factor: Double)
        case exponential(T: Double)
        case linear(T: Double, end: Double)
        case inverseTime(k: Double)
        case cosine(T: Double, minLR: Double)
        /// Linear warm-up from `from × base` to `base` over `steps`, then `then` counted from 0.
        indirect case warmup(steps: Int, from: Double, then: Schedule)
        /// One cycle: cosine up from `base / divFactor` to `base` over the first `pctStart` of `total` steps,
        /// then cosine down to `base / (divFactor × finalDivFactor)`.
        case oneCycle(total: Int, pctStart: Double, divFactor: Double, finalDivFactor: Double)
        /// Multiplies the rate by `factor` when the watched loss has not improved for `patience` checks.
        case reduceOnPlateau(factor: Double, patience: Int, threshold: Double, cooldown: Int, minLR: Double)
    }

    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    /// The base rate at every step.
    public static let constant = Schedule(.constant)

    /// Multiplies the rate by `factor` every `every` steps: `lr0 * factor^floor(t / every)`,
    /// as `torch.optim.lr_scheduler.StepLR(step_size: every, gamma: factor)`.
    public static func step(every: Int, factor: Double) -> Schedule { Schedule(.step(every: every, factor: factor)) }

    /// Exponential decay with time constant `T`: `lr0 * e^(-t / T)`.
    public static func exponential(T: Double) -> Schedule { Schedule(.exponential(T: T)) }

    /// Linear decay `lr0 * (1 - t / T)`, never below `end` (default 0), so it stays at `end` once reached.
    public static func linear(T: Double, end: Double = 0) -> Schedule { Schedule(.linear(T: T, end: end)) }

    /// Inverse-time decay `lr0 / (1 + k * t)`, AdaGrad's `lrDecay` as a schedule.
    public static func inverseTime(k: Double) -> Schedule { Schedule(.inverseTime(k: k)) }

    /// Cosine annealing `minLR + (lr0 - minLR) * (1 + cos(π t / T)) / 2` over `T` steps,
    /// as `torch.optim.lr_scheduler.CosineAnnealingLR(T_max: T, eta_min: minLR)`;
    /// after step `T` the rate stays at `minLR` (PyTorch's closed form would rise again).
    public static func cosine(T: Double, minLR: Double = 0) -> Schedule { Schedule(.cosine(T: T, minLR: minLR)) }

    /// Linear warm-up over `steps` steps from `from × base` to `base`, then `then` (counted from 0 at the end of
    /// the warm-up), as torch's `SequentialLR([LinearLR(start_factor: from, total_iters: steps), then], milestones: [steps])`.
    /// Large rates early in training diverge before adaptive statistics settle; a warm-up avoids it.
    public static func warmup(steps: Int, from: Double = 0.1, then: Schedule = .constant) -> Schedule {
        Schedule(.warmup(steps: steps, from: from, then: then))
    }

    /// The one-cycle policy with the optimizer's rate as the peak, as torch's
    /// `OneCycleLR(max_lr: lr, total_steps: total, pct_start:, div_factor:, final_div_factor:, cycle_momentum: False)`;
    /// after `total` steps the rate stays at its final value (torch would raise an error).
    public static func oneCycle(total: Int, pctStart: Double = 0.3, divFactor: Double = 25, finalDivFactor: Double = 1e4) -> Schedule {
        Schedule(.oneCycle(total: total, pctStart: pctStart, divFactor: divFactor, finalDivFactor: finalDivFactor))
    }

    /// Reduce-on-plateau: the rate falls by `factor` once the loss has failed to improve by a relative
    /// `threshold` for more than `patience` checks (epochs in `fit`, steps in `minimize`), then waits
    /// `cooldown` checks, never going below `minLR`; torch's `ReduceLROnPlateau(mode: "min", threshold_mode: "rel")`.
    /// `fit` watches the validation loss when it has a validation set, else the epoch's training loss.
    public static func reduceOnPlateau(factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4, cooldown: Int = 0, minLR: Double = 0) -> Schedule {
        Schedule(.reduceOnPlateau(factor: factor, patience: patience, threshold: threshold, cooldown: cooldown, minLR: minLR))
    }

    /// The learning rate at 0-based `step` for base rate `base`; negative steps count as 0.
    /// A reduce-on-plateau schedule depends on the losses, not the step: this gives its starting rate (see `PlateauTracker`).
    public func lr(at step: Int, base: Double) -> Double {
        let t = Double(Swift.max(step, 0))
        switch kind {
        case let .warmup(steps, from, then):
            return Self.warmupRate(step: Swift.max(step, 0), steps: steps, from: from, then: then, base: base)
        case .reduceOnPlateau:
            return base
        case let .oneCycle(total, pctStart, divFactor, finalDivFactor):
            return Self.oneCycleRate(step: Swift.max(step, 0), total: total, pctStart: pctStart,
                                     divFactor: divFactor, finalDivFactor: finalDivFactor, base: base)
        case .constant:
            return base
        case let .step(every, factor):
            return base * pow(factor, Double(Swift.max(step, 0) / Swift.max(every, 1)))
        case let .exponential(T):
            return base * exp(-t / T)
        case let .linear(T, end):
            return Swift.max(base * (1 - t / T), end)
        case let .inverseTime(k):
            return base / (1 + k * t)
        case let .cosine(T, minLR):
            let clamped = Swift.min(t, T)
            return minLR + (base - minLR) * (1 + cos(Double.pi * clamped / T)) / 2
        }
    }

    /// The rates for steps `0..<count`, for plotting a schedule.
    public func rates(base: Double, count: Int) -> [Double] {
        (0..<Swift.max(count, 0)).map { lr(at: $0, base: base) }
    }

    /// Throws `DescentError.invalidHyperparameter` naming the first bad parameter.
    public func validate() throws {
        switch kind {
        case .constant:
            break
        case let .step(every, factor):
            try require(every >= 1, "every", Double(every), "an integer >= 1")
            try require(factor > 0 && factor.isFinite, "factor", factor, "a finite value > 0")
        case let .exponential(T):
            try require(T > 0 && T.isFinite, "T", T, "a finite value > 0")
        case let .linear(T, end):
            try require(T > 0 && T.isFinite, "T", T, "a finite value > 0")
            try require(end >= 0 && end.isFinite, "end", end, "a finite value >= 0")
        case let .inverseTime(k):
            try require(k >= 0 && k.isFinite, "k", k, "a finite value >= 0")
        case let .cosine(T, minLR):
            try require(T > 0 && T.isFinite, "T", T, "a finite value > 0")
            try require(minLR >= 0 && minLR.isFinite, "minLR", minLR, "a finite value >= 0")
        case let .warmup(steps, from, then):
            try require(steps >= 1, "steps", Double(steps), "an integer >= 1")
            try require(from > 0 && from <= 1, "from", from, "a value in (0, 1]")
            try then.validate()
        case let .oneCycle(total, pctStart, divFactor, finalDivFactor):
            try require(total >= 2, "total", Double(total), "an integer >= 2")
            try require(pctStart > 0 && pctStart < 1, "pctStart", pctStart, "a value in (0, 1)")
            try require(Double(total) * pctStart >= 2, "pctStart", pctStart, "at least 2 / total, so the rise has two steps")
            try require(divFactor >= 1 && divFactor.isFinite, "divFactor", divFactor, "a finite value >= 1")
            try require(finalDivFactor >= 1 && finalDivFactor.isFinite, "finalDivFactor", finalDivFactor, "a finite value >= 1")
        case let .reduceOnPlateau(factor, patience, threshold, cooldown, minLR):
            try require(factor > 0 && factor < 1, "factor", factor, "a value in (0, 1)")
            try require(patience >= 0, "patience", Double(patience), "an integer >= 0")
            try require(threshold >= 0 && threshold < 1, "threshold", threshold, "a value in [0, 1)")
            try require(cooldown >= 0, "cooldown", Double(cooldown), "an integer >= 0")
            try require(minLR >= 0 && minLR.isFinite, "minLR", minLR, "a finite value >= 0")
        }
    }

    /// The factory call that builds this schedule, e.g. `.step(every: 10, factor: 0.5)`.
    public var description: String {
        let f = CallDescription.format
        switch kind {
        case .constant: return ".constant"
        case let .step(every, factor): return ".step(every: \(every), factor: \(f(factor)))"
        case let .exponential(T): return ".exponential(T: \(f(T)))"
        case let .linear(T, end): return end == 0 ? ".linear(T: \(f(T)))" : ".linear(T: \(f(T)), end: \(f(end)))"
        case let .inverseTime(k): return ".inverseTime(k: \(f(k)))"
        case let .cosine(T, minLR): return ".cosine(T: \(f(T)), minLR: \(f(minLR)))"
        case let .warmup(steps, from, then):
            return ".warmup(steps: \(steps), from: \(f(from))" + (then == .constant ? ")" : ", then: \(then))")
        case let .oneCycle(total, pctStart, divFactor, finalDivFactor):
            return ".oneCycle(total: \(total), pctStart: \(f(pctStart)), divFactor: \(f(divFactor)), finalDivFactor: \(f(finalDivFactor)))"
        case let .reduceOnPlateau(factor, patience, threshold, cooldown, minLR):
            return ".reduceOnPlateau(factor: \(f(factor)), patience: \(patience), threshold: \(f(threshold)), cooldown: \(cooldown), minLR: \(f(minLR)))"
        }
    }
}
