import Foundation
import Testing
@testable import Descent

/// Hessian-vector products, power iteration and rotated objectives, against Hessians known by hand.
@Suite("Curvature")
struct CurvatureTests {
    /// Rosenbrock through its gradient only, so H·v takes the central-difference path.
    struct GradientOnly: Objective {
        var name = "gradient only"
        func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) { try Rosenbrock().valueAndGradient(at: point) }
    }

    @Test("H·v: exact with a Hessian, by central differences without one")
    func products() throws {
        let point = Tensor([0.3, -0.7]), vector = Tensor([1.5, 2.0])
        let exact = try hessianVectorProduct(Rosenbrock(), at: point, vector)
        let hessian = try Rosenbrock().hessian(at: [0.3, -0.7])
        let byHand = [hessian.scalars[0] * 1.5 + hessian.scalars[1] * 2, hessian.scalars[2] * 1.5 + hessian.scalars[3] * 2]
        #expect(exact.scalars == byHand)
        let differenced = try hessianVectorProduct(GradientOnly(), at: point, vector)
        for (a, b) in zip(differenced.scalars, byHand) { #expect(Swift.abs(a - b) <= 1e-6 * (1 + Swift.abs(b)), "\(a) vs \(b)") }
        #expect(throws: DescentError.self) { try hessianVectorProduct(Rosenbrock(), at: point, Tensor([1, 2, 3])) }
    }

    @Test("power iteration finds λmax of quadratics, turned or not")
    func eigenvalues() throws {
        // Ravine x²/20 + y²: Hessian diag(0.1, 2); the quadratic 3x² + y²: diag(6, 2).
        #expect(Swift.abs(try largestEigenvalue(Ravine(), at: Tensor([1, 1])) - 2) < 1e-9)
        #expect(Swift.abs(try largestEigenvalue(Quadratic(a: 3, b: 1), at: Tensor([0, 0])) - 6) < 1e-9)
        let turned = Ravine().rotated(by: Double.pi / 4)
        #expect(Swift.abs(try largestEigenvalue(turned, at: Tensor([1, 1])) - 2) < 1e-9)
        #expect(throws: DescentError.self) { try largestEigenvalue(Ravine(), at: Tensor([1, 1]), iterations: 0) }
    }

    @Test("a turned objective: value, gradient, Hessian and minima turn together")
    func rotation() throws {
        let angle = Double.pi / 6, (c, s) = (cos(Double.pi / 6), sin(Double.pi / 6))
        let turned = Rosenbrock().rotated(by: angle)
        let p = Tensor([0.4, -0.2])
        // The point that turns onto p: Rᵀp.
        let q = Tensor([c * 0.4 + s * -0.2, -s * 0.4 + c * -0.2])
        let (value, gradient) = try turned.valueAndGradient(at: p)
        let (baseValue, baseGradient) = try Rosenbrock().valueAndGradient(at: q)
        #expect(Swift.abs(value - baseValue) < 1e-12)
        let g = baseGradient.scalars
        #expect(Swift.abs(gradient.scalars[0] - (c * g[0] - s * g[1])) < 1e-12)
        #expect(Swift.abs(gradient.scalars[1] - (s * g[0] + c * g[1])) < 1e-12)
        let minimum = try #require(turned.minima.first)
        #expect(Swift.abs(minimum[0] - (c - s)) < 1e-12 && Swift.abs(minimum[1] - (s + c)) < 1e-12)
        #expect(try turned.value(at: Tensor(minimum)) < 1e-20)
        let h = try #require(try turned.hessian(at: p))
        let differenced = try hessianVectorProduct(GradientOnlyTurned(base: turned), at: p, Tensor([1, 0]))
        #expect(Swift.abs(h.scalars[0] - differenced.scalars[0]) < 1e-5 * (1 + Swift.abs(h.scalars[0])))
        #expect(Swift.abs(h.scalars[2] - differenced.scalars[1]) < 1e-5 * (1 + Swift.abs(h.scalars[2])))
        #expect(turned.name == "Rosenbrock rotated by 30°")
        // The plotting window turns too: Ravine's (-10, 10, -3, 3) at 45° is boxed by ±13/√2 on both axes.
        let window = try #require(Ravine().rotated(by: Double.pi / 4).plotBounds)
        for (bound, expected) in [(window.xMin, -13 / 2.0.squareRoot()), (window.xMax, 13 / 2.0.squareRoot()),
                                  (window.yMin, -13 / 2.0.squareRoot()), (window.yMax, 13 / 2.0.squareRoot())] {
            #expect(Swift.abs(bound - expected) < 1e-12)
        }
    }

    struct GradientOnlyTurned: Objective {
        let base: RotatedObjective
        var name: String { base.name }
        func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) { try base.valueAndGradient(at: point) }
    }

    @Test("a linear model's sharpness is the top eigenvalue of (2/n)·[X 1]ᵀ[X 1]")
    func modelSharpness() throws {
        let rows: [[Double]] = [[1, 0.5], [2, -1], [0.3, 0.8], [-1.2, 0.4], [0.7, 2.1]]
        let x = try Tensor(shape: [5, 2], scalars: rows.flatMap { $0 })
        let y = try Tensor(shape: [5, 1], scalars: [1, 0, 2, -1, 0.5])
        let data = try Dataset(x: x, y: y)
        let model = Sequential(seed: 3, layers: [Dense(2, 1)])
        let sharpness = try largestEigenvalue(model, loss: .mse, on: data, iterations: 200)
        // The same matrix by hand, and its top eigenvalue by plain power iteration.
        let augmented = rows.map { $0 + [1] }
        var matrix = [[Double]](repeating: [0, 0, 0], count: 3)
        for i in 0..<3 { for j in 0..<3 { matrix[i][j] = 2.0 / 5 * augmented.reduce(0) { $0 + $1[i] * $1[j] } } }
        var v = [1.0, 1.0, 1.0], lambda = 0.0
        for _ in 0..<500 {
            let w = (0..<3).map { i in (0..<3).reduce(0) { $0 + matrix[i][$1] * v[$1] } }
            lambda = zip(v, w).reduce(0) { $0 + $1.0 * $1.1 } / v.reduce(0) { $0 + $1 * $1 }
            let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
            v = w.map { $0 / norm }
        }
        #expect(Swift.abs(sharpness - lambda) < 1e-5 * lambda, "\(sharpness) vs \(lambda)")
    }
}
