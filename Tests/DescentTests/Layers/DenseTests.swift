import Testing
@testable import Descent

@Suite("Dense")
struct DenseTests {
    /// Runs a layer on the fixture's input and back-propagates its upstream gradient.
    static func run(_ layer: any Layer, _ c: ModelLayerCase) throws -> (output: Tensor, input: Tensor, parameters: [Tensor]) {
        let x = Variable(try c.input.tensor(), requiresGrad: true)
        let parameters = try c.parameters.map { Variable(try $0.tensor(), requiresGrad: true) }
        var context = ForwardContext(training: true)
        let y = try layer.forward(x, parameters: parameters, context: &context)
        try y.backward(seed: c.upstream.tensor())
        return (y.value, try #require(x.grad), try parameters.map { try #require($0.grad) })
    }

    @Test("forward and gradients match torch F.linear", arguments: ["dense", "denseNoBias"])
    func matchesTorch(kind: String) throws {
        let fixture = try ModelFixtures.load("model-layers", as: ModelLayerFixture.self)
        let c = try #require(fixture.cases.first { $0.layer == kind })
        let layer = Dense(3, 2, bias: kind == "dense")
        let result = try Self.run(layer, c)
        #expect(modelClose(result.output, try c.output.tensor()))
        #expect(modelClose(result.input, try c.inputGradient.tensor()))
        for (mine, torch) in zip(result.parameters, c.parameterGradients) {
            #expect(modelClose(mine, try torch.tensor()))
        }
        #expect(result.parameters.count == (kind == "dense" ? 2 : 1))
    }

    @Test("gradient check for input, weight and bias")
    func gradientCheckDense() throws {
        let layer = Dense(3, 4, init: .he, seed: 5)
        let x = try Tensor([[0.5, -1, 2], [0.1, 0.3, -0.7]])
        let result = try gradientCheck(at: [x] + layer.parameters) { v in
            var context = ForwardContext(training: true)
            let y = try layer.forward(v[0], parameters: Array(v[1...]), context: &context)
            return try (y * y).sum()
        }
        #expect(result.maxRelativeError < 1e-6, "\(result)")
    }

    @Test("a seeded layer draws its weight like its initializer, bias zero")
    func seededInitialization() throws {
        let layer = Dense(2, 3, init: .he, seed: 4)
        var random = RandomSource(seed: 4)
        #expect(layer.weight == (try Initializer.he.weights(fanIn: 2, fanOut: 3, using: &random)))
        #expect(layer.bias == Tensor([0, 0, 0]))
        #expect(layer.parameterCount == 9)
        #expect(Dense(2, 3, init: .he, seed: 4).parameters == layer.parameters)
        #expect(Dense(2, 3, init: .he, seed: 5).parameters != layer.parameters)
        #expect(layer.description == "Dense(2, 3, init: .he)")
    }

    @Test("a vector input gives a vector output equal to one row")
    func vectorInput() throws {
        let layer = Dense(3, 2, init: .xavier, seed: 2)
        let row = try layer.predict(try Tensor([[1, 2, 3]]))
        let vector = try layer.predict(Tensor([1, 2, 3]))
        #expect(vector.shape == [2])
        #expect(vector.scalars == row.scalars)
        // Hand check: x·W + b with b = 0.
        let w = try #require(layer.weight)
        let expected = (0..<2).map { j in (0..<3).reduce(0.0) { $0 + Double($1 + 1) * w.scalars[$1 * 2 + j] } }
        #expect(modelClose(vector, Tensor(expected), relative: 1e-14))
    }

    @Test("bad shapes and sizes throw")
    func badShapes() throws {
        let layer = Dense(3, 2)
        #expect(throws: DescentError.self) { try layer.predict(try Tensor([[1, 2]])) }
        #expect(throws: DescentError.self) { try Dense(0, 2).predict(try Tensor([[1.0]])) }
        var broken = layer
        broken.parameters = [Tensor([1, 2])]
        #expect(throws: DescentError.self) { try broken.predict(try Tensor([[1, 2, 3]])) }
        var zero = Dense(0, 2)
        var random = RandomSource(seed: 0)
        #expect(throws: DescentError.self) { try zero.initialize(using: &random) }
    }
}
