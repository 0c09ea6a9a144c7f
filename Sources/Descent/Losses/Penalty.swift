/// A weight penalty added to a loss: the notes' L2 regularization λ‖w‖², or L1's λ‖w‖₁.
///
/// The penalty covers the weight matrices of a model only, the rank-2
/// parameters (see `Layer.weightMask`), not biases or PReLU slopes: biases
/// only shift units, and shrinking them does not reduce overfitting. Note the
/// constant: `.l2(λ)` is λ Σ w² as in the notes' regularized Q̃(w), whose
/// gradient is 2λw; the notes' other slide writes (λ/2)‖w‖², whose gradient λw
/// gives the shrinking step w(1 − ηλ). Pass λ/2 to get that form. Decoupled
/// weight decay (AdamW) is an optimizer setting, not a penalty.
public struct Penalty: Sendable, Equatable, CustomStringConvertible {
    /// Which norm the penalty uses.
    public enum Kind: Sendable, Equatable {
        /// Σ w², gradient 2w.
        case l2
        /// Σ |w|, gradient sign(w) (0 at 0, as PyTorch's `abs`).
        case l1
    }

    public let kind: Kind
    /// The strength λ ≥ 0.
    public let lambda: Double

    /// λ Σ w² over the weight matrices.
    public static func l2(_ lambda: Double) -> Penalty { Penalty(kind: .l2, lambda: lambda) }
    /// λ Σ |w| over the weight matrices.
    public static func l1(_ lambda: Double) -> Penalty { Penalty(kind: .l1, lambda: lambda) }

    public init(kind: Kind, lambda: Double) {
        self.kind = kind
        self.lambda = lambda
    }

    public var description: String { kind == .l2 ? "l2(\(lambda))" : "l1(\(lambda))" }

    /// The penalty on a list of parameters, as a one-element variable to add to a loss.
    ///
    /// - Parameter parameters: one variable per model parameter, in the model's order;
    ///   only rank-2 ones (weights) contribute.
    public func callAsFunction(_ parameters: [Variable]) throws -> Variable {
        try validate()
        let weights = parameters.filter { $0.value.rank == 2 }
        let shapes = weights.map(\.shape)
        let total = value(weights.map(\.value))
        let (kind, lambda) = (self.kind, self.lambda)
        let values = weights.map(\.value)
        return Variable(Tensor(total), parents: weights, name: "penalty \(description)") { g in
            let upstream = g.scalars[0]
            return zip(values, shapes).map { w, shape in
                let scale = upstream * lambda
                return Tensor(unchecked: shape, w.scalars.map { x in
                    kind == .l2 ? 2 * scale * x : (x > 0 ? scale : (x < 0 ? -scale : 0))
                })
            }
        }
    }

    /// The penalty's value for plain parameter tensors (only rank-2 ones count).
    public func value(_ parameters: [Tensor]) -> Double {
        var total = 0.0
        for w in parameters where w.rank == 2 {
            for x in w.scalars { total += kind == .l2 ? x * x : Swift.abs(x) }
        }
        return lambda * total
    }

    /// The penalty's gradient for each parameter: zero tensors for biases and other non-matrices.
    public func gradients(_ parameters: [Tensor]) throws -> [Tensor] {
        try validate()
        return parameters.map { w in
            guard w.rank == 2 else { return w.zerosLike }
            return w.map { x in kind == .l2 ? 2 * lambda * x : (x > 0 ? lambda : (x < 0 ? -lambda : 0)) }
        }
    }

    /// Throws when λ is negative or not finite.
    public func validate() throws {
        try require(lambda >= 0 && lambda.isFinite, "penalty strength lambda", lambda, "a finite value >= 0")
    }
}
