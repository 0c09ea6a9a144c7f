import Foundation
import Testing
@testable import Descent

/// Runs Newton's method the way `minimize` would: gradient and Hessian at the current point, then a step.
func runNewton(_ objective: any Objective, from start: [Double], steps: Int, optimizer: Newton = Newton()) throws -> [Double] {
    var newton = optimizer
    var parameters = [Tensor(start)]
    for _ in 0..<steps {
        let gradient = try objective.valueAndGradient(at: parameters[0]).gradient
        let hessian = try #require(try objective.hessian(at: parameters[0]))
        try newton.step(&parameters, gradients: [gradient], hessian: hessian)
    }
    return parameters[0].scalars
}

@Suite("Newton")
struct NewtonTests {
    @Test("one step reaches the minimum of an ill-conditioned quadratic")
    func quadraticInOneStep() throws {
        let end = try runNewton(Quadratic(a: 1, b: 100), from: [3, -2], steps: 1)
        #expect(end == [0, 0])
        let ravine = try runNewton(Ravine(), from: [-8, 1.5], steps: 1)
        #expect(Swift.abs(ravine[0]) < 1e-15 && Swift.abs(ravine[1]) < 1e-15)
        // Booth: H = [[10, 8], [8, 10]] is not diagonal; the step still lands on (1, 3).
        let booth = try runNewton(Booth(), from: [-4, 7], steps: 1)
        #expect(close(booth[0], 1, 1e-12) && close(booth[1], 3, 1e-12))
    }

    @Test("first step on the Rosenbrock function matches the hand-solved 2×2 system")
    func rosenbrockFirstStep() throws {
        // At (-1, 1): g = (-2(1 - x) - 400x(y - x²), 200(y - x²)) = (-4, 0);
        // H = [[2 - 400y + 1200x², -400x], [-400x, 200]] = [[802, 400], [400, 200]], det = 400.
        // d = H⁻¹g = (200·(-4) - 400·0, -400·(-4) + 802·0) / 400 = (-2, 4); x₁ = (-1, 1) - d = (1, -3).
        let end = try runNewton(Rosenbrock(), from: [-1, 1], steps: 1)
        #expect(close(end[0], 1, 1e-12) && close(end[1], -3, 1e-12))
    }

    @Test("converges on the Rosenbrock function from the classic start")
    func rosenbrockConverges() throws {
        let end = try runNewton(Rosenbrock(), from: [-1.2, 1], steps: 10)
        #expect(Swift.abs(end[0] - 1) < 1e-10 && Swift.abs(end[1] - 1) < 1e-10)
    }

    @Test("heads to the saddle point of x² − y²")
    func saddle() throws {
        let end = try runNewton(Saddle(), from: [1.5, -0.7], steps: 1)
        #expect(end == [0, 0])
        // Half steps halve the distance to the saddle each time.
        let half = try runNewton(Saddle(), from: [1, 1], steps: 3, optimizer: Newton(lr: 0.5))
        #expect(half == [0.125, 0.125])
    }

    @Test("a singular Hessian throws a clear error; damping makes it solvable")
    func singular() throws {
        var newton = Newton()
        var parameters = [Tensor([1, 1])]
        let singular = try Tensor([[1, 2], [2, 4]])
        do {
            try newton.step(&parameters, gradients: [Tensor([1, 1])], hessian: singular)
            Issue.record("a singular Hessian did not throw")
        } catch let error as DescentError {
            #expect(error.description.contains("singular") && error.description.contains("damping"))
        }
        #expect(parameters == [Tensor([1, 1])])
        // (H + I)d = g with H = [[1, 2], [2, 4]]: [[2, 2], [2, 5]]d = (1, 1) gives d = (0.5, 0).
        var damped = Newton(damping: 1)
        try damped.step(&parameters, gradients: [Tensor([1, 1])], hessian: singular)
        #expect(parameters == [Tensor([0.5, 1])])
        #expect(damped.name == "Newton(lr: 1, damping: 1)" && newton.name == "Newton(lr: 1)")
    }

    @Test("the first-order step says Newton needs a Hessian")
    func needsHessian() {
        var newton: any Optimizing = Newton()
        var parameters = [Tensor([1, 1])]
        do {
            try newton.step(&parameters, gradients: [Tensor([1, 1])])
            Issue.record("step without a Hessian did not throw")
        } catch {
            #expect("\(error)".contains("Newton needs an objective with a Hessian"))
        }
        #expect(newton is any SecondOrderOptimizing)
    }

    @Test("bad hyper-parameters and shapes throw")
    func validation() throws {
        #expect(throws: DescentError.invalidHyperparameter(name: "lr", value: -1, expected: "a finite value > 0")) {
            try Newton(lr: -1).validate()
        }
        #expect(throws: DescentError.self) { try Newton(damping: -0.1).validate() }
        var newton = Newton()
        var parameters = [Tensor([1, 1]), Tensor(2)]
        #expect(throws: DescentError.self) {
            try newton.step(&parameters, gradients: [Tensor([1, 1]), Tensor(1)], hessian: Tensor([[1, 0], [0, 1]]))
        }
        // Two parameter tensors are flattened into one 3-vector: H = diag(1, 2, 4), g = (1, 2, 4) → d = (1, 1, 1).
        let h = try Tensor([[1, 0, 0], [0, 2, 0], [0, 0, 4]])
        try newton.step(&parameters, gradients: [Tensor([1, 2]), Tensor(4)], hessian: h)
        #expect(parameters == [Tensor([0, 0]), Tensor(1)])
    }

    @Test("Gaussian elimination needs pivoting and solves a 3×3 system exactly")
    func linearSolve() throws {
        // A zero in the (0, 0) position: without a row swap elimination divides by zero.
        let a = try Tensor([[0, 2, 1], [1, 1, 1], [2, 1, 0]])
        // Chosen solution x = (1, -2, 3): b = A x.
        let b = Tensor([-1, 2, 0])
        let x = try solveLinearSystem(a, b)
        #expect(x == Tensor([1, -2, 3]))
        #expect(throws: DescentError.self) { try solveLinearSystem(Tensor([[1, 2, 3]]), Tensor([1])) }
        #expect(throws: DescentError.self) { try solveLinearSystem(Tensor([[1, 0], [0, 1]]), Tensor([1, 2, 3])) }
    }
}
