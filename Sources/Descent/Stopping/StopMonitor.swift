/// Watches the losses of a run and says when one of its stopping criteria fires.
///
/// `minimize` and `fit` create one per run and call `check` once for the
/// starting point (step 0, before any update) and then after every step or
/// epoch; the first call fixes the references J(0) and ‖∇J(0)‖ of the
/// relative criteria. Divergence is checked before any criterion, so a NaN
/// loss is reported as `.diverged` even when, say, `lossChange` would also hold.
/// When several criteria hold at the same check, the first in `criteria` wins.
public struct StopMonitor: Sendable {
    /// The criteria, in the order they are checked.
    public let criteria: [StoppingCriterion]
    /// Why the run stopped, once `check` has returned a reason.
    public private(set) var reason: StopReason?
    /// The criterion that fired, if one did.
    public private(set) var firedCriterion: StoppingCriterion?

    private var initialLoss: Double?
    private var initialGradientNorm: Double?
    private var previousLoss: Double?
    private var previousValidation: Double?
    private var bestValidation: Double?
    /// Consecutive checks at which the validation loss went up.
    private var rises = 0
    /// Consecutive checks since the validation loss last set a new best.
    private var checksSinceBest = 0

    /// - Parameter criteria: the rules to apply, checked in this order.
    /// - Throws: `DescentError.invalidHyperparameter` for a negative eps or a count k ≤ 0.
    public init(criteria: [StoppingCriterion]) throws {
        for criterion in criteria { try criterion.validate() }
        self.criteria = criteria
    }

    /// Records one step's numbers and returns why to stop, or nil to go on.
    ///
    /// - Parameters:
    ///   - step: the step (or epoch) just finished; 0 for the starting point.
    ///   - loss: the training loss J(t).
    ///   - gradientNorm: ‖∇J(t)‖ when known; the gradient criteria skip checks without it.
    ///   - validationLoss: the validation loss when measured; the early-stopping criteria skip checks without it.
    public mutating func check(
        step: Int, loss: Double, gradientNorm: Double? = nil, validationLoss: Double? = nil
    ) -> StopReason? {
        if !loss.isFinite || !(gradientNorm?.isFinite ?? true) || !(validationLoss?.isFinite ?? true) {
            return record(.diverged(step: step), nil)
        }
        let start = initialLoss ?? loss
        initialLoss = start
        if initialGradientNorm == nil { initialGradientNorm = gradientNorm }
        let change = previousLoss.map { Swift.abs(loss - $0) }
        previousLoss = loss
        if let validation = validationLoss {
            if let previous = previousValidation, validation > previous { rises += 1 } else { rises = 0 }
            previousValidation = validation
            if let best = bestValidation, validation >= best {
                checksSinceBest += 1
            } else {
                bestValidation = validation
                checksSinceBest = 0
            }
        }

        for criterion in criteria {
            let fires: Bool
            var atEpoch = false
            switch criterion {
            case .maxSteps(let n): fires = step >= n
            case .lossBelow(let eps): fires = loss <= eps
            case .relativeLoss(let eps): fires = loss <= eps * start
            case .relativeGradient(let eps):
                if let norm = gradientNorm, let reference = initialGradientNorm {
                    fires = norm <= eps * reference
                } else {
                    fires = false
                }
            case .gradientBelow(let eps): fires = gradientNorm.map { $0 <= eps } ?? false
            case .lossChange(let eps): fires = change.map { $0 <= eps } ?? false
            case .patience(let k):
                fires = validationLoss != nil && rises >= k
                atEpoch = true
            case .noImprovement(let k):
                fires = validationLoss != nil && checksSinceBest >= k
                atEpoch = true
            }
            if fires {
                let text = atEpoch ? "\(criterion), stopped at epoch \(step)" : "\(criterion) reached at step \(step)"
                return record(.criterion(text), criterion)
            }
        }
        return nil
    }

    private mutating func record(_ reason: StopReason, _ criterion: StoppingCriterion?) -> StopReason {
        self.reason = reason
        firedCriterion = criterion
        return reason
    }
}
