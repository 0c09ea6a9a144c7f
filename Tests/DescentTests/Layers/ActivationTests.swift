import Testing
@testable import Descent

@Suite("Activations")
struct ActivationTests {
    static let layers: [String: any Layer] = ["sigmoid": Sigmoid(), "tanh": Tanh(), "relu": ReLU(), "prelu": PReLU()]

    @Test("values and gradients match torch", arguments: ["sigmoid", "tanh", "relu", "prelu"])
    func matchesTorch(kind: String) throws {
        let fixture = try ModelFixtures.load("model-layers", as: ModelLayerFixture.self)
        let c = try #require(fixture.cases.first { $0.layer == kind })
        let layer = try #require(Self.layers[kind])
        let result = try DenseTests.run(layer, c)
        #expect(modelClose(result.output, try c.output.tensor(), relative: 1e-14))
        #expect(modelClose(result.input, try c.inputGradient.tensor(), relative: 1e-12))
        for (mine, torch) in zip(result.parameters, c.parameterGradients) {
            #expect(modelClose(mine, try torch.tensor(), relative: 1e-12))
        }
    }

    @Test("gradient checks, including PReLU's slope", arguments: ["sigmoid", "tanh", "relu", "prelu"])
    func gradientChecks(kind: String) throws {
        let layer = try #require(Self.layers[kind])
        // No element at the ReLU kink.
        let x = try Tensor([[0.7, -1.3, 2.1], [-0.4, 0.05, -2.5]])
        let result = try gradientCheck(at: [x] + layer.parameters) { v in
            var context = ForwardContext(training: true)
            let y = try layer.forward(v[0], parameters: Array(v[1...]), context: &context)
            return try (y * y).sum() + y.sum()
        }
        #expect(result.maxRelativeError < 1e-6, "\(kind): \(result)")
    }

    @Test("hand-computed values")
    func handValues() throws {
        let x = Tensor([-2, 0, 3])
        #expect(try ReLU().predict(x) == Tensor([0, 0, 3]))
        #expect(try PReLU(slope: 0.1).predict(x) == Tensor([-0.2, 0, 3]))
        #expect(try Sigmoid().predict(Tensor([0])) == Tensor([0.5]))
        #expect(try Tanh().predict(Tensor([0])) == Tensor([0]))
        var prelu = PReLU(slope: 0.3)
        prelu.parameters = [Tensor([0.9])]
        var random = RandomSource(seed: 0)
        try prelu.initialize(using: &random)
        #expect(prelu.slope == 0.3)
        #expect(prelu.parameterCount == 1)
    }

    @Test("PReLU rejects a malformed slope")
    func badSlope() {
        var prelu = PReLU()
        prelu.parameters = [Tensor([1, 2])]
        #expect(throws: DescentError.self) { try prelu.predict(Tensor([1])) }
    }
}
