/// An optimizer that keeps pruned weights at zero while the rest of the network retrains.
///
/// After pruning, the notes retrain the network ("run BackProp again"). A plain
/// optimizer would revive the removed connections: their gradients are not
/// zero, and momentum or weight decay move them even when they are. This
/// wrapper zeroes the masked gradients before the base step and zeroes the
/// masked weights again after it, so whatever the base optimizer does, a
/// pruned weight stays exactly 0.
public struct MaskedOptimizer: Optimizing {
    /// The optimizer doing the actual update.
    public var base: any Optimizing
    /// One tensor per parameter, with its shape: 1 keeps the weight, 0 prunes it.
    public let masks: [Tensor]

    /// - Parameters:
    ///   - base: the optimizer to wrap, e.g. `SGD(lr: 0.1)`.
    ///   - masks: one 0/1 tensor per model parameter, as returned by `prune`.
    public init(_ base: any Optimizing, masks: [Tensor]) {
        self.base = base
        self.masks = masks
        name = "Masked(\(base.name))"
    }

    /// `Masked(` and the base optimizer's name `)`, e.g. `Masked(SGD(lr: 0.1))`.
    public var name: String

    public var lr: Double {
        get { base.lr }
        set { base.lr = newValue }
    }

    /// Checks the base optimizer and that every mask holds only 0 and 1.
    public func validate() throws {
        try base.validate()
        for (index, mask) in masks.enumerated() {
            if let bad = mask.scalars.first(where: { $0 != 0 && $0 != 1 }) {
                throw DescentError.invalidArgument(name: "masks[\(index)]", value: "\(bad)", expected: "only 0 (pruned) and 1 (kept)")
            }
        }
    }

    public func gradientPoint(_ parameters: [Tensor]) throws -> [Tensor] {
        try base.gradientPoint(try applyMasks(parameters))
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        let maskedGradients = try applyMasks(gradients)
        try base.step(&parameters, gradients: maskedGradients)
        parameters = try applyMasks(parameters)
    }

    /// Multiplies each tensor by its mask, checking there is one mask of the same shape per tensor.
    func applyMasks(_ tensors: [Tensor]) throws -> [Tensor] {
        guard tensors.count == masks.count else {
            throw DescentError.invalidArgument(
                name: "masks", value: "\(masks.count) tensors", expected: "\(tensors.count), one per parameter")
        }
        return try zip(tensors, masks).map { tensor, mask in
            guard tensor.shape == mask.shape else {
                throw DescentError.shapeMismatch(operation: "MaskedOptimizer mask", lhs: tensor.shape, rhs: mask.shape)
            }
            var result = tensor
            for k in result.scalars.indices where mask.scalars[k] == 0 { result.scalars[k] = 0 }
            return result
        }
    }
}
