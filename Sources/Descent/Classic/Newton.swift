/// An optimizer that also uses the Hessian, the matrix of second derivatives.
///
/// `minimize` gives such an optimizer the objective's exact Hessian (from
/// `Objective.hessian(at:)`) through the three-argument `step`; the plain
/// two-argument `step` of `Optimizing` is for first-order methods only.
public protocol SecondOrderOptimizing: Optimizing {
    /// Applies one update given the gradients and the Hessian of the objective
    /// with respect to all parameters, flattened and concatenated in order: [n, n]
    /// where n is the total number of elements of `parameters`.
    mutating func step(_ parameters: inout [Tensor], gradients: [Tensor], hessian: Tensor) throws
}

/// Newton's method: θ ← θ − lr · H⁻¹∇J, the step to the minimum of the local quadratic model.
///
/// The notes derive it from the Taylor expansion
/// J(θ) ≈ J(θ₀) + ∇J(θ₀)ᵀ(θ − θ₀) + ½(θ − θ₀)ᵀH(θ − θ₀): setting the gradient of
/// the model to zero gives H·d = ∇J. On a quadratic the model is exact, so with
/// lr = 1 one step lands on the minimum whatever the conditioning. The same
/// equation is solved at a saddle point too: on x² − y² Newton walks straight to
/// the saddle, because it seeks a zero gradient, not a lower value.
///
/// H·d = ∇J is solved by Gaussian elimination with partial pivoting
/// (`solveLinearSystem`). A singular Hessian throws, unless `damping` λ > 0 turns
/// the step into Levenberg's (H + λI)·d = ∇J, which is solvable whenever λ exceeds
/// −(smallest eigenvalue of H), and moves toward a small gradient step as λ grows.
public struct Newton: SecondOrderOptimizing {
    public var name: String
    /// Scales the Newton step; 1 is the pure method.
    public var lr: Double
    /// The Levenberg term λ added to the Hessian's diagonal; 0 is the pure method.
    public var damping: Double

    /// - Parameters:
    ///   - lr: the fraction of the Newton step to take, > 0 (1 is the full step).
    ///   - damping: λ ≥ 0 added to the Hessian's diagonal (Levenberg), 0 by default.
    public init(lr: Double = 1.0, damping: Double = 0) {
        self.lr = lr
        self.damping = damping
        name = damping == 0
            ? "Newton(lr: \(formatNumber(lr)))"
            : "Newton(lr: \(formatNumber(lr)), damping: \(formatNumber(damping)))"
    }

    public func validate() throws {
        try require(lr > 0 && lr.isFinite, "lr", lr, "a finite value > 0")
        try require(damping >= 0 && damping.isFinite, "damping", damping, "a finite value >= 0")
    }

    /// Always throws: Newton's method cannot step without second derivatives.
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        throw DescentError.invalidArgument(
            name: "objective", value: "one without a Hessian",
            expected: "Newton needs an objective with a Hessian (a Function2D or a built-in test function such as Rosenbrock())")
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor], hessian: Tensor) throws {
        try validate()
        guard gradients.count == parameters.count else {
            throw DescentError.invalidArgument(
                name: "gradients", value: "\(gradients.count) tensors", expected: "\(parameters.count), one per parameter")
        }
        var flatGradient: [Double] = []
        for (parameter, gradient) in zip(parameters, gradients) {
            guard parameter.shape == gradient.shape else {
                throw DescentError.shapeMismatch(operation: "Newton.step gradient", lhs: parameter.shape, rhs: gradient.shape)
            }
            flatGradient += gradient.scalars
        }
        let n = flatGradient.count
        guard hessian.shape == [n, n] else {
            throw DescentError.invalidShape(operation: "Newton.step hessian", shape: hessian.shape, expected: "[\(n), \(n)] for \(n) parameters")
        }
        var matrix = hessian
        if damping > 0 {
            for i in 0..<n { matrix.scalars[i * n + i] += damping }
        }
        let direction: Tensor
        do {
            direction = try solveLinearSystem(matrix, Tensor(flatGradient))
        } catch DescentError.invalidArgument(name: "matrix", _, _) {
            throw DescentError.invalidArgument(
                name: "hessian", value: matrix.description,
                expected: "an invertible Hessian, but it is singular or not finite, so H·d = ∇J has no unique solution;"
                    + " pass damping: λ > 0 for a Levenberg step")
        }
        var offset = 0
        for index in parameters.indices {
            let count = parameters[index].count
            for k in 0..<count {
                parameters[index].scalars[k] -= lr * direction.scalars[offset + k]
            }
            offset += count
        }
    }
}
