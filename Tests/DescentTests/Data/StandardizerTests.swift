import Testing
@testable import Descent

@Suite("Standardization")
struct StandardizerTests {
    @Test("fitted statistics and the applied test set match torch")
    func matchesTorch() throws {
        let c = try ModelFixtures.load("model-layers", as: ModelLayerFixture.self).standardizer
        let train = try Dataset(x: c.train.tensor(), y: Tensor(repeating: 0, shape: [c.train.shape[0], 1]))
        let standardizer = try Standardizer(fitting: train)
        #expect(modelClose(standardizer.mean, try c.mean.tensor(), relative: 1e-13))
        #expect(modelClose(standardizer.std, try c.std.tensor(), relative: 1e-12, absolute: 1e-13))
        #expect(modelClose(try standardizer.apply(c.test.tensor()), try c.standardizedTest.tensor(), relative: 1e-12))
    }

    @Test("a standardized training set has mean 0 and std 1; a constant column is only centred")
    func standardized() throws {
        let x = try Tensor([[1, 10, 5], [2, 30, 5], [3, 20, 5], [6, 0, 5]])
        let data = try Dataset(x: x, y: Tensor([0, 1, 0, 1]))
        let s = try data.standardized()
        let means = try s.x.mean(axis: 0)
        let variances = try s.x.squared().mean(axis: 0)
        #expect(means.scalars.allSatisfy { Swift.abs($0) < 1e-15 })
        #expect(modelClose(variances.scalars[0], 1, relative: 1e-14) && modelClose(variances.scalars[1], 1, relative: 1e-14))
        #expect(s.x.scalars.enumerated().filter { $0.offset % 3 == 2 }.allSatisfy { $0.element == 0 })
        #expect(s.y == data.y)
        // Hand check: column 0 has mean 3 and population std √(14/4).
        #expect(modelClose(try s.x.element(0, 0), -2 / (3.5).squareRoot(), relative: 1e-14))
    }

    @Test("test data uses the training statistics, and invert undoes apply")
    func trainStatistics() throws {
        let train = try Dataset(x: try Tensor([[0, 1], [2, 3]]), y: Tensor([0, 1]))
        let test = try Dataset(x: try Tensor([[4, 5]]), y: Tensor([1]))
        let s = try Standardizer(fitting: train)
        // Train mean (1, 2), std (1, 1): the test row maps to (3, 3), not to 0.
        #expect(try s.apply(test).x == (try Tensor([[3, 3]])))
        #expect(try s.invert(s.apply(test.x)) == test.x)
    }

    @Test("empty sets and feature mismatches throw")
    func badInput() throws {
        let empty = try Dataset(x: Tensor(shape: [0, 2], scalars: []), y: Tensor(shape: [0, 1], scalars: []))
        #expect(throws: DescentError.self) { try Standardizer(fitting: empty) }
        let s = try Standardizer(fitting: try Dataset(x: try Tensor([[1, 2], [3, 4]]), y: Tensor([0, 1])))
        #expect(throws: DescentError.self) { try s.apply(try Tensor([[1, 2, 3]])) }
    }
}
