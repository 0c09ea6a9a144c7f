/// Slices of a model's loss landscape: the loss along one or two directions through the weights.
///
/// Li et al. (2018), "Visualizing the Loss Landscape of Neural Nets", draw L(θ + α·d) with random
/// directions scaled to the weights' own size, so a slice of a wide layer is comparable with one of a
/// narrow layer. Here each direction tensor is scaled to the norm of its parameter tensor (per tensor;
/// the paper scales per filter). Directions come from `seed`, so the same seed gives the same slice.
public func lossSlice(
    _ model: Sequential, loss: Loss, on data: Dataset, direction: [Tensor]? = nil,
    from: Double = -1, to: Double = 1, points: Int = 21, seed: Int = 0
) throws -> (alphas: [Double], losses: [Double]) {
    let parameters = model.parameters
    let d = try direction ?? randomDirection(like: parameters, seed: seed)
    try checkDirection(d, parameters)
    let alphas = try grid(from: from, to: to, points: points)
    let losses = try alphas.map { alpha in
        try lossAt(model, loss: loss, on: data, try zip(parameters, d).map { try $0 + $1 * alpha })
    }
    return (alphas, losses)
}

/// The loss on a `points` × `points` grid of L(θ + α·d₁ + β·d₂): `losses[i][j]` is at `alphas[i]`, `betas[j]`.
public func lossSurface(
    _ model: Sequential, loss: Loss, on data: Dataset, directions: ([Tensor], [Tensor])? = nil,
    from: Double = -1, to: Double = 1, points: Int = 11, seed: Int = 0
) throws -> (alphas: [Double], betas: [Double], losses: [[Double]]) {
    let parameters = model.parameters
    let first = try directions?.0 ?? randomDirection(like: parameters, seed: seed)
    let second = try directions?.1 ?? randomDirection(like: parameters, seed: seed &+ 1)
    try checkDirection(first, parameters)
    try checkDirection(second, parameters)
    let alphas = try grid(from: from, to: to, points: points)
    let losses = try alphas.map { alpha in
        try alphas.map { beta in
            try lossAt(model, loss: loss, on: data, try (0..<parameters.count).map { try parameters[$0] + first[$0] * alpha + second[$0] * beta })
        }
    }
    return (alphas, alphas, losses)
}

/// A seeded normal direction, each tensor scaled to its parameter's norm (zero for a zero parameter).
func randomDirection(like parameters: [Tensor], seed: Int) throws -> [Tensor] {
    var random = RandomSource(seed: seed)
    return try parameters.map { parameter in
        let raw = try Tensor(shape: parameter.shape, scalars: parameter.scalars.map { _ in random.normal() })
        let size = raw.squaredNorm.squareRoot()
        return size > 0 ? raw * (parameter.squaredNorm.squareRoot() / size) : raw
    }
}

private func checkDirection(_ direction: [Tensor], _ parameters: [Tensor]) throws {
    guard direction.map(\.shape) == parameters.map(\.shape) else {
        throw DescentError.invalidArgument(name: "direction", value: "shapes \(direction.map(\.shape))",
                                           expected: "one tensor per parameter, of shapes \(parameters.map(\.shape))")
    }
}

private func grid(from: Double, to: Double, points: Int) throws -> [Double] {
    guard points >= 2, points <= 10_001 else {
        throw DescentError.invalidArgument(name: "points", value: "\(points)", expected: "between 2 and 10001")
    }
    guard from.isFinite, to.isFinite, from < to else {
        throw DescentError.invalidArgument(name: "from", value: "\(from)...\(to)", expected: "finite bounds with from < to")
    }
    return (0..<points).map { from + (to - from) * Double($0) / Double(points - 1) }
}

/// The loss of the model with `parameters` on the whole data set, in inference mode.
private func lossAt(_ model: Sequential, loss: Loss, on data: Dataset, _ parameters: [Tensor]) throws -> Double {
    try ExecutionLimits.check()
    var shifted = model
    shifted.parameters = parameters
    return try loss(try shifted.predict(data.x), data.y)
}
