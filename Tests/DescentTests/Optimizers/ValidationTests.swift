import Testing
@testable import Descent

/// Bad hyper-parameters and bad gradients throw a `DescentError` naming what was wrong.
@Suite("Optimizer validation")
struct OptimizerValidationTests {
    /// Expects `validate()` and the first `step` to throw invalidHyperparameter naming `name` and `value`.
    func expectInvalid(_ optimizer: any Optimizing, _ name: String, _ value: Double,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try optimizer.validate()
            Issue.record("\(optimizer.name) validated, expected a bad \(name)", sourceLocation: sourceLocation)
        } catch let error as DescentError {
            guard case let .invalidHyperparameter(badName, badValue, _) = error else {
                Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(badName == name, sourceLocation: sourceLocation)
            #expect(badValue == value || (badValue.isNaN && value.isNaN), sourceLocation: sourceLocation)
            #expect(error.description.contains(name), sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
        var copy = optimizer
        var parameters = [Tensor([1.0, 2.0])]
        #expect(throws: DescentError.self, sourceLocation: sourceLocation) {
            try copy.step(&parameters, gradients: [Tensor([0.1, 0.2])])
        }
        #expect(parameters == [Tensor([1.0, 2.0])], "a rejected step must not move the parameters",
                sourceLocation: sourceLocation)
    }

    @Test("learning rates must be finite and non-negative")
    func learningRates() {
        expectInvalid(GD(lr: -0.1), "lr", -0.1)
        expectInvalid(SGD(lr: -1), "lr", -1)
        expectInvalid(Momentum(lr: .infinity), "lr", .infinity)
        expectInvalid(Nesterov(lr: -0.5), "lr", -0.5)
        expectInvalid(AdaGrad(lr: -0.01), "lr", -0.01)
        expectInvalid(RMSProp(lr: .nan), "lr", .nan)
        expectInvalid(AdaDelta(lr: -1), "lr", -1)
        expectInvalid(Adam(lr: -0.001), "lr", -0.001)
        expectInvalid(AdamW(lr: -0.001), "lr", -0.001)
        expectInvalid(NAdam(lr: -0.002), "lr", -0.002)
        expectInvalid(Optimizer("mine", lr: -1) { _, _, _ in }, "lr", -1)
    }

    @Test("SGD options")
    func sgd() {
        expectInvalid(SGD(momentum: -0.9), "momentum", -0.9)
        expectInvalid(SGD(momentum: 0.9, dampening: -0.1), "dampening", -0.1)
        expectInvalid(SGD(momentum: 0.9, dampening: 1.5), "dampening", 1.5)
        expectInvalid(SGD(weightDecay: -0.01), "weightDecay", -0.01)
        expectInvalid(SGD(nesterov: true), "momentum", 0)
        expectInvalid(SGD(momentum: 0.9, dampening: 0.1, nesterov: true), "dampening", 0.1)
        expectInvalid(SGD.keras(momentum: 1.5), "momentum", 1.5)
    }

    @Test("momentum factors")
    func momentum() {
        expectInvalid(Momentum(mu: -0.1), "mu", -0.1)
        expectInvalid(Momentum(mu: 1.1, form: .exponentialAverage), "mu", 1.1)
        expectInvalid(Nesterov(mu: 2), "mu", 2)
    }

    @Test("decay rates lie in [0, 1)")
    func decayRates() {
        expectInvalid(Adam(beta1: 1), "beta1", 1)
        expectInvalid(Adam(beta2: -0.1), "beta2", -0.1)
        expectInvalid(AdamW(beta1: 1.5), "beta1", 1.5)
        expectInvalid(NAdam(beta2: 1), "beta2", 1)
        expectInvalid(RMSProp(alpha: 1), "alpha", 1)
        expectInvalid(RMSProp.keras(rho: -0.5), "rho", -0.5)
        expectInvalid(AdaDelta(rho: 1.2), "rho", 1.2)
    }

    @Test("eps, weight decay and other coefficients are non-negative")
    func coefficients() {
        expectInvalid(Adam(eps: -1e-8), "eps", -1e-8)
        expectInvalid(Adam(weightDecay: -0.1), "weightDecay", -0.1)
        expectInvalid(AdamW(weightDecay: -0.01), "weightDecay", -0.01)
        expectInvalid(NAdam(momentumDecay: -0.004), "momentumDecay", -0.004)
        expectInvalid(NAdam(eps: -1), "eps", -1)
        expectInvalid(AdaGrad(lrDecay: -0.1), "lrDecay", -0.1)
        expectInvalid(AdaGrad(initialAccumulatorValue: -0.1), "initialAccumulatorValue", -0.1)
        expectInvalid(AdaGrad(eps: -1e-10), "eps", -1e-10)
        expectInvalid(AdaGrad(weightDecay: -1), "weightDecay", -1)
        expectInvalid(RMSProp(eps: -1), "eps", -1)
        expectInvalid(RMSProp(weightDecay: -1), "weightDecay", -1)
        expectInvalid(RMSProp(momentum: -0.9), "momentum", -0.9)
        expectInvalid(AdaDelta(eps: -1e-6), "eps", -1e-6)
        expectInvalid(AdaDelta(weightDecay: -0.5), "weightDecay", -0.5)
    }

    @Test("epsilon hat is Adam's only")
    func epsilonHat() {
        for optimizer in [AdaGrad(epsilonPlacement: .hat) as any Optimizing, RMSProp(epsilonPlacement: .hat)] {
            #expect(throws: DescentError.self) { try optimizer.validate() }
        }
        #expect(throws: Never.self) { try Adam(epsilonPlacement: .hat).validate() }
    }

    @Test("a schedule that sets a negative lr is caught at the next step")
    func negativeLRAfterConstruction() throws {
        var adam = Adam(lr: 0.1)
        var parameters = [Tensor([1.0])]
        try adam.step(&parameters, gradients: [Tensor([1.0])])
        adam.lr = -0.1
        #expect(throws: DescentError.invalidHyperparameter(name: "lr", value: -0.1, expected: "a finite value >= 0")) {
            try adam.step(&parameters, gradients: [Tensor([1.0])])
        }
    }

    @Test("gradients must match the parameters", arguments: [
        GD() as any Optimizing, SGD(momentum: 0.9), Momentum(), Nesterov(), AdaGrad(), RMSProp(), AdaDelta(),
        Adam(), AdamW(), NAdam(), Optimizer("noop") { _, _, _ in },
    ])
    func shapeMismatch(_ optimizer: any Optimizing) throws {
        var optimizer = optimizer
        var parameters = [try Tensor([[1.0, 2.0], [3.0, 4.0]]), Tensor([1.0, 2.0])]
        let original = parameters
        #expect(throws: DescentError.shapeMismatch(
            operation: "\(optimizer.name).step (parameter vs gradient)", lhs: [2, 2], rhs: [4])) {
            try optimizer.step(&parameters, gradients: [Tensor([1.0, 2.0, 3.0, 4.0]), Tensor([1.0, 2.0])])
        }
        #expect(throws: DescentError.self) {
            try optimizer.step(&parameters, gradients: [Tensor([1.0, 2.0])])
        }
        #expect(parameters == original)
        // After a good first step, a parameter of another shape no longer fits the state.
        try optimizer.step(&parameters, gradients: [try Tensor([[1.0, 1.0], [1.0, 1.0]]), Tensor([1.0, 1.0])])
        if !(optimizer is GD) {
            var other = [try Tensor([[1.0, 2.0, 3.0]]), Tensor([1.0, 2.0])]
            #expect(throws: DescentError.self) {
                try optimizer.step(&other, gradients: [try Tensor([[1.0, 1.0, 1.0]]), Tensor([1.0, 1.0])])
            }
        }
    }
}
