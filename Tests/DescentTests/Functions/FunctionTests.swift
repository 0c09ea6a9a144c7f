import Foundation
import Testing
@testable import Descent

@Suite("Function and grid")
struct FunctionTests {
    @Test("an N-D Function gives its autodiff gradient, checked by hand and by central differences")
    func nDimensional() throws {
        // f(w) = Σ (wᵢ − i)² · (i + 1), so ∂f/∂wᵢ = 2(i + 1)(wᵢ − i).
        let shift = Tensor([0, 1, 2, 3])
        let weight = Tensor([1, 2, 3, 4])
        let f = Function("weighted sphere") { w in
            let d = try w - Variable(shift)
            return try (d * d * Variable(weight)).sum()
        }
        let point = Tensor([0.5, -1, 2, 7])
        let (value, gradient) = try f.valueAndGradient(at: point)
        let expected: Double = 0.25 + 8 + 64  // 0.5² · 1 + (−2)² · 2 + 0² · 3 + 4² · 4
        #expect(close(value, expected, 1e-12))
        #expect(gradient == Tensor([1, -8, 0, 32]))
        for i in 0..<4 {
            var up = point, down = point
            up.scalars[i] += 1e-5
            down.scalars[i] -= 1e-5
            let numeric = (try f.value(at: up) - f.value(at: down)) / 2e-5
            #expect(close(gradient.scalars[i], numeric, 1e-6))
        }
        #expect(try f.hessian(at: point) == nil)
        #expect(f.plotBounds == nil && f.name == "weighted sphere")
    }

    @Test("Function2D defaults: [-3, 3]² window, plain evaluation")
    func function2DDefaults() throws {
        let f = Function2D("ravine") { x, y in x * x / 20 + y * y }
        let bounds = try #require(f.plotBounds)
        #expect(bounds == (-3, 3, -3, 3))
        #expect(f(2, 1) == 1.2)
        let custom = Function2D("bowl", bounds: (-1, 2, 0, 5), minima: [[0, 0]]) { x, y in x * x + y * y }
        #expect(custom.plotBounds! == (-1, 2, 0, 5) && custom.minima == [[0, 0]])
    }

    @Test("grid lays out rows by y and includes the window's corners")
    func gridLayout() throws {
        let f = Function2D("x + 10y", bounds: (0, 1, -1, 1)) { x, y in x + 10 * y }
        let g = try grid(of: f, resolution: 3)
        #expect(g.xs == [0, 0.5, 1] && g.ys == [-1, 0, 1])
        #expect(g.values == [[-10, -9.5, -9], [0, 0.5, 1], [10, 10.5, 11]])
        #expect(g.range! == (-10, 11))
        let zoomed = try grid(of: Booth(), resolution: 2, bounds: (1, 2, 3, 4))
        #expect(zoomed.values[0][0] == 0 && zoomed.values.count == 2)
    }

    @Test("grid rejects a resolution below 2, a missing window and an empty window")
    func gridErrors() {
        let sphere = Function("sphere") { w in try (w * w).sum() }
        #expect(throws: DescentError.invalidArgument(name: "resolution", value: "1", expected: "at least 2 points per axis")) {
            try grid(of: Booth(), resolution: 1)
        }
        #expect(throws: DescentError.self) { try grid(of: sphere) }
        #expect(throws: DescentError.self) { try grid(of: Booth(), bounds: (1, 1, 0, 2)) }
    }
}
