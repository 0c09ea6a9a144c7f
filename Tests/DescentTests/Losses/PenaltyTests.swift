import Testing
@testable import Descent

@Suite("Penalties")
struct PenaltyTests {
    let weight = try! Tensor([[1, -2], [3, 0]])
    let bias = Tensor([5, -1])

    @Test("L2 and L1 count weight matrices only (hand computed)")
    func values() throws {
        // λ Σ w² = 0.1 · (1 + 4 + 9 + 0); the bias [5, −1] is ignored.
        #expect(modelClose(Penalty.l2(0.1).value([weight, bias]), 1.4))
        // λ Σ |w| = 0.1 · 6.
        #expect(modelClose(Penalty.l1(0.1).value([weight, bias]), 0.6))
        let variable = try Penalty.l2(0.1)([Variable(weight), Variable(bias)])
        #expect(modelClose(variable.value.scalars[0], 1.4))
    }

    @Test("gradients: 2λw and λ·sign(w), zero for biases")
    func gradients() throws {
        let l2 = try Penalty.l2(0.5).gradients([weight, bias])
        #expect(l2[0] == (try Tensor([[1, -2], [3, 0]])))
        #expect(l2[1] == Tensor([0, 0]))
        let l1 = try Penalty.l1(0.5).gradients([weight, bias])
        #expect(l1[0] == (try Tensor([[0.5, -0.5], [0.5, 0]])))
        let (_, autodiff) = try valueWithGradient(at: [weight, bias]) { try Penalty.l2(0.5)($0) }
        #expect(autodiff[0] == l2[0])
        #expect(autodiff[1] == Tensor([0, 0]))
    }

    @Test("the penalty node passes a gradient check")
    func gradientCheckL2() throws {
        let w = try Tensor([[0.3, -0.7, 1.1], [0.2, 0.9, -0.4]])
        let result = try gradientCheck(at: [w, Tensor([0.1, 0.2, 0.3])]) { try Penalty.l2(0.03)($0) }
        #expect(result.maxRelativeError < 1e-7)
        let l1 = try gradientCheck(at: w) { try Penalty.l1(0.2)([$0]) }
        #expect(l1.maxRelativeError < 1e-7)
    }

    @Test("penalty over a model's parameters adds to the loss")
    func modelPenalty() throws {
        let model = Sequential(seed: 3) { Dense(2, 3); ReLU(); Dense(3, 1) }
        let expected = 0.01 * (model.parameters[0].squaredNorm + model.parameters[2].squaredNorm)
        #expect(modelClose(Penalty.l2(0.01).value(model.parameters), expected))
        #expect(model.weightMask == [true, false, true, false])
    }

    @Test("negative or non-finite lambda throws")
    func badLambda() {
        #expect(throws: DescentError.self) { try Penalty.l2(-1)([Variable(weight)]) }
        #expect(throws: DescentError.self) { try Penalty.l1(.nan).gradients([weight]) }
    }
}
