import Foundation

// Synthetic two-class sets for classification lessons. Each is a function named
// like a type (`Moons(count: 200)`) returning a `Dataset`, fully determined by
// its seed: one `RandomSource(seed:)` draws the noise for the rows in the order
// they are built, then a permutation shuffles them, as scikit-learn's generators
// shuffle by default.

/// Two interleaving half circles (scikit-learn's `make_moons`), a set no straight line separates.
///
/// Class 0 is the upper moon (cos t, sin t) for ⌊count/2⌋ angles t evenly spaced
/// over [0, π]; class 1 the lower moon (1 − cos t, 0.5 − sin t) for the rest.
/// Each coordinate then gets Gaussian noise with standard deviation `noise`.
///
/// - Parameters:
///   - count: the number of points, at least 2.
///   - noise: the standard deviation of the added Gaussian noise, ≥ 0.
///   - seed: the seed for the noise and the shuffle.
public func Moons(count: Int = 200, noise: Double = 0.1, seed: Int = 0) throws -> Dataset {
    try checkGenerator("Moons", count: count, minimum: 2, noise: noise)
    let outer = count / 2, inner = count - outer
    var points: [[Double]] = []
    var labels: [Int] = []
    for i in 0..<outer {
        let t = Double.pi * evenFraction(i, outer)
        points.append([cos(t), sin(t)]); labels.append(0)
    }
    for i in 0..<inner {
        let t = Double.pi * evenFraction(i, inner)
        points.append([1 - cos(t), 0.5 - sin(t)]); labels.append(1)
    }
    return try generatedClassification("moons", points, labels, classes: 2, noise: noise, seed: seed)
}

/// A small circle inside a large one (scikit-learn's `make_circles`), separable only by a non-linear boundary.
///
/// Class 0 is the unit circle at ⌊count/2⌋ angles 2πi/n (no repeated endpoint),
/// class 1 the circle of radius `factor` at the rest; then Gaussian noise.
///
/// - Parameters:
///   - count: the number of points, at least 2.
///   - noise: the standard deviation of the added Gaussian noise, ≥ 0.
///   - factor: the inner radius relative to the outer one, strictly between 0 and 1.
///   - seed: the seed for the noise and the shuffle.
public func Circles(count: Int = 200, noise: Double = 0.05, factor: Double = 0.5, seed: Int = 0) throws -> Dataset {
    try checkGenerator("Circles", count: count, minimum: 2, noise: noise)
    try require(factor > 0 && factor < 1, "Circles factor", factor, "a radius ratio strictly between 0 and 1")
    let outer = count / 2, inner = count - outer
    var points: [[Double]] = []
    var labels: [Int] = []
    for i in 0..<outer {
        let t = 2 * Double.pi * Double(i) / Double(outer)
        points.append([cos(t), sin(t)]); labels.append(0)
    }
    for i in 0..<inner {
        let t = 2 * Double.pi * Double(i) / Double(inner)
        points.append([factor * cos(t), factor * sin(t)]); labels.append(1)
    }
    return try generatedClassification("circles", points, labels, classes: 2, noise: noise, seed: seed)
}

/// The XOR problem: four clusters at the corners (±1, ±1), labelled 1 where the signs differ.
///
/// Point i sits at corner i mod 4 — (−1, −1) and (1, 1) are class 0, (−1, 1) and
/// (1, −1) class 1 — plus Gaussian noise; no single line separates the classes,
/// which is why a perceptron fails and one hidden layer succeeds.
///
/// - Parameters:
///   - count: the number of points, at least 4.
///   - noise: the standard deviation of the added Gaussian noise, ≥ 0.
///   - seed: the seed for the noise and the shuffle.
public func XOR(count: Int = 200, noise: Double = 0.2, seed: Int = 0) throws -> Dataset {
    try checkGenerator("XOR", count: count, minimum: 4, noise: noise)
    let corners: [([Double], Int)] = [([-1, -1], 0), ([-1, 1], 1), ([1, -1], 1), ([1, 1], 0)]
    let points = (0..<count).map { corners[$0 % 4].0 }
    let labels = (0..<count).map { corners[$0 % 4].1 }
    return try generatedClassification("xor", points, labels, classes: 2, noise: noise, seed: seed)
}

/// i/(n − 1), the i-th of n evenly spaced fractions covering [0, 1] (0 when n = 1).
func evenFraction(_ i: Int, _ n: Int) -> Double {
    n > 1 ? Double(i) / Double(n - 1) : 0
}

/// Checks a generator's count and noise, and its size against the memory cap before any point is drawn.
///
/// The generators build each point as a small array before packing the rows, so
/// a point costs its features plus an array header; counting that keeps
/// `Moons(count: 1_000_000_000)` an error rather than an aborted allocation.
func checkGenerator(_ name: String, count: Int, minimum: Int, noise: Double, features: Int = 2) throws {
    guard count >= minimum else {
        throw DescentError.invalidArgument(name: "\(name) count", value: "\(count)", expected: "at least \(minimum) points")
    }
    try require(noise >= 0 && noise.isFinite, "\(name) noise", noise, "a finite standard deviation >= 0")
    let values = try ExecutionLimits.checkedProduct([count, features], operation: "\(name)(count: \(count))")
    try ExecutionLimits.checkAllocation(count: values, bytesPerElement: 2 * MemoryLayout<Double>.size)
    try ExecutionLimits.checkAllocation(count: count, bytesPerElement: 80)
}

/// Adds noise to the points in order, shuffles the rows, and packs them into a data set.
func generatedClassification(
    _ name: String, _ points: [[Double]], _ labels: [Int], classes: Int, noise: Double, seed: Int
) throws -> Dataset {
    var random = RandomSource(seed: seed)
    let features = points.first?.count ?? 0
    var x = [Double]()
    x.reserveCapacity(points.count * features)
    for point in points {
        for value in point { x.append(value + noise * random.normal()) }
    }
    let order = random.permutation(points.count)
    let inputs = try Tensor(shape: [points.count, features], scalars: x).rows(order)
    let targets = Tensor(unchecked: [labels.count, 1], order.map { Double(labels[$0]) })
    return try Dataset(name: name, x: inputs, y: targets, classCount: classes)
}
