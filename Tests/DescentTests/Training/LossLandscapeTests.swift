import Testing
@testable import Descent

/// Loss slices through a model's weights, checked by hand on a linear model.
@Suite("Loss landscape slices")
struct LossLandscapeTests {
    static let rows: [[Double]] = [[1, 0.5], [2, -1], [0.3, 0.8], [-1.2, 0.4]]
    static let targets: [Double] = [1, 0, 2, -1]

    static func setup() throws -> (Sequential, Dataset) {
        let data = try Dataset(x: try Tensor(shape: [4, 2], scalars: rows.flatMap { $0 }), y: try Tensor(shape: [4, 1], scalars: targets))
        return (Sequential(seed: 5, layers: [Dense(2, 1)]), data)
    }

    /// mean((x·(w + αd_w) + b + α d_b − y)²), written out.
    static func byHand(_ parameters: [Tensor], _ direction: [Tensor], _ alpha: Double) -> Double {
        let w = parameters[0].scalars, b = parameters[1].scalars[0], dw = direction[0].scalars, db = direction[1].scalars[0]
        return zip(rows, targets).reduce(0.0) { total, pair in
            let output = pair.0[0] * (w[0] + alpha * dw[0]) + pair.0[1] * (w[1] + alpha * dw[1]) + b + alpha * db
            return total + (output - pair.1) * (output - pair.1)
        } / Double(rows.count)
    }

    @Test("a slice along a given direction is the loss at each α")
    func givenDirection() throws {
        let (model, data) = try Self.setup()
        let direction = [try Tensor(shape: [2, 1], scalars: [0.3, -0.2]), Tensor([0.1])]
        let slice = try lossSlice(model, loss: .mse, on: data, direction: direction, from: -2, to: 2, points: 9)
        #expect(slice.alphas == [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2])
        for (alpha, value) in zip(slice.alphas, slice.losses) {
            let expected = Self.byHand(model.parameters, direction, alpha)
            #expect(Swift.abs(value - expected) <= 1e-12 * (1 + expected), "α = \(alpha): \(value) vs \(expected)")
        }
    }

    @Test("random directions: seeded, scaled to each parameter's norm, shared by the surface")
    func randomDirections() throws {
        let (model, data) = try Self.setup()
        let direction = try randomDirection(like: model.parameters, seed: 3)
        for (d, p) in zip(direction, model.parameters) {
            #expect(Swift.abs(d.squaredNorm - p.squaredNorm) <= 1e-12 * p.squaredNorm)
        }
        let slice = try lossSlice(model, loss: .mse, on: data, seed: 3)
        #expect(try lossSlice(model, loss: .mse, on: data, seed: 3).losses == slice.losses)
        #expect(try lossSlice(model, loss: .mse, on: data, seed: 4).losses != slice.losses)
        let surface = try lossSurface(model, loss: .mse, on: data, from: -1, to: 1, points: 21, seed: 3)
        // β = 0 is the middle column: the 1-D slice along the first direction.
        #expect(surface.losses.map { $0[10] } == slice.losses)
        #expect(surface.alphas == slice.alphas && surface.betas == slice.alphas)
    }

    @Test("bad grids and directions name themselves")
    func errors() throws {
        let (model, data) = try Self.setup()
        #expect(throws: DescentError.self) { try lossSlice(model, loss: .mse, on: data, points: 1) }
        #expect(throws: DescentError.self) { try lossSlice(model, loss: .mse, on: data, from: 1, to: 1) }
        #expect(throws: DescentError.self) { try lossSlice(model, loss: .mse, on: data, direction: [Tensor([1])]) }
        #expect(throws: DescentError.self) { try lossSurface(model, loss: .mse, on: data, points: 100_000) }
    }
}
