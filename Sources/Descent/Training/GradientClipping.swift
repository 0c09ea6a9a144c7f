/// Gradient clipping: what `fit(clip:)` does to each minibatch's gradients before the optimizer sees them.
///
/// The notes' exploding-initialisation network shows why: one huge gradient throws the weights
/// so far that training never recovers; clipping bounds the step while keeping its direction
/// (by norm) or each coordinate's sign (by value). Both follow torch's `clip_grad_norm_` and
/// `clip_grad_value_`, so runs agree with PyTorch's to 1e-12 (committed fixtures).
public enum GradientClipping: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Scales all gradients together so their joint 2-norm is at most `maxNorm`, as `clip_grad_norm_(max_norm:)`.
    case norm(Double)
    /// Clamps every gradient coordinate to `[-limit, limit]`, as `clip_grad_value_(clip_value:)`.
    case value(Double)

    /// Throws `DescentError.invalidHyperparameter` for a limit that is not finite and positive.
    public func validate() throws {
        switch self {
        case let .norm(limit):
            try require(limit > 0 && limit.isFinite, "norm", limit, "a finite value > 0")
        case let .value(limit):
            try require(limit > 0 && limit.isFinite, "value", limit, "a finite value > 0")
        }
    }

    /// The joint 2-norm torch computes: the norm of the per-tensor norms.
    public static func totalNorm(_ gradients: [Tensor]) -> Double {
        gradients.map { $0.squaredNorm.squareRoot() }.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// The clipped gradients.
    public func apply(_ gradients: [Tensor]) -> [Tensor] {
        switch self {
        case let .norm(limit):
            // torch adds 1e-6 to the norm and always multiplies, by at most 1.
            let coefficient = Swift.min(limit / (Self.totalNorm(gradients) + 1e-6), 1.0)
            return gradients.map { $0.map { $0 * coefficient } }
        case let .value(limit):
            return gradients.map { $0.map { Swift.min(Swift.max($0, -limit), limit) } }
        }
    }

    /// The factory call, e.g. `.norm(1.0)`.
    public var description: String {
        switch self {
        case let .norm(limit): return ".norm(\(CallDescription.format(limit)))"
        case let .value(limit): return ".value(\(CallDescription.format(limit)))"
        }
    }
}
