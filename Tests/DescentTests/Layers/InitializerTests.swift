import Testing
@testable import Descent

@Suite("Initializers")
struct InitializerTests {
    func draw(_ initializer: Initializer, _ fanIn: Int, _ fanOut: Int, seed: Int = 1) throws -> Tensor {
        var random = RandomSource(seed: seed)
        return try initializer.weights(fanIn: fanIn, fanOut: fanOut, using: &random)
    }

    func variance(_ t: Tensor) -> Double {
        let mean = t.mean()
        return t.scalars.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(t.count)
    }

    @Test("uniform schemes stay inside their bounds and reach near them",
          arguments: [(Initializer.uniform, Double(1) / Double(200).squareRoot()),
                      (.xavier, Double(6).squareRoot() / Double(300).squareRoot()),
                      (.heUniform, (Double(6) / 200).squareRoot())])
    func uniformBounds(initializer: Initializer, bound: Double) throws {
        let w = try draw(initializer, 200, 100)
        #expect(w.shape == [200, 100])
        #expect(try w.max() < bound && w.min() >= -bound)
        // 20 000 draws: the extremes come within 0.1% of the bound.
        #expect(try w.max() > 0.999 * bound && w.min() < -0.999 * bound)
        // Var U(−b, b) = b²/3; the sample variance has relative sd √(0.8/n) ≈ 0.6%, allow 5 sd.
        #expect(Swift.abs(variance(w) / (bound * bound / 3) - 1) < 0.032)
    }

    @Test("normal schemes have the documented variance",
          arguments: [(Initializer.he, Double(2) / 200), (.xavierNormal, Double(2) / 300)])
    func normalVariance(initializer: Initializer, expected: Double) throws {
        let w = try draw(initializer, 200, 100)
        // The sample variance of 20 000 normals has relative sd √(2/n) = 1%; allow 5 sd.
        #expect(Swift.abs(variance(w) / expected - 1) < 0.05)
        #expect(Swift.abs(w.mean()) < 5 * expected.squareRoot() / 141)
    }

    @Test("orthogonal: WᵀW = I for tall and square, WWᵀ = I for wide", arguments: [(64, 32), (16, 16), (8, 20)])
    func orthogonal(rows: Int, columns: Int) throws {
        let w = try draw(.orthogonal, rows, columns)
        let gram = rows >= columns ? try w.transposed.matmul(w) : try w.matmul(w.transposed)
        let n = Swift.min(rows, columns)
        var worst = 0.0
        for i in 0..<n {
            for j in 0..<n { worst = Swift.max(worst, Swift.abs(try gram.element(i, j) - (i == j ? 1 : 0))) }
        }
        #expect(worst < 1e-12)
    }

    @Test("orthogonal matches the sign-corrected QR of its Gaussian draw (hand 2×2 case)")
    func orthogonalSigns() throws {
        // Q's first column is the first Gaussian column normalized, with a positive R₁₁.
        var random = RandomSource(seed: 9)
        let g = (0..<4).map { _ in random.normal() }
        let w = try draw(.orthogonal, 2, 2, seed: 9)
        let norm = (g[0] * g[0] + g[2] * g[2]).squareRoot()
        #expect(modelClose(try w.element(0, 0), g[0] / norm, relative: 1e-14))
        #expect(modelClose(try w.element(1, 0), g[2] / norm, relative: 1e-14))
    }

    @Test("constant schemes and determinism")
    func constantAndDeterminism() throws {
        #expect(try draw(.zeros, 3, 2) == (try Tensor.zeros([3, 2])))
        #expect(try draw(.constant(0.5), 2, 2) == (try Tensor(repeating: 0.5, shape: [2, 2])))
        for scheme in [Initializer.uniform, .xavier, .xavierNormal, .he, .heUniform, .orthogonal] {
            #expect(try draw(scheme, 5, 4, seed: 7) == draw(scheme, 5, 4, seed: 7))
            #expect(try draw(scheme, 5, 4, seed: 7) != draw(scheme, 5, 4, seed: 8))
        }
    }

    @Test("empty shapes throw")
    func emptyShapes() {
        #expect(throws: DescentError.self) { try draw(.he, 0, 3) }
        #expect(throws: DescentError.self) { try draw(.orthogonal, 3, -1) }
    }
}
