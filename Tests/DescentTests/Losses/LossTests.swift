import Testing
@testable import Descent

@Suite("Losses")
struct LossTests {
    static let losses: [String: Loss] = [
        "mse": .mse, "halfSumSquared": .halfSumSquared, "bce": .bce,
        "bceWithLogits": .bceWithLogits, "crossEntropy": .crossEntropy, "hinge": .hinge,
    ]

    @Test("values and gradients match torch.nn.functional")
    func matchesTorch() throws {
        let fixture = try ModelFixtures.load("model-losses", as: ModelLossFixture.self)
        #expect(fixture.cases.count == 8)
        for c in fixture.cases {
            let loss = try #require(Self.losses[c.loss])
            let (value, gradient) = try valueWithGradient(at: c.output.tensor()) { try loss($0, c.target.tensor()) }
            #expect(modelClose(value, c.value, relative: 1e-12), "\(c.name): \(value) vs torch \(c.value)")
            // torch's clamp ε for p(1 − p) is the float32 1e-12, 4e-9 away from ours in relative terms.
            let tolerance = c.name.contains("clamped") ? 1e-8 : 1e-10
            #expect(modelClose(gradient, try c.gradient.tensor(), relative: tolerance), "\(c.name) gradient")
            #expect(gradient.shape == c.output.shape)
        }
    }

    @Test("every loss passes a finite-difference gradient check")
    func gradientChecks() throws {
        let scores = try Tensor([[0.3, -1.2, 0.8], [1.5, 0.1, -0.4], [-0.7, 0.9, 0.2], [0.05, -0.3, 1.1]])
        let labels = try Tensor([2.0, 0, 1, 2]).reshaped([4, 1])
        let regressionTarget = try Tensor([[1, 0, 2], [0.5, 0.5, 0.5], [-1, 0, 1], [0, 0, 0]])
        let probabilities = scores.sigmoid()
        let binaryTarget = try Tensor([[1, 0, 1], [0, 1, 0], [1, 1, 0], [0.3, 0.7, 1]])
        let checks: [(String, Tensor, Tensor, Loss)] = [
            ("mse", scores, regressionTarget, .mse),
            ("halfSumSquared", scores, regressionTarget, .halfSumSquared),
            ("bce", probabilities, binaryTarget, .bce),
            ("bceWithLogits", scores, binaryTarget, .bceWithLogits),
            ("crossEntropy", scores, labels, .crossEntropy),
            ("crossEntropy soft", scores, try Tensor([[0.2, 0.3, 0.5], [1, 0, 0], [0, 0.5, 0.5], [0.1, 0.1, 0.8]]), .crossEntropy),
            ("hinge", scores, labels, .hinge),
        ]
        for (name, input, target, loss) in checks {
            let result = try gradientCheck(at: input) { try loss($0, target) }
            #expect(result.maxRelativeError < 1e-6, "\(name): \(result)")
        }
    }

    @Test("hand-computed small cases")
    func handComputed() throws {
        // ½((1−0)² + (3−1)²) = 2.5 and mean (1 + 4)/2 = 2.5.
        let o = Tensor([1, 3]), t = Tensor([0, 1])
        #expect(try Loss.halfSumSquared(o, t) == 2.5)
        #expect(try Loss.mse(o, t) == 2.5)
        // Two equal logits: cross-entropy log 2. Hinge with scores [0, 0], y = 0: max(0, 1)/2 = 0.5.
        let z = try Tensor([[0.0, 0.0]])
        #expect(modelClose(try Loss.crossEntropy(z, Tensor([0])), 0.6931471805599453))
        #expect(try Loss.hinge(z, Tensor([0])) == 0.5)
        // bceWithLogits(z) equals bce(σ(z)) where both are finite.
        let logits = Tensor([-2, 0.5, 3]), y = Tensor([0, 1, 1])
        #expect(modelClose(try Loss.bceWithLogits(logits, y), try Loss.bce(logits.sigmoid(), y), relative: 1e-12))
    }

    @Test("cross-entropy stays finite for huge logits")
    func stableCrossEntropy() throws {
        let z = try Tensor([[1000, 0, -1000], [-5000, 5000, 0]])
        let value = try Loss.crossEntropy(z, Tensor([0, 1]))
        #expect(value.isFinite && value >= 0 && value < 1e-300)
        let wrong = try Loss.crossEntropy(z, Tensor([2, 0]))
        #expect(modelClose(wrong, (2000.0 + 10000.0) / 2))
    }

    @Test("bad shapes and labels throw")
    func badInput() throws {
        let o = try Tensor([[0.1, 0.2], [0.3, 0.4]])
        #expect(throws: DescentError.self) { try Loss.mse(o, Tensor([1, 2, 3])) }
        #expect(throws: DescentError.self) { try Loss.bceWithLogits(o, try Tensor([[1, 0, 1]])) }
        #expect(throws: DescentError.self) { try Loss.crossEntropy(o, Tensor([0, 2])) }
        #expect(throws: DescentError.self) { try Loss.crossEntropy(o, Tensor([0, 0.5])) }
        #expect(throws: DescentError.self) { try Loss.crossEntropy(o, Tensor([0, 1, 1])) }
        #expect(throws: DescentError.self) { try Loss.hinge(o, Tensor([-1, 0])) }
        #expect(throws: DescentError.self) { try Loss.bce(Tensor([1.5, 0.5]), Tensor([1, 0])) }
        #expect(throws: DescentError.self) { try Loss.mse(Tensor(shape: [0], scalars: []), Tensor(shape: [0], scalars: [])) }
        // A [n] target against a [n, 1] output is accepted.
        #expect(try Loss.mse(try Tensor([[1], [2]]), Tensor([1, 2])) == 0)
    }

    @Test("names")
    func names() {
        #expect(Loss.bceWithLogits.name == "bceWithLogits")
        #expect(Loss.crossEntropy.description == "crossEntropy")
    }
}
