import Foundation
import Testing
@testable import Descent

@Suite("Data generators")
struct GeneratorTests {
    func counts(_ data: Dataset) -> [Int] {
        var counts = [Int](repeating: 0, count: data.classCount ?? 0)
        for label in data.y.scalars { counts[Int(label)] += 1 }
        return counts
    }

    @Test("shapes and class balance")
    func shapes() throws {
        let moons = try Moons(count: 201)
        #expect(moons.x.shape == [201, 2] && moons.y.shape == [201, 1] && counts(moons) == [100, 101])
        #expect(counts(try Circles(count: 100)) == [50, 50])
        #expect(counts(try XOR(count: 100)) == [50, 50])
        let spirals = try Spirals(count: 301, classes: 3)
        #expect(spirals.x.shape == [301, 2] && counts(spirals) == [101, 100, 100])
        let blobs = try Blobs(count: 100, centers: 4, features: 3)
        #expect(blobs.x.shape == [100, 3] && counts(blobs) == [25, 25, 25, 25])
        let linear = try LinearData(count: 30, features: 4)
        #expect(linear.x.shape == [30, 4] && linear.classCount == nil)
    }

    @Test("the same seed gives the same bits; another seed differs")
    func determinism() throws {
        let makers: [(Int) throws -> Dataset] = [
            { try Moons(seed: $0) }, { try Circles(seed: $0) }, { try Spirals(seed: $0) },
            { try Blobs(seed: $0) }, { try XOR(seed: $0) }, { try LinearData(seed: $0) },
        ]
        for make in makers {
            #expect(try make(3) == make(3))
            #expect(try make(3) != make(4))
        }
    }

    @Test("noise-free geometry: moons on unit half circles, circles on their radii")
    func geometry() throws {
        let moons = try Moons(count: 50, noise: 0)
        for i in 0..<moons.count {
            let (a, b) = (try moons.x.element(i, 0), try moons.x.element(i, 1))
            // Upper moon: centre (0, 0), y ≥ 0; lower moon: centre (1, 0.5), y ≤ 0.5.
            let radius = moons.y.scalars[i] == 0 ? (a * a + b * b).squareRoot() : ((a - 1) * (a - 1) + (b - 0.5) * (b - 0.5)).squareRoot()
            #expect(Swift.abs(radius - 1) < 1e-12)
            #expect(moons.y.scalars[i] == 0 ? b >= -1e-12 : b <= 0.5 + 1e-12)
        }
        let circles = try Circles(count: 40, noise: 0, factor: 0.3)
        for i in 0..<circles.count {
            let r = (try circles.x.row(i)).norm
            #expect(Swift.abs(r - (circles.y.scalars[i] == 0 ? 1 : 0.3)) < 1e-12)
        }
        let xor = try XOR(count: 40, noise: 0)
        for i in 0..<xor.count {
            let product = try xor.x.element(i, 0) * xor.x.element(i, 1)
            #expect(xor.y.scalars[i] == (product < 0 ? 1 : 0))
        }
    }

    @Test("noise has the requested spread")
    func noiseSpread() throws {
        // Blobs with one centre: the deviations from the mean have sd `std`.
        let blobs = try Blobs(count: 4000, centers: 1, std: 0.5, features: 1)
        let x = blobs.x.scalars
        let mean = x.reduce(0, +) / Double(x.count)
        let sd = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)).squareRoot()
        #expect(Swift.abs(sd - 0.5) < 0.03)
        #expect(mean >= -10.5 && mean <= 10.5)
    }

    @Test("LinearData: exact without noise; least squares recovers the true weights")
    func linear() throws {
        let truth = try trueLinearWeights(features: 2, seed: 7)
        let clean = try LinearData(count: 20, features: 2, noise: 0, seed: 7)
        for i in 0..<clean.count {
            let row = try clean.x.row(i)
            let predicted = row.scalars[0] * truth.weights.scalars[0] + row.scalars[1] * truth.weights.scalars[1] + truth.bias
            #expect(Swift.abs(predicted - clean.y.scalars[i]) < 1e-12)
        }
        // One feature with given truth y = 2x + 1: closed-form simple regression.
        let data = try LinearData(count: 2000, weights: [2], bias: 1, noise: 0.1, seed: 1)
        let xs = data.x.scalars, ys = data.y.scalars
        let mx = xs.reduce(0, +) / 2000, my = ys.reduce(0, +) / 2000
        let slope = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        #expect(Swift.abs(slope - 2) < 0.01)
        #expect(Swift.abs(my - slope * mx - 1) < 0.01)
    }

    @Test("bad arguments throw")
    func badArguments() {
        #expect(throws: DescentError.self) { try Moons(count: 1) }
        #expect(throws: DescentError.self) { try Moons(noise: -1) }
        #expect(throws: DescentError.self) { try Circles(factor: 1.5) }
        #expect(throws: DescentError.self) { try Spirals(count: 2, classes: 3) }
        #expect(throws: DescentError.self) { try Spirals(classes: 1) }
        #expect(throws: DescentError.self) { try Blobs(centers: 0) }
        #expect(throws: DescentError.self) { try Blobs(features: 0) }
        #expect(throws: DescentError.self) { try XOR(count: 3) }
        #expect(throws: DescentError.self) { try LinearData(count: 0) }
        #expect(throws: DescentError.self) { try LinearData(weights: []) }
    }
}
