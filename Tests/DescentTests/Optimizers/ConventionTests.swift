import Foundation
import Testing
@testable import Descent

/// The notes' conventions: momentum forms, Nesterov's look-ahead, epsilon placement,
/// each checked by hand or against the PyTorch form the math says it equals.
@Suite("Optimizer conventions")
struct OptimizerConventionTests {
    /// A gradient sequence that changes every step and does not depend on the iterate.
    static func gradients(_ step: Int) -> [Tensor] {
        let t = Double(step)
        return [Tensor((0..<6).map { sin(0.7 * t + Double($0)) + 0.3 * cos(1.3 * t * Double($0 + 1)) }),
                Tensor([cos(0.4 * t), sin(2.1 * t) - 0.5])]
    }

    static let start = [Tensor([0.5, -1.0, 2.0, 0.1, -0.3, 0.8]), Tensor([1.0, -2.0])]

    static func run(_ optimizer: any Optimizing, steps: Int = 100) throws -> [[Tensor]] {
        var optimizer = optimizer
        var parameters = start
        var iterates: [[Tensor]] = []
        for step in 0..<steps {
            try optimizer.step(&parameters, gradients: gradients(step))
            iterates.append(parameters)
        }
        return iterates
    }

    static func expectClose(_ lhs: [[Tensor]], _ rhs: [[Tensor]], _ tolerance: Double = 1e-12,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(lhs.count == rhs.count, sourceLocation: sourceLocation)
        for (step, (a, b)) in zip(lhs, rhs).enumerated() {
            for (x, y) in zip(a, b) where relativeError(x.scalars, y.scalars) > tolerance {
                Issue.record("iterates differ at step \(step + 1): \(x) vs \(y)", sourceLocation: sourceLocation)
                return
            }
        }
    }

    @Test("classic Momentum equals SGD(momentum:) at a constant learning rate")
    func classicMomentumIsSGD() throws {
        Self.expectClose(try Self.run(Momentum(lr: 0.05, mu: 0.9)), try Self.run(SGD(lr: 0.05, momentum: 0.9)))
    }

    @Test("exponential-average Momentum equals SGD with lr scaled by 1 - mu")
    func exponentialMomentumIsScaledSGD() throws {
        let mu = 0.8
        Self.expectClose(try Self.run(Momentum(lr: 0.05, mu: mu, form: .exponentialAverage)),
                         try Self.run(SGD(lr: 0.05 * (1 - mu), momentum: mu)))
    }

    @Test("the two momentum forms differ")
    func formsDiffer() throws {
        let classic = try Self.run(Momentum(lr: 0.05, mu: 0.8), steps: 1)
        let average = try Self.run(Momentum(lr: 0.05, mu: 0.8, form: .exponentialAverage), steps: 1)
        // First step: classic moves by lr g, the average by lr (1 - mu) g.
        let g = Self.gradients(0)[0].scalars[0]
        #expect(Swift.abs(classic[0][0].scalars[0] - (0.5 - 0.05 * g)) < 1e-15)
        #expect(Swift.abs(average[0][0].scalars[0] - (0.5 - 0.05 * 0.2 * g)) < 1e-15)
    }

    /// f(θ) = (θ₁² + 10 θ₂²) / 2, gradient (θ₁, 10 θ₂).
    static func quadraticGradient(_ point: [Tensor]) -> [Tensor] {
        [Tensor([point[0].scalars[0], 10 * point[0].scalars[1]])]
    }

    @Test("Nesterov takes the gradient at θ + μϑ, by hand on a quadratic")
    func nesterovByHand() throws {
        var nesterov = Nesterov(lr: 0.05, mu: 0.9)
        var theta = [Tensor([1.0, 1.0])]
        var point = try nesterov.gradientPoint(theta)
        #expect(point == theta)
        try nesterov.step(&theta, gradients: Self.quadraticGradient(point))
        // v1 = -0.05 (1, 10) = (-0.05, -0.5); θ1 = (0.95, 0.5)
        #expect(relativeError(theta[0].scalars, [0.95, 0.5]) < 1e-15)
        point = try nesterov.gradientPoint(theta)
        #expect(relativeError(point[0].scalars, [0.905, 0.05]) < 1e-14)
        try nesterov.step(&theta, gradients: Self.quadraticGradient(point))
        // g = (0.905, 0.5); v2 = 0.9 v1 - 0.05 g = (-0.09025, -0.475); θ2 = (0.85975, 0.025)
        #expect(relativeError(theta[0].scalars, [0.85975, 0.025]) < 1e-14)
        point = try nesterov.gradientPoint(theta)
        #expect(relativeError(point[0].scalars, [0.778525, -0.4025]) < 1e-14)
    }

    @Test("SGD(nesterov: true) walks the notes' look-ahead points θ + μϑ")
    func nesterovAgreesWithTorchForm() throws {
        var notes = Nesterov(lr: 0.04, mu: 0.85)
        var torch = SGD(lr: 0.04, momentum: 0.85, nesterov: true)
        var theta = [Tensor([1.5, -0.7])]
        var phi = theta
        for step in 1...60 {
            let point = try notes.gradientPoint(theta)
            #expect(relativeError(point[0].scalars, phi[0].scalars) < 1e-12, "step \(step)")
            try notes.step(&theta, gradients: Self.quadraticGradient(point))
            try torch.step(&phi, gradients: Self.quadraticGradient(phi))
        }
        // Plain momentum takes the gradient at θ and so follows a different path.
        var plain = Momentum(lr: 0.04, mu: 0.85)
        var psi = [Tensor([1.5, -0.7])]
        for _ in 1...3 { try plain.step(&psi, gradients: Self.quadraticGradient(psi)) }
        var notes3 = Nesterov(lr: 0.04, mu: 0.85)
        var theta3 = [Tensor([1.5, -0.7])]
        for _ in 1...3 { try notes3.step(&theta3, gradients: Self.quadraticGradient(try notes3.gradientPoint(theta3))) }
        #expect(relativeError(psi[0].scalars, theta3[0].scalars) > 1e-3)
    }

    @Test("exponential-average Nesterov looks ahead to w - lr γ v")
    func nesterovExponentialLookAhead() throws {
        var nesterov = Nesterov(lr: 0.1, mu: 0.5, form: .exponentialAverage)
        var w = [Tensor([2.0])]
        try nesterov.step(&w, gradients: [Tensor([4.0])])
        // v1 = 0.5 * 4 = 2; w1 = 2 - 0.1 * 2 = 1.8; look-ahead 1.8 - 0.1 * 0.5 * 2 = 1.7
        #expect(Swift.abs(w[0].scalars[0] - 1.8) < 1e-15)
        #expect(Swift.abs(try nesterov.gradientPoint(w)[0].scalars[0] - 1.7) < 1e-15)
    }

    /// One step from w = 1 with gradient 0.5 and lr 0.1.
    static func firstStep(_ optimizer: any Optimizing) throws -> Double {
        var optimizer = optimizer
        var w = [Tensor([1.0])]
        try optimizer.step(&w, gradients: [Tensor([0.5])])
        return w[0].scalars[0]
    }

    @Test("epsilon inside or outside the root, by hand")
    func epsilonPlacement() throws {
        let eps = 0.01
        func close(_ a: Double, _ b: Double) -> Bool { Swift.abs(a - b) <= 1e-15 }
        // AdaGrad: G = 0.25.
        #expect(close(try Self.firstStep(AdaGrad(lr: 0.1, eps: eps)), 1 - 0.05 / (0.5 + eps)))
        #expect(close(try Self.firstStep(AdaGrad(lr: 0.1, eps: eps, epsilonPlacement: .inside)), 1 - 0.05 / (0.25 + eps).squareRoot()))
        // RMSProp with alpha 0.9: S = 0.1 * 0.25 = 0.025.
        #expect(close(try Self.firstStep(RMSProp(lr: 0.1, alpha: 0.9, eps: eps)), 1 - 0.05 / (0.025.squareRoot() + eps)))
        #expect(close(try Self.firstStep(RMSProp(lr: 0.1, alpha: 0.9, eps: eps, epsilonPlacement: .inside)),
                      1 - 0.05 / (0.025 + eps).squareRoot()))
        // Adam: bias-corrected m̂ = 0.5, v̂ = 0.25 at the first step.
        #expect(close(try Self.firstStep(Adam(lr: 0.1, eps: eps)), 1 - 0.1 * 0.5 / (0.5 + eps)))
        #expect(close(try Self.firstStep(Adam(lr: 0.1, eps: eps, epsilonPlacement: .inside)), 1 - 0.1 * 0.5 / (0.25 + eps).squareRoot()))
        // Epsilon hat: lr_t = 0.1 sqrt(0.001) / 0.1, m = 0.05, v = 0.00025 uncorrected.
        #expect(close(try Self.firstStep(Adam(lr: 0.1, eps: eps, epsilonPlacement: .hat)),
                      1 - 0.001.squareRoot() * 0.05 / (0.00025.squareRoot() + eps)))
    }
}
