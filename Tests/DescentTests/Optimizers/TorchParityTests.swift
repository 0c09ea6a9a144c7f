import Foundation
import Testing
@testable import Descent

/// Replays torch.optim's recorded gradients through the Swift optimizers and
/// requires every iterate to match PyTorch 2.13 to 1e-12 relative.
@Suite("Optimizers match torch.optim")
struct TorchParityTests {
    static let tolerance = 1e-12

    @Test("fixture covers every optimizer and option")
    func coverage() throws {
        let fixture = try OptimizerFixture.load()
        #expect(fixture.steps == 100)
        #expect(fixture.torch.hasPrefix("2.13"))
        let optimizers = Set(fixture.cases.map(\.optimizer))
        #expect(optimizers == ["GD", "SGD", "AdaGrad", "RMSProp", "AdaDelta", "Adam", "AdamW", "NAdam"])
        let options = Set(fixture.cases.flatMap { $0.options.keys })
        let expected: Set<String> = [
            "lr", "momentum", "dampening", "nesterov", "weightDecay", "lrDecay", "initialAccumulatorValue",
            "eps", "alpha", "centered", "rho", "beta1", "beta2", "amsgrad", "decoupledWeightDecay", "momentumDecay",
        ]
        #expect(expected.isSubset(of: options), "missing: \(expected.subtracting(options))")
        for name in ["SGD", "AdaGrad", "RMSProp", "AdaDelta", "Adam", "AdamW", "NAdam"] {
            #expect(fixture.cases.contains { $0.optimizer == name && $0.options.isEmpty }, "no defaults case for \(name)")
        }
    }

    @Test("100 steps agree with torch", arguments: OptimizerFixture.caseNames)
    func replay(_ caseName: String) throws {
        let fixture = try #require(OptimizerFixture.shared, "Fixtures/optimizers.json did not load")
        let reference = try #require(fixture.cases.first { $0.name == caseName })
        var optimizer = try reference.makeOptimizer()
        let baseLR = optimizer.lr
        let schedule = reference.swiftSchedule
        var parameters = try fixture.initialParameters()
        for step in 0..<fixture.steps {
            if let schedule { optimizer.lr = schedule.lr(at: step, base: baseLR) }
            let rateError = Swift.abs(optimizer.lr - reference.rates[step]) / reference.rates[step]
            try #require(rateError <= Self.tolerance,
                         "\(caseName): learning rate at step \(step + 1) is \(optimizer.lr), torch used \(reference.rates[step])")
            try optimizer.step(&parameters, gradients: fixture.tensors(reference.gradients[step]))
            for (index, parameter) in parameters.enumerated() {
                let error = relativeError(parameter.scalars, reference.parameters[step][index])
                try #require(
                    error <= Self.tolerance,
                    "\(caseName) (\(reference.torch) vs \(optimizer.name)): parameter \(index) first differs at step \(step + 1), relative error \(error)")
            }
        }
    }

    @Test("default names reproduce the call")
    func defaultNames() {
        #expect(GD().name == "GD()")
        #expect(GD(lr: 0.1).name == "GD(lr: 0.1)")
        #expect(SGD().name == "SGD()")
        #expect(SGD(lr: 0.1, momentum: 0.9).name == "SGD(lr: 0.1, momentum: 0.9)")
        #expect(SGD(lr: 0.05, momentum: 0.8, nesterov: true).name == "SGD(lr: 0.05, momentum: 0.8, nesterov: true)")
        #expect(Adam(lr: 0.1).name == "Adam(lr: 0.1)")
        #expect(Adam(eps: 1e-7, amsgrad: true).name == "Adam(eps: 1e-7, amsgrad: true)")
        #expect(Adam(epsilonPlacement: .inside).name == "Adam(epsilonPlacement: .inside)")
        #expect(AdamW().name == "AdamW()")
        #expect(AdamW(weightDecay: 0.1).name == "AdamW(weightDecay: 0.1)")
        #expect(NAdam(momentumDecay: 0.01).name == "NAdam(momentumDecay: 0.01)")
        #expect(AdaGrad(lrDecay: 0.5).name == "AdaGrad(lrDecay: 0.5)")
        #expect(RMSProp(centered: true).name == "RMSProp(centered: true)")
        #expect(AdaDelta(rho: 0.95).name == "AdaDelta(rho: 0.95)")
        #expect(Momentum(lr: 0.1).name == "Momentum(lr: 0.1)")
        #expect(Momentum(mu: 0.5, form: .exponentialAverage).name == "Momentum(mu: 0.5, form: .exponentialAverage)")
        #expect(Nesterov().name == "Nesterov()")
        #expect(Adam.keras().name == "Adam.keras()")
        #expect(RMSProp.keras(rho: 0.8).name == "RMSProp.keras(rho: 0.8)")
        var renamed = Adam()
        renamed.name = "mine"
        #expect(renamed.name == "mine")
    }

    @Test("defaults are torch 2.13's")
    func defaults() {
        #expect(GD().lr == 0.01)
        let sgd = SGD()
        #expect(sgd.lr == 0.001 && sgd.momentum == 0 && sgd.dampening == 0 && !sgd.nesterov && sgd.weightDecay == 0)
        let adam = Adam()
        #expect(adam.lr == 0.001 && adam.beta1 == 0.9 && adam.beta2 == 0.999 && adam.eps == 1e-8 && adam.weightDecay == 0)
        #expect(AdamW().weightDecay == 0.01)
        let nadam = NAdam()
        #expect(nadam.lr == 0.002 && nadam.momentumDecay == 0.004)
        let adagrad = AdaGrad()
        #expect(adagrad.lr == 0.01 && adagrad.eps == 1e-10 && adagrad.initialAccumulatorValue == 0)
        let rmsprop = RMSProp()
        #expect(rmsprop.lr == 0.01 && rmsprop.alpha == 0.99 && rmsprop.eps == 1e-8)
        let adadelta = AdaDelta()
        #expect(adadelta.lr == 1.0 && adadelta.rho == 0.9 && adadelta.eps == 1e-6)
    }
}
