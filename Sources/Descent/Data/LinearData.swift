// Noisy linear regression data, y = x·w + b + noise·ε, for the first gradient-descent lessons.
//
// The inputs are standard normal, `[count, features]`, drawn row by row; the
// targets are an `[count, 1]` column. With the true weights known, a lesson
// can compare what training finds with what generated the data.

/// The weights and bias `LinearData(count:features:noise:seed:)` uses for a given seed.
///
/// They are the first draws from `RandomSource(seed:)`: each weight uniform in
/// [−2, 2), then the bias uniform in [−1, 1), so they depend only on
/// `features` and `seed`, not on `count` or `noise`.
public func trueLinearWeights(features: Int = 1, seed: Int = 0) throws -> (weights: Tensor, bias: Double) {
    guard features >= 1 else {
        throw DescentError.invalidArgument(name: "LinearData features", value: "\(features)", expected: "at least 1")
    }
    try ExecutionLimits.checkAllocation(count: features, bytesPerElement: MemoryLayout<Double>.size)
    var random = RandomSource(seed: seed)
    let weights = (0..<features).map { _ in random.uniform(-2, 2) }
    let bias = random.uniform(-1, 1)
    return (Tensor(weights), bias)
}

/// Regression data from random true weights; `trueLinearWeights(features:seed:)` returns them.
///
/// The truth is drawn first from `RandomSource(seed:)`, then the same generator
/// draws the inputs row by row, then the noise ε for each row.
///
/// - Parameters:
///   - count: the number of examples, at least 1.
///   - features: the number of input features, at least 1.
///   - noise: the standard deviation of the Gaussian noise on y, ≥ 0.
///   - seed: the seed for the weights, the inputs and the noise.
public func LinearData(count: Int = 100, features: Int = 1, noise: Double = 0.1, seed: Int = 0) throws -> Dataset {
    let truth = try trueLinearWeights(features: features, seed: seed)
    var random = RandomSource(seed: seed)
    for _ in 0...features { _ = random.nextDouble() }
    return try linearData(count: count, weights: truth.weights.scalars, bias: truth.bias, noise: noise, random: &random)
}

/// Regression data from given weights and bias, e.g. `LinearData(count: 50, weights: [2], bias: 1)` for y = 2x + 1.
///
/// - Parameters:
///   - count: the number of examples, at least 1.
///   - weights: one true weight per feature (at least one).
///   - bias: the true intercept.
///   - noise: the standard deviation of the Gaussian noise on y, ≥ 0.
///   - seed: the seed for the inputs (drawn first, row by row) and then the noise.
public func LinearData(count: Int = 100, weights: [Double], bias: Double = 0, noise: Double = 0.1, seed: Int = 0) throws -> Dataset {
    guard !weights.isEmpty else {
        throw DescentError.invalidArgument(name: "LinearData weights", value: "[]", expected: "one weight per feature")
    }
    var random = RandomSource(seed: seed)
    return try linearData(count: count, weights: weights, bias: bias, noise: noise, random: &random)
}

private func linearData(count: Int, weights: [Double], bias: Double, noise: Double, random: inout RandomSource) throws -> Dataset {
    let features = weights.count
    try checkGenerator("LinearData", count: count, minimum: 1, noise: noise, features: features)
    var x = [Double](repeating: 0, count: count * features)
    for i in 0..<x.count { x[i] = random.normal() }
    var y = [Double](repeating: 0, count: count)
    for i in 0..<count {
        var total = bias
        for j in 0..<features { total += x[i * features + j] * weights[j] }
        y[i] = total + noise * random.normal()
    }
    return try Dataset(name: "linear", x: Tensor(unchecked: [count, features], x), y: Tensor(unchecked: [count, 1], y))
}
