import Testing
@testable import Descent

/// Every differentiable op's gradient against central differences.
@Suite("Autodiff against gradientCheck")
struct GradientTests {
    let a = try! Tensor([[0.3, -1.2, 0.7], [1.5, 0.2, -0.4]])
    let b = try! Tensor([[0.9, 0.1, -0.6], [-0.3, 1.1, 0.8]])
    let positive = try! Tensor([[0.5, 1.3, 2.2], [0.8, 1.7, 0.25]])
    /// A fixed non-uniform weighting, so that a wrong gradient cannot hide behind symmetry.
    let weights = try! Tensor([[1.0, -2.0, 0.5], [0.25, 3.0, -1.5]])

    /// Reduces any output to a scalar with fixed, unequal weights of its shape.
    func weighted(_ v: Variable) throws -> Variable {
        let w = try Tensor(shape: v.shape, scalars: Array(weights.scalars.prefix(v.value.count)))
        return try (v * Variable(w)).sum()
    }

    func check(_ inputs: [Tensor], tolerance: Double = 1e-6, _ f: @escaping ([Variable]) throws -> Variable) throws {
        let result = try gradientCheck(at: inputs, of: f)
        #expect(result.maxRelativeError < tolerance, "\(result)")
    }

    @Test func arithmetic() throws {
        try check([a, b]) { v in try weighted(try v[0] + v[1]) }
        try check([a, b]) { v in try weighted(try v[0] - v[1]) }
        try check([a, b]) { v in try weighted(try v[0] * v[1]) }
        try check([a, positive]) { v in try weighted(try v[0] / v[1]) }
        try check([a]) { v in try weighted(-v[0] * 3 + 2) }
        try check([positive]) { v in try weighted(2 / v[0] - 1) }
    }

    @Test func broadcasting() throws {
        let row = Tensor([0.5, -1.0, 2.0])
        let column = try Tensor([[1.5], [-0.5]])
        try check([a, row]) { v in try weighted(try v[0] * v[1]) }
        try check([a, column]) { v in try weighted(try v[0] + v[1]) }
        try check([a, column]) { v in try weighted(try v[0] / (v[1] + 3)) }
        try check([a, Tensor(1.7)]) { v in try weighted(try v[0] - v[1]) }
    }

    @Test func matmulAndTranspose() throws {
        let c = try Tensor([[0.2, -0.1], [0.4, 0.9], [-1.0, 0.3]])
        try check([a, c]) { v in try (try v[0].matmul(v[1])).squared().sum() }
        try check([a]) { v in try weighted(v[0].transposed.transposed) }
        try check([Tensor([0.3, -0.2, 0.5]), c]) { v in try v[0].matmul(v[1]).squared().sum() }
        try check([a, Tensor([1.0, -2.0, 0.5])]) { v in try v[0].matmul(v[1]).exp().sum() }
    }

    @Test func elementwiseFunctions() throws {
        try check([a]) { v in try weighted(v[0].exp()) }
        try check([positive]) { v in try weighted(v[0].log()) }
        try check([positive]) { v in try weighted(v[0].sqrt()) }
        try check([positive]) { v in try weighted(v[0].pow(2.5)) }
        try check([a]) { v in try weighted(v[0].pow(3)) }
        try check([a]) { v in try weighted(v[0].abs()) }
        try check([a]) { v in try weighted(v[0].tanh()) }
        try check([a]) { v in try weighted(v[0].sigmoid()) }
        try check([a]) { v in try weighted(v[0].relu()) }
        try check([a]) { v in try weighted(v[0].clamped(min: -0.5, max: 1.0)) }
        try check([a, b]) { v in try weighted(try v[0].maximum(v[1])) }
        try check([a, b]) { v in try weighted(try v[0].minimum(v[1])) }
    }

    @Test func reductions() throws {
        try check([a]) { v in v[0].sum().squared() }
        try check([a]) { v in v[0].mean().exp() }
        try check([a]) { v in try weighted(try v[0].sum(axis: 0)) }
        try check([a]) { v in try weighted(try v[0].sum(axis: 1)) }
        try check([a]) { v in try weighted(try v[0].mean(axis: 0)) }
        try check([a]) { v in try v[0].max().squared() }
        try check([a]) { v in try v[0].min().squared() }
        try check([a]) { v in try weighted(try v[0].max(axis: 1)) }
        try check([a]) { v in try weighted(try v[0].min(axis: 0)) }
        try check([a]) { v in try weighted(try v[0].reshaped([3, 2]).transposed) }
        try check([a]) { v in try v[0].rows([1, 0, 1]).squared().sum() }
    }

    @Test func variableUsedTwiceSumsBothPaths() throws {
        // d/dx (x * x + x) = 2x + 1, by hand.
        let (value, gradient) = try valueWithGradient(at: Tensor(3)) { x in try x * x + x }
        #expect(value == 12)
        #expect(gradient.scalars == [7])
    }

    @Test func compositionOfALogisticRegression() throws {
        let x = try Tensor([[0.5, -1.0], [1.5, 2.0], [-0.3, 0.8]])
        let y = try Tensor([[1.0], [0.0], [1.0]])
        let w = try Tensor([[0.2], [-0.4]])
        try check([w, Tensor(0.1)]) { v in
            let z = try Variable(x).matmul(v[0]) + v[1]
            let p = z.sigmoid()
            let nll = try Variable(y) * p.log() + (1 - Variable(y)) * (1 - p).log()
            return -nll.mean()
        }
    }

    @Test func backwardNeedsAScalar() throws {
        let v = Variable(a, requiresGrad: true)
        #expect(throws: DescentError.self) { try v.exp().backward() }
    }

    @Test func checkDetectsAWrongGradient() throws {
        // A deliberately wrong pullback must be caught: the check can fail.
        let result = try gradientCheck(at: [a]) { v in
            let x = v[0]
            let wrong = Variable(x.value.squared(), parents: [x], name: "bad square") { g in [g] }
            return wrong.sum()
        }
        #expect(result.maxRelativeError > 0.1)
    }
}

