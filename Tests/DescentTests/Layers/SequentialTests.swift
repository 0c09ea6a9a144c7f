import Testing
@testable import Descent

@Suite("Sequential")
struct SequentialTests {
    func model(seed: Int = 0) -> Sequential {
        Sequential(seed: seed) {
            Dense(2, 32, init: .he)
            ReLU()
            Dense(32, 1, init: .xavier)
        }
    }

    @Test("parameters are the layers' in order, drawn from the seed in order")
    func parametersInOrder() throws {
        let m = model(seed: 42)
        #expect(m.parameters.map(\.shape) == [[2, 32], [32], [32, 1], [1]])
        #expect(m.parameterCount == 2 * 32 + 32 + 32 + 1)
        var random = RandomSource(seed: 42)
        let w1 = try Initializer.he.weights(fanIn: 2, fanOut: 32, using: &random)
        let w2 = try Initializer.xavier.weights(fanIn: 32, fanOut: 1, using: &random)
        #expect(m.parameters[0] == w1 && m.parameters[2] == w2)
        #expect(m.parameters[1].scalars.allSatisfy { $0 == 0 })
        #expect(model(seed: 42).parameters == m.parameters)
        #expect(model(seed: 43).parameters != m.parameters)
        let fromArray = Sequential(seed: 42, layers: [Dense(2, 32, init: .he), ReLU(), Dense(32, 1, init: .xavier)])
        #expect(fromArray.parameters == m.parameters)
    }

    @Test("predict equals the hand-composed forward pass")
    func predict() throws {
        let m = model(seed: 1)
        let x = try Tensor([[0.5, -1], [2, 0.25], [-0.3, 0.8]])
        let p = m.parameters
        let hidden = try (x.matmul(p[0]) + p[1]).relu()
        let expected = try hidden.matmul(p[2]) + p[3]
        #expect(modelClose(try m.predict(x), expected, relative: 1e-13))
        #expect(try m.predict(x).shape == [3, 1])
    }

    @Test("gradient check through the whole model")
    func gradientCheckModel() throws {
        let m = Sequential(seed: 2) { Dense(2, 4, init: .he); Tanh(); Dense(4, 3); PReLU() }
        let x = try Tensor([[0.5, -1], [2, 0.25]])
        let y = Tensor([2, 0])
        let result = try gradientCheck(at: m.parameters) { parameters in
            var context = ForwardContext(training: true)
            return try Loss.crossEntropy(m.forward(Variable(x), parameters: parameters, context: &context), y)
        }
        #expect(result.maxRelativeError < 1e-6, "\(result)")
    }

    @Test("setting parameters splits them back to the layers")
    func setParameters() throws {
        var m = model()
        var p = m.parameters
        p[3] = Tensor([7])
        m.parameters = p
        #expect(m.parameters[3] == Tensor([7]))
        #expect(try m.predict(try Tensor(repeating: 0, shape: [1, 2])) == (try Tensor([[7]])))
        m.parameters = Array(p.dropLast())
        #expect(throws: DescentError.self) { try m.predict(try Tensor([[1, 2]])) }
    }

    @Test("mismatched widths are reported by forward and validate")
    func widthMismatch() throws {
        let m = Sequential(seed: 0) { Dense(2, 8); ReLU(); Dense(4, 1) }
        #expect(throws: DescentError.self) { try m.validate() }
        #expect(throws: DescentError.self) { try m.predict(try Tensor([[1, 2]])) }
        #expect(throws: DescentError.self) { try model().predict(try Tensor([[1, 2, 3]])) }
        var context = ForwardContext(training: true)
        #expect(throws: DescentError.self) {
            try model().forward(Variable(try Tensor([[1, 2]])), parameters: [Variable(Tensor([1]))], context: &context)
        }
    }

    @Test("builder loops and conditions; description lists layers and shapes")
    func builderAndDescription() throws {
        let deep = true
        let m = Sequential(seed: 0) {
            Dense(2, 16, init: .he)
            for _ in 0..<2 {
                Dense(16, 16, init: .he)
                ReLU()
            }
            if deep { Dropout(0.2) }
            Dense(16, 1)
        }
        #expect(m.layers.count == 7)
        #expect(m.parameterCount == 48 + 2 * 272 + 17)
        let text = m.description
        #expect(text.contains("Sequential(seed: 0): 7 layers, 609 parameters"))
        #expect(text.contains("Dense(2, 16, init: .he)"))
        #expect(text.contains("params [16, 16], [16] = 272"))
        #expect(text.contains("Dropout(0.2)"))
    }
}
