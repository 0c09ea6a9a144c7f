import Foundation

/// The rates of the schedules with phases: a warm-up before another schedule, and the one-cycle policy.
///
/// Each follows torch's arithmetic (`LinearLR`, `SequentialLR`, `OneCycleLR`) term by term, so the
/// committed fixtures agree to 1e-12; the closed forms replace torch's chained updates.
extension Schedule {
    /// `LinearLR`'s factor rises linearly from `from` to 1 over `steps`; at `steps` the next schedule starts at its step 0.
    static func warmupRate(step: Int, steps: Int, from: Double, then: Schedule, base: Double) -> Double {
        guard step < steps else { return then.lr(at: step - steps, base: base) }
        let factor = from + (1 - from) * Double(step) / Double(steps)
        return base * factor
    }

    /// `OneCycleLR` with cosine annealing and two phases: up to the peak at step `pctStart × total − 1`,
    /// down to the floor at step `total − 1`, and the floor after that.
    static func oneCycleRate(step: Int, total: Int, pctStart: Double, divFactor: Double, finalDivFactor: Double, base: Double) -> Double {
        let initial = base / divFactor
        let floor = initial / finalDivFactor
        let peakStep = pctStart * Double(total) - 1
        let lastStep = Double(total - 1)
        let t = Swift.min(Double(step), lastStep)
        if t <= peakStep { return annealCosine(from: initial, to: base, fraction: t / peakStep) }
        return annealCosine(from: base, to: floor, fraction: (t - peakStep) / (lastStep - peakStep))
    }

    /// torch's `_annealing_cos`: from `start` at fraction 0 to `end` at fraction 1 along half a cosine.
    static func annealCosine(from start: Double, to end: Double, fraction: Double) -> Double {
        let cosine = cos(Double.pi * fraction) + 1
        return end + (start - end) / 2.0 * cosine
    }
}
