import Foundation
import Testing
@testable import Descent

/// Keras's defaults and update rules, two steps by hand from w = 1 with gradients 0.5 then -0.2.
@Suite("Keras optimizer variants")
struct KerasVariantTests {
    static func twoSteps(_ optimizer: any Optimizing) throws -> (Double, Double) {
        var optimizer = optimizer
        var w = [Tensor([1.0])]
        try optimizer.step(&w, gradients: [Tensor([0.5])])
        let first = w[0].scalars[0]
        try optimizer.step(&w, gradients: [Tensor([-0.2])])
        return (first, w[0].scalars[0])
    }

    static func expect(_ actual: (Double, Double), _ expected: (Double, Double),
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Swift.abs(actual.0 - expected.0) <= 1e-14 * Swift.abs(expected.0), "step 1", sourceLocation: sourceLocation)
        #expect(Swift.abs(actual.1 - expected.1) <= 1e-14 * Swift.abs(expected.1), "step 2", sourceLocation: sourceLocation)
    }

    @Test("defaults are Keras's")
    func defaults() {
        let adam = Adam.keras()
        #expect(adam.lr == 0.001 && adam.beta1 == 0.9 && adam.beta2 == 0.999 && adam.eps == 1e-7 && !adam.amsgrad)
        #expect(adam.epsilonPlacement == .hat)
        let rmsprop = RMSProp.keras()
        #expect(rmsprop.lr == 0.001 && rmsprop.alpha == 0.9 && rmsprop.momentum == 0 && rmsprop.eps == 1e-7)
        #expect(!rmsprop.centered && rmsprop.epsilonPlacement == .inside)
        let adagrad = AdaGrad.keras()
        #expect(adagrad.lr == 0.001 && adagrad.initialAccumulatorValue == 0.1 && adagrad.eps == 1e-7)
        #expect(adagrad.epsilonPlacement == .inside)
        let adadelta = AdaDelta.keras()
        #expect(adadelta.lr == 0.001 && adadelta.rho == 0.95 && adadelta.eps == 1e-7)
        let sgd = SGD.keras()
        #expect(sgd.lr == 0.01 && sgd.momentum == 0 && !sgd.nesterov)
    }

    @Test("Adam.keras uses epsilon hat")
    func adam() throws {
        let (b1, b2, eps) = (0.9, 0.999, 1e-7)
        let m1 = 0.1 * 0.5, v1 = 0.001 * 0.25
        let rate1 = 0.1 * (1 - b2).squareRoot() / (1 - b1)
        let w1 = 1 - m1 * rate1 / (v1.squareRoot() + eps)
        let m2 = m1 + (-0.2 - m1) * 0.1, v2 = v1 + (0.04 - v1) * 0.001
        let rate2 = 0.1 * (1 - b2 * b2).squareRoot() / (1 - b1 * b1)
        let w2 = w1 - m2 * rate2 / (v2.squareRoot() + eps)
        Self.expect(try Self.twoSteps(Adam.keras(lr: 0.1)), (w1, w2))
        // PyTorch's Adam with the same epsilon lands elsewhere: epsilon is scaled differently.
        let torch = try Self.twoSteps(Adam(lr: 0.1, eps: 1e-2))
        let keras = try Self.twoSteps(Adam.keras(lr: 0.1, eps: 1e-2))
        #expect(Swift.abs(torch.0 - keras.0) > 1e-3)
    }

    @Test("RMSProp.keras: epsilon inside, lr inside the momentum buffer")
    func rmsprop() throws {
        let b1 = 0.1 * 0.5 / (0.025 + 1e-7).squareRoot()
        let w1 = 1 - b1
        let b2 = 0.5 * b1 + 0.1 * -0.2 / (0.9 * 0.025 + 0.1 * 0.04 + 1e-7).squareRoot()
        Self.expect(try Self.twoSteps(RMSProp.keras(lr: 0.1, momentum: 0.5)), (w1, w1 - b2))
        // Centered: S - A² + eps under the root; A1 = 0.05, A2 = 0.9 * 0.05 + 0.1 * -0.2 = 0.025.
        let c1 = 1 - 0.1 * 0.5 / (0.025 - 0.0025 + 1e-7).squareRoot()
        let c2 = c1 - 0.1 * -0.2 / (0.0265 - 0.025 * 0.025 + 1e-7).squareRoot()
        Self.expect(try Self.twoSteps(RMSProp.keras(lr: 0.1, centered: true)), (c1, c2))
    }

    @Test("AdaGrad.keras starts the accumulator at 0.1, epsilon inside")
    func adagrad() throws {
        let w1 = 1 - 0.1 * 0.5 / (0.35 + 1e-7).squareRoot()
        let w2 = w1 + 0.1 * 0.2 / (0.39 + 1e-7).squareRoot()
        Self.expect(try Self.twoSteps(AdaGrad.keras(lr: 0.1)), (w1, w2))
    }

    @Test("AdaDelta.keras: rho 0.95, eps 1e-7")
    func adadelta() throws {
        let s1 = 0.05 * 0.25
        let d1 = (1e-7).squareRoot() / (s1 + 1e-7).squareRoot() * 0.5
        let u1 = 0.05 * d1 * d1
        let s2 = 0.95 * s1 + 0.05 * 0.04
        let d2 = (u1 + 1e-7).squareRoot() / (s2 + 1e-7).squareRoot() * -0.2
        Self.expect(try Self.twoSteps(AdaDelta.keras(lr: 1.0)), (1 - d1, 1 - d1 - d2))
    }

    @Test("SGD.keras: velocity carries lr; Nesterov adds momentum * v - lr g")
    func sgd() throws {
        Self.expect(try Self.twoSteps(SGD.keras(lr: 0.1, momentum: 0.9)), (0.95, 0.925))
        Self.expect(try Self.twoSteps(SGD.keras(lr: 0.1, momentum: 0.9, nesterov: true)), (0.905, 0.9025))
        Self.expect(try Self.twoSteps(SGD.keras(lr: 0.1)), (0.95, 0.97))
    }

    @Test("Keras and PyTorch momentum differ once the learning rate changes")
    func learningRateChange() throws {
        var keras = SGD.keras(lr: 0.1, momentum: 0.9)
        var torch = SGD(lr: 0.1, momentum: 0.9)
        var a = [Tensor([1.0])], b = [Tensor([1.0])]
        try keras.step(&a, gradients: [Tensor([0.5])])
        try torch.step(&b, gradients: [Tensor([0.5])])
        #expect(a == b)
        keras.lr = 0.01
        torch.lr = 0.01
        try keras.step(&a, gradients: [Tensor([0.0])])
        try torch.step(&b, gradients: [Tensor([0.0])])
        // Keras: v = 0.9 * -0.05, w = 0.95 - 0.045. PyTorch: b = 0.9 * 0.5, w = 0.95 - 0.01 * 0.45.
        #expect(Swift.abs(a[0].scalars[0] - 0.905) < 1e-15)
        #expect(Swift.abs(b[0].scalars[0] - 0.9455) < 1e-15)
    }
}
