/// The result of comparing autodiff with central differences.
public struct GradientCheckResult: Sendable, CustomStringConvertible {
    /// Gradients from reverse-mode autodiff, one per input.
    public let analytic: [Tensor]
    /// Gradients from central differences, one per input.
    public let numeric: [Tensor]
    /// The largest |analytic − numeric| over all elements.
    public let maxAbsoluteError: Double
    /// The largest |analytic − numeric| / max(|analytic|, |numeric|, 1e-8) over all elements.
    public let maxRelativeError: Double

    public var description: String {
        "gradient check: max relative error \(maxRelativeError), max absolute error \(maxAbsoluteError)"
    }
}

/// Checks autodiff against the notes' numerical gradient,
/// (J(θ + h·eᵢ) − J(θ − h·eᵢ)) / 2h for every element i of every input.
///
/// The relative error uses a floor of 1e-8 in the denominator so that a gradient
/// that is zero on both sides counts as agreement, not as 0/0.
public func gradientCheck(
    at inputs: [Tensor], step h: Double = 1e-6, of function: ([Variable]) throws -> Variable
) throws -> GradientCheckResult {
    try require(h > 0, "step", h, "a positive step")
    let (_, analytic) = try valueWithGradient(at: inputs, of: function)
    func evaluate(_ point: [Tensor]) throws -> Double {
        let output = try function(point.map { Variable($0) })
        return try output.value.scalar()
    }
    var numeric: [Tensor] = []
    var maxAbsolute = 0.0, maxRelative = 0.0
    for (k, input) in inputs.enumerated() {
        var estimate = input.zerosLike
        for i in 0..<input.count {
            var plus = inputs, minus = inputs
            plus[k].scalars[i] += h
            minus[k].scalars[i] -= h
            estimate.scalars[i] = (try evaluate(plus) - evaluate(minus)) / (2 * h)
            let a = analytic[k].scalars[i], n = estimate.scalars[i]
            let absolute = Swift.abs(a - n)
            maxAbsolute = Swift.max(maxAbsolute, absolute)
            maxRelative = Swift.max(maxRelative, absolute / Swift.max(Swift.abs(a), Swift.abs(n), 1e-8))
        }
        numeric.append(estimate)
    }
    return GradientCheckResult(analytic: analytic, numeric: numeric, maxAbsoluteError: maxAbsolute, maxRelativeError: maxRelative)
}

/// Checks a function of one tensor.
public func gradientCheck(
    at input: Tensor, step h: Double = 1e-6, of function: (Variable) throws -> Variable
) throws -> GradientCheckResult {
    try gradientCheck(at: [input], step: h) { try function($0[0]) }
}
