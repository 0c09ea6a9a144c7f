/// A loss: a scalar measure of how far a model's output is from the targets.
///
/// Losses are values with static members, so lessons write `loss: .mse` or
/// `loss: .crossEntropy`. Each is computed as one fused graph node whose
/// pullback is the closed-form gradient (for softmax cross-entropy,
/// (softmax − onehot)/n), which is both faster and more accurate than
/// differentiating the formula step by step. Means are over examples (and,
/// for element-wise losses, over all elements), as PyTorch's default
/// `reduction="mean"`.
public struct Loss: Sendable, CustomStringConvertible {
    /// How tables and plots name the loss, e.g. `mse`.
    public let name: String
    let compute: @Sendable (Variable, Tensor) throws -> Variable

    /// A loss from a name and a function of output and target returning a one-element variable.
    public init(name: String, _ compute: @escaping @Sendable (Variable, Tensor) throws -> Variable) {
        self.name = name
        self.compute = compute
    }

    /// The loss of `output` against `target`, as a one-element variable to call `backward()` on.
    public func callAsFunction(_ output: Variable, _ target: Tensor) throws -> Variable {
        try compute(output, target)
    }

    /// The loss value of a plain output tensor.
    public func callAsFunction(_ output: Tensor, _ target: Tensor) throws -> Double {
        try compute(Variable(output), target).value.scalars[0]
    }

    public var description: String { name }
}

extension Loss {
    /// Checks that target has the output's shape, allowing `[n]` against `[n, 1]` (and the reverse),
    /// and returns the target's scalars in the output's layout.
    static func matchedTarget(_ output: Tensor, _ target: Tensor, loss: String) throws -> [Double] {
        let sameShape = output.shape == target.shape
        let columnLike = output.count == target.count
            && (output.rank == 1 || output.columnCount == 1) && (target.rank == 1 || target.columnCount == 1)
        guard (sameShape || columnLike), output.count > 0 else {
            throw DescentError.shapeMismatch(operation: "\(loss) loss (output vs target)", lhs: output.shape, rhs: target.shape)
        }
        return target.scalars
    }

    /// A fused scalar node whose gradient with respect to `output` is `upstream × localGradient`.
    static func node(_ name: String, _ value: Double, _ output: Variable, _ localGradient: [Double]) -> Variable {
        let shape = output.shape
        return Variable(Tensor(value), parents: [output], name: name) { g in
            let upstream = g.scalars[0]
            return [Tensor(unchecked: shape, localGradient.map { $0 * upstream })]
        }
    }

    /// Class indices from a target column, checked to be whole numbers in 0..<classes.
    static func classIndices(_ target: Tensor, rows: Int, classes: Int, loss: String) throws -> [Int] {
        guard target.count == rows, target.rank == 1 || target.columnCount == 1 else {
            throw DescentError.shapeMismatch(operation: "\(loss) loss (logits vs class indices)", lhs: [rows, classes], rhs: target.shape)
        }
        return try target.scalars.enumerated().map { row, value in
            guard value == value.rounded(), value >= 0, value < Double(classes) else {
                throw DescentError.invalidArgument(
                    name: "\(loss) target in row \(row)", value: "\(value)", expected: "a class index in 0..<\(classes)")
            }
            return Int(value)
        }
    }
}
