import Foundation
import Testing
@testable import Descent

/// The closure-based `Optimizer`, its `OptimizerState`, and bit-for-bit determinism.
@Suite("User-defined optimizers and determinism")
struct CustomOptimizerTests {
    @Test("a closure written from the notes reproduces Momentum bit for bit")
    func closureMomentum() throws {
        var custom = Optimizer("my momentum") { w, g, state in
            state.v = try 0.9 * state.v - 0.1 * g
            try w += state.v
        }
        var builtIn = Momentum(lr: 0.1, mu: 0.9)
        var a = OptimizerConventionTests.start, b = a
        for step in 0..<100 {
            let gradients = OptimizerConventionTests.gradients(step)
            try custom.step(&a, gradients: gradients)
            try builtIn.step(&b, gradients: gradients)
            #expect(a == b, "step \(step + 1)")
        }
        #expect(custom.name == "my momentum")
        #expect(custom.state(0)?.v == builtIn.velocity(0))
    }

    @Test("state: zero buffers, 1-based step, current lr")
    func state() throws {
        var seen: [Int] = []
        var custom = Optimizer("probe", lr: 0.5) { w, g, state in
            #expect(state.shape == w.shape)
            if state.step == 1 {
                #expect(state.never == w.zerosLike)
                #expect(state["also never"] == w.zerosLike)
            }
            state.count = state.count + 1
            state.rates = Tensor(state.lr)
            w = try w - state.lr * g
        }
        var parameters = [try Tensor([[1.0, 2.0], [3.0, 4.0]]), Tensor([1.0])]
        for step in 0..<3 {
            custom.lr = 0.5 / Double(step + 1)
            try custom.step(&parameters, gradients: [try Tensor([[1.0, 1.0], [1.0, 1.0]]), Tensor([2.0])])
            seen.append(custom.state(0)?.step ?? -1)
        }
        #expect(seen == [1, 2, 3])
        let state = try #require(custom.state(1))
        #expect(state.count == Tensor([3.0]))
        #expect(state.rates == Tensor(0.5 / 3))
        #expect(state.names == ["count", "rates"])
        #expect(relativeError(parameters[1].scalars, [1.0 - 2 * (0.5 + 0.25 + 0.5 / 3)]) < 1e-15)
        #expect(custom.state(2) == nil)
    }

    @Test("a closure that changes a parameter's shape is rejected")
    func shapeChange() {
        var custom = Optimizer("bad") { w, _, _ in w = Tensor([1.0, 2.0, 3.0]) }
        var parameters = [Tensor([1.0])]
        #expect(throws: DescentError.self) { try custom.step(&parameters, gradients: [Tensor([1.0])]) }
    }

    @Test("errors thrown by the closure propagate")
    func closureErrors() {
        var custom = Optimizer("broadcast") { w, _, _ in try w += Tensor([1.0, 2.0, 3.0]) }
        var parameters = [Tensor([1.0, 2.0])]
        #expect(throws: DescentError.self) { try custom.step(&parameters, gradients: [Tensor([1.0, 1.0])]) }
    }

    static let all: [any Optimizing] = [
        GD(lr: 0.05), SGD(lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01), Momentum(),
        Momentum(form: .exponentialAverage), Nesterov(), AdaGrad(lr: 0.1, lrDecay: 0.01),
        RMSProp(centered: true), RMSProp(momentum: 0.9), AdaDelta(), Adam(amsgrad: true), AdamW(), NAdam(),
        Adam.keras(), RMSProp.keras(momentum: 0.5), AdaGrad.keras(), SGD.keras(momentum: 0.9),
    ]

    @Test("same inputs, same bits; a copy made before the first step is independent", arguments: all)
    func determinism(_ optimizer: any Optimizing) throws {
        /// Gradient of a nonconvex function at the look-ahead point, so rounding feeds back.
        func run(_ optimizer: any Optimizing) throws -> [Double] {
            var optimizer = optimizer
            var parameters = [Tensor([0.3, -1.2, 2.0]), Tensor([0.5])]
            var trace: [Double] = []
            for _ in 0..<200 {
                let point = try optimizer.gradientPoint(parameters)
                let gradients = point.map { $0.map { cos(3 * $0) + 0.2 * $0 } }
                try optimizer.step(&parameters, gradients: gradients)
                trace += parameters.flatMap(\.scalars)
            }
            return trace
        }
        let first = try run(optimizer)
        let second = try run(optimizer)
        #expect(first.map(\.bitPattern) == second.map(\.bitPattern))
        #expect(first.allSatisfy { $0.isFinite })
        #expect(Set(first).count > 10, "the run should move")
    }
}
