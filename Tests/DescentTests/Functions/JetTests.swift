import Foundation
import Testing
@testable import Descent

/// Second-order central differences of a plain (x, y) -> Double function: the reference for jets.
struct FiniteDifferences {
    let f: (Double, Double) -> Double
    var h = 1e-4

    func gradient(_ x: Double, _ y: Double) -> [Double] {
        [(f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h)]
    }

    /// [hxx, hxy, hyy].
    func hessian(_ x: Double, _ y: Double) -> [Double] {
        let c = f(x, y)
        let hxx = (f(x + h, y) - 2 * c + f(x - h, y)) / (h * h)
        let hyy = (f(x, y + h) - 2 * c + f(x, y - h)) / (h * h)
        let hxy = (f(x + h, y + h) - f(x + h, y - h) - f(x - h, y + h) + f(x - h, y - h)) / (4 * h * h)
        return [hxx, hxy, hyy]
    }
}

func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    Swift.abs(a - b) <= tolerance * Swift.max(1, Swift.abs(a), Swift.abs(b))
}

@Suite("Jet")
struct JetTests {
    /// Each elementary function as (jet version, Double version), at points where it is smooth.
    static let cases: [(String, @Sendable (Jet, Jet) -> Jet, @Sendable (Double, Double) -> Double)] = [
        ("product and quotient", { x, y in x * y / (1 + x * x) }, { x, y in x * y / (1 + x * x) }),
        ("constant over jet", { x, y in 3 / (x + 2 * y) }, { x, y in 3 / (x + 2 * y) }),
        ("exp and log", { x, y in exp(x * y) + log(x + y * y) }, { x, y in Foundation.exp(x * y) + Foundation.log(x + y * y) }),
        ("sqrt", { x, y in sqrt(x * x + y) }, { x, y in (x * x + y).squareRoot() }),
        ("real power", { x, y in pow(x + y, 2.5) }, { x, y in Foundation.pow(x + y, 2.5) }),
        ("integer power", { x, y in pow(x - y, 3) + pow(y, -2) }, { x, y in Foundation.pow(x - y, 3) + Foundation.pow(y, -2) }),
        ("sin and cos", { x, y in sin(x * y) * cos(x - y) }, { x, y in Foundation.sin(x * y) * Foundation.cos(x - y) }),
        ("tanh", { x, y in tanh(x - 2 * y) }, { x, y in Foundation.tanh(x - 2 * y) }),
        ("abs away from 0", { x, y in abs(x - 3 * y) * y }, { x, y in Swift.abs(x - 3 * y) * y }),
        ("unary minus, subtraction", { x, y in -(x - y) * (2 - x) - (y - 1) }, { x, y in -(x - y) * (2 - x) - (y - 1) }),
    ]

    @Test("derivatives match central differences", arguments: 0..<10)
    func matchesFiniteDifferences(index: Int) {
        let (name, jetForm, plain) = Self.cases[index]
        let reference = FiniteDifferences(f: plain)
        for (x, y) in [(0.7, 1.3), (1.9, 0.4), (0.3, 2.2)] {
            let jet = jetForm(.x(x), .y(y))
            #expect(close(jet.value, plain(x, y), 1e-12), "\(name) value")
            let g = reference.gradient(x, y)
            #expect(close(jet.dx, g[0], 1e-6) && close(jet.dy, g[1], 1e-6), "\(name) gradient \(jet) vs \(g)")
            let h = reference.hessian(x, y)
            #expect(close(jet.dxx, h[0], 1e-4) && close(jet.dxy, h[1], 1e-4) && close(jet.dyy, h[2], 1e-4),
                    "\(name) hessian \(jet) vs \(h)")
        }
    }

    @Test("the ravine closure compiles with literals and gives exact derivatives")
    func ravineIsExact() {
        let f: (Jet, Jet) -> Jet = { x, y in x * x / 20 + y * y }
        let jet = f(.x(2), .y(-3))
        #expect(jet == Jet(value: 9.2, dx: 0.2, dy: -6, dxx: 0.1, dxy: 0, dyy: 2))
    }

    @Test("hand-computed product rule: d²(x²y)")
    func productByHand() {
        // f = x²y at (3, 5): fx = 2xy = 30, fy = x² = 9, fxx = 2y = 10, fxy = 2x = 6, fyy = 0.
        let jet = Jet.x(3) * Jet.x(3) * Jet.y(5)
        #expect(jet == Jet(value: 45, dx: 30, dy: 9, dxx: 10, dxy: 6, dyy: 0))
    }

    @Test("max, min and comparisons follow the value")
    func comparisons() {
        let x = Jet.x(2), y = Jet.y(-1)
        #expect(x > y && y < 0 && x >= 2)
        #expect(Swift.max(x, y) == x && Swift.min(x, y) == y)
        #expect(x.maximum(y) == x && x.minimum(y) == y)
        // max(x, 0) at x = 2 is x itself, derivatives included.
        #expect(Swift.max(x, 0).dx == 1)
    }

    @Test("integer power of a negative base is exact")
    func negativeBase() {
        let jet = pow(Jet.x(-2), 3)
        // x³ at -2: value -8, 3x² = 12, 6x = -12.
        #expect(jet.value == -8 && jet.dx == 12 && jet.dxx == -12)
        #expect(Jet.x(-2).pow(3.0) == jet)
    }
}
