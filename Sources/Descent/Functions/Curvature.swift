/// Curvature without forming the Hessian: Hessian-vector products and the largest eigenvalue by power iteration.
///
/// Lesson 2's stability edge is η < 2/λmax; on a network the Hessian has millions of entries, but
/// H·v costs two gradients, so power iteration finds λmax (the "sharpness") for any model.
/// An objective with a closed-form Hessian uses it exactly; otherwise H·v is the central difference
/// of gradients, (∇f(x + h v) − ∇f(x − h v)) / 2h, exact for quadratics up to rounding.
public func hessianVectorProduct(_ objective: some Objective, at point: Tensor, _ vector: Tensor) throws -> Tensor {
    guard vector.shape == point.shape else {
        throw DescentError.invalidShape(operation: "hessianVectorProduct", shape: vector.shape, expected: "the point's shape \(point.shape)")
    }
    if let hessian = try objective.hessian(at: point) {
        let column = try hessian.matmul(vector.reshaped([vector.count, 1]))
        return try column.reshaped(point.shape)
    }
    return try centralDifference(point: [point], direction: [vector]) { try [objective.gradient(at: $0[0])] }[0]
}

/// The largest eigenvalue of the objective's Hessian at `point` (the largest in magnitude, as power iteration finds).
public func largestEigenvalue(_ objective: some Objective, at point: Tensor, iterations: Int = 100, seed: Int = 0) throws -> Double {
    try powerIteration(shapes: [point.shape], iterations: iterations, seed: seed) { vector in
        [try hessianVectorProduct(objective, at: point, vector[0])]
    }
}

/// The step of a central difference along `direction`: small against the point and the direction's size.
func differenceStep(_ point: [Tensor], _ direction: [Tensor]) -> Double {
    let scale = point.flatMap(\.scalars).reduce(1.0) { Swift.max($0, Swift.abs($1)) }
    let size = direction.flatMap(\.scalars).reduce(0.0) { Swift.max($0, Swift.abs($1)) }
    return 1e-5 * scale / Swift.max(size, 1e-300)
}

/// (g(p + h d) − g(p − h d)) / 2h for a gradient `g` of several tensors.
func centralDifference(point: [Tensor], direction: [Tensor], _ gradient: ([Tensor]) throws -> [Tensor]) throws -> [Tensor] {
    let h = differenceStep(point, direction)
    let forward = try zip(point, direction).map { try $0 + $1 * h }
    let backward = try zip(point, direction).map { try $0 - $1 * h }
    return try zip(gradient(forward), gradient(backward)).map { try ($0 - $1) * (1 / (2 * h)) }
}

/// Power iteration from a seeded random unit vector: the Rayleigh quotient after `iterations` products.
func powerIteration(shapes: [[Int]], iterations: Int, seed: Int, _ product: ([Tensor]) throws -> [Tensor]) throws -> Double {
    guard iterations >= 1 else {
        throw DescentError.invalidArgument(name: "iterations", value: "\(iterations)", expected: "at least 1")
    }
    var random = RandomSource(seed: seed)
    var vector = try shapes.map { shape in try Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in random.normal() }) }
    var eigenvalue = 0.0
    for _ in 0..<iterations {
        try ExecutionLimits.check()
        let norm = vector.reduce(0) { $0 + $1.squaredNorm }.squareRoot()
        guard norm > 0, norm.isFinite else { return eigenvalue }
        vector = vector.map { $0 * (1 / norm) }
        let image = try product(vector)
        eigenvalue = try zip(vector, image).reduce(0) { $0 + (try ($1.0 * $1.1).sum()) }
        vector = image
    }
    return eigenvalue
}
