import Foundation

/// Interleaved spiral arms, one per class (the CS231n toy set), hard for linear models.
///
/// Class j gets nⱼ points (count split as evenly as possible, earlier classes
/// taking the remainder). Point i of class j has radius r = i/(nⱼ − 1) and angle
/// t = 4j + 4r + noise·ε with ε standard normal, and sits at (r sin t, r cos t).
/// The noise perturbs the angle, not the coordinates, so arms keep their shape.
///
/// - Parameters:
///   - count: the total number of points, at least `classes`.
///   - classes: the number of arms, at least 2.
///   - noise: the standard deviation of the angle noise, ≥ 0.
///   - seed: the seed for the noise and the shuffle.
public func Spirals(count: Int = 300, classes: Int = 3, noise: Double = 0.2, seed: Int = 0) throws -> Dataset {
    guard classes >= 2 else {
        throw DescentError.invalidArgument(name: "Spirals classes", value: "\(classes)", expected: "at least 2")
    }
    try checkGenerator("Spirals", count: count, minimum: classes, noise: noise)
    var random = RandomSource(seed: seed)
    var x: [Double] = []
    var labels: [Double] = []
    for j in 0..<classes {
        let n = count / classes + (j < count % classes ? 1 : 0)
        for i in 0..<n {
            let r = evenFraction(i, n)
            let t = 4 * Double(j) + 4 * r + noise * random.normal()
            x += [r * sin(t), r * cos(t)]
            labels.append(Double(j))
        }
    }
    let order = random.permutation(count)
    return try Dataset(
        name: "spirals", x: Tensor(unchecked: [count, 2], x).rows(order),
        y: Tensor(unchecked: [count, 1], order.map { labels[$0] }), classCount: classes)
}

/// Gaussian clusters around random centres (scikit-learn's `make_blobs`).
///
/// The centres are drawn first, each coordinate uniform in [−10, 10); then
/// cluster j gets nⱼ points (count split as evenly as possible), each its
/// centre plus Gaussian noise of standard deviation `std` in every feature,
/// drawn (with the shuffle) from a generator seeded by the next draw.
///
/// - Parameters:
///   - count: the total number of points, at least `centers`.
///   - centers: the number of clusters (classes), at least 1.
///   - std: the standard deviation of each cluster, ≥ 0.
///   - features: the number of input features, at least 1.
///   - seed: the seed for the centres, the noise and the shuffle.
public func Blobs(count: Int = 300, centers: Int = 3, std: Double = 1, features: Int = 2, seed: Int = 0) throws -> Dataset {
    guard centers >= 1 else {
        throw DescentError.invalidArgument(name: "Blobs centers", value: "\(centers)", expected: "at least 1")
    }
    guard features >= 1 else {
        throw DescentError.invalidArgument(name: "Blobs features", value: "\(features)", expected: "at least 1")
    }
    try checkGenerator("Blobs", count: count, minimum: centers, noise: std, features: features)
    _ = try ExecutionLimits.elementCount(of: [centers, features], operation: "Blobs(centers: \(centers), features: \(features))")
    var random = RandomSource(seed: seed)
    let middles = (0..<centers).map { _ in (0..<features).map { _ in random.uniform(-10, 10) } }
    var points: [[Double]] = []
    var labels: [Int] = []
    for j in 0..<centers {
        let n = count / centers + (j < count % centers ? 1 : 0)
        points += Array(repeating: middles[j], count: n)
        labels += Array(repeating: j, count: n)
    }
    // The noise and shuffle use a generator seeded by the next draw after the centres.
    return try generatedClassification("blobs", points, labels, classes: centers, noise: std, seed: Int(bitPattern: UInt(random.next())))
}
