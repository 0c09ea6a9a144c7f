import Foundation
import Testing
@testable import Descent

/// Feeds a sequence of (loss, gradient norm, validation loss) to a monitor, steps 0, 1, 2, …,
/// and returns the step of the first stop and its reason.
func firstStop(
    _ criteria: [StoppingCriterion], losses: [Double], gradients: [Double?]? = nil, validation: [Double?]? = nil
) throws -> (step: Int, reason: StopReason)? {
    var monitor = try StopMonitor(criteria: criteria)
    for (step, loss) in losses.enumerated() {
        if let reason = monitor.check(step: step, loss: loss, gradientNorm: gradients?[step], validationLoss: validation?[step]) {
            #expect(monitor.reason == reason)
            return (step, reason)
        }
    }
    return nil
}

@Suite("Stopping criteria")
struct StopMonitorTests {
    // Losses 10, 8, 5, 3, 2, 1.5, 1.4, 1.39, 1.389: each criterion's firing step is worked out by hand.
    let losses = [10, 8, 5, 3, 2, 1.5, 1.4, 1.39, 1.389]

    @Test("maxSteps fires when the step count reaches n")
    func maxSteps() throws {
        let stop = try #require(try firstStop([.maxSteps(4)], losses: losses))
        #expect(stop.step == 4 && stop.reason == .criterion("max steps 4 reached at step 4"))
    }

    @Test("lossBelow fires at the first J(t) <= eps")
    func lossBelow() throws {
        #expect(try firstStop([.lossBelow(2)], losses: losses)?.step == 4)
        #expect(try firstStop([.lossBelow(1)], losses: losses) == nil)
    }

    @Test("relativeLoss fires when J(t) <= eps J(0)")
    func relativeLoss() throws {
        // eps J(0) = 0.3 * 10 = 3: J(3) = 3 is the first at or below.
        let stop = try #require(try firstStop([.relativeLoss(0.3)], losses: losses))
        #expect(stop.step == 3 && stop.reason.description == "relative loss 0.3 reached at step 3")
    }

    @Test("relativeGradient fires when the gradient norm falls to eps of the first one")
    func relativeGradient() throws {
        let norms: [Double?] = [4, 3, nil, 1e-3, 3e-6, 2e-6, 1e-7, 1e-8, 1e-9]
        let stop = try #require(try firstStop([.relativeGradient(1e-6)], losses: losses, gradients: norms))
        // Threshold 1e-6 · 4 = 4e-6; step 3 has 1e-3, step 4 has 3e-6 (step 2 has no norm).
        #expect(stop.step == 4)
        #expect(stop.reason.description == "relative gradient 1e-6 reached at step 4")
        #expect(try firstStop([.gradientBelow(1e-7)], losses: losses, gradients: norms)?.step == 6)
    }

    @Test("lossChange fires at the first |J(t) - J(t-1)| <= eps, never at the first check")
    func lossChange() throws {
        // Changes: 2, 3, 2, 1, 0.5, 0.1, 0.01, 0.001: the first <= 0.05 is 0.01 at step 7.
        #expect(try firstStop([.lossChange(0.05)], losses: losses)?.step == 7)
        #expect(try firstStop([.lossChange(0)], losses: [1, 1, 1])?.step == 1)
    }

    @Test("patience counts consecutive rises of the validation loss")
    func patience() throws {
        // Validation: 5, 4, 4.5 (rise 1), 4.2 (reset), 4.3 (1), 4.4 (2), 4.6 (3), …
        let validation: [Double?] = [5, 4, 4.5, 4.2, 4.3, 4.4, 4.6, 4.7, 4.8]
        #expect(try firstStop([.patience(1)], losses: losses, validation: validation)?.step == 2)
        #expect(try firstStop([.patience(2)], losses: losses, validation: validation)?.step == 5)
        let stop = try #require(try firstStop([.patience(3)], losses: losses, validation: validation))
        #expect(stop.step == 6 && stop.reason.description == "validation loss rose 3 times in a row, stopped at epoch 6")
        // Checks without a validation loss neither count nor reset.
        let sparse: [Double?] = [5, 6, nil, 7, nil, nil, 8, 9, 10]
        #expect(try firstStop([.patience(3)], losses: losses, validation: sparse)?.step == 6)
    }

    @Test("noImprovement counts checks since the best validation loss, as Keras' patience")
    func noImprovement() throws {
        // Best 4 at step 1; 4.5, 4.2, 4.3 do not beat it (3 checks), 3.9 at step 5 is a new best.
        let validation: [Double?] = [5, 4, 4.5, 4.2, 4.3, 3.9, 4.0, 3.95, 4.1]
        #expect(try firstStop([.noImprovement(3)], losses: losses, validation: validation)?.step == 4)
        #expect(try firstStop([.noImprovement(4)], losses: losses, validation: validation) == nil)
        // patience(3) never fires here: the rises are never three in a row.
        #expect(try firstStop([.patience(3)], losses: losses, validation: validation) == nil)
    }

    @Test("divergence is checked first; earlier criteria win ties")
    func order() throws {
        let stop = try #require(try firstStop([.lossChange(1e9), .maxSteps(1)], losses: [1, .nan]))
        #expect(stop.step == 1 && stop.reason == .diverged(step: 1))
        #expect(try firstStop([.maxSteps(5)], losses: [1, 2, .infinity])?.reason == .diverged(step: 2))
        #expect(try firstStop([], losses: [1, 1], gradients: [1, .nan])?.reason == .diverged(step: 1))
        let both = try #require(try firstStop([.lossBelow(5), .maxSteps(3)], losses: [9, 8, 7, 4]))
        #expect(both.reason == .criterion("loss below 5 reached at step 3"))
        var monitor = try StopMonitor(criteria: [.maxSteps(3), .lossBelow(5)])
        for step in 0..<3 { _ = monitor.check(step: step, loss: 9) }
        #expect(monitor.check(step: 3, loss: 4) == .criterion("max steps 3 reached at step 3"))
        #expect(monitor.firedCriterion == .maxSteps(3))
    }

    @Test("negative eps and k <= 0 throw, naming the criterion")
    func validation() {
        #expect(throws: DescentError.invalidHyperparameter(name: "relativeGradient", value: -1e-6, expected: "a finite value >= 0")) {
            try StopMonitor(criteria: [.relativeGradient(-1e-6)])
        }
        #expect(throws: DescentError.invalidHyperparameter(name: "patience", value: 0, expected: "at least 1 epoch")) {
            try StopMonitor(criteria: [.patience(0)])
        }
        #expect(throws: DescentError.self) { try StopMonitor(criteria: [.maxSteps(-3)]) }
        #expect(throws: DescentError.self) { try StopMonitor(criteria: [.lossBelow(.nan)]) }
        #expect(StopReason.completed.description.contains("completed"))
    }
}
