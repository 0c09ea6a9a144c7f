/// The state of a reduce-on-plateau schedule: the best loss so far and how long it has stood.
///
/// A schedule is otherwise a function of the step; this one reacts to the losses it is shown, so
/// `fit` and `minimize` keep one tracker per run and ask it for the rate. The rule is torch's
/// `ReduceLROnPlateau` (mode "min", relative threshold), step for step.
public struct PlateauTracker: Sendable {
    let factor: Double
    let patience: Int
    let threshold: Double
    let cooldown: Int
    let minLR: Double
    private var best = Double.infinity
    private var badChecks = 0
    private var cooldownLeft = 0
    /// The rate to use until the next check.
    public private(set) var lr: Double

    /// A tracker for `schedule` starting at `base`, or nil when the schedule is not reduce-on-plateau.
    public init?(_ schedule: Schedule, base: Double) {
        guard case let .reduceOnPlateau(factor, patience, threshold, cooldown, minLR) = schedule.kind else { return nil }
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.cooldown = cooldown
        self.minLR = minLR
        lr = base
    }

    /// Takes one loss (NaN counts as no improvement) and lowers the rate when the plateau has lasted long enough.
    public mutating func observe(_ loss: Double) {
        if loss < best * (1 - threshold) {
            best = loss
            badChecks = 0
        } else {
            badChecks += 1
        }
        if cooldownLeft > 0 {
            cooldownLeft -= 1
            badChecks = 0
        }
        guard badChecks > patience else { return }
        let lowered = Swift.max(lr * factor, minLR)
        // torch ignores a change smaller than its eps (1e-8).
        if lr - lowered > 1e-8 { lr = lowered }
        cooldownLeft = cooldown
        badChecks = 0
    }
}
