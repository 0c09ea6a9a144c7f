/// A fully connected layer, y = x·W + b, as one graph node.
///
/// The weight is stored `[inputs, outputs]` so a batch `x` of shape
/// `[batch, inputs]` multiplies it directly. Computing the product, the bias
/// and the gradients in one node (rather than matmul, then add) keeps the graph
/// small and lets the pullback skip the input gradient when the input is data,
/// which is most of the speed of a training step.
public struct Dense: Layer, CustomStringConvertible {
    /// The number of input features.
    public let inputs: Int
    /// The number of output units.
    public let outputs: Int
    /// How `initialize(using:)` draws the weight; the bias always starts at 0.
    public let initializer: Initializer
    /// Whether the layer adds a bias vector (a second parameter of shape `[outputs]`).
    public let hasBias: Bool
    /// The weight `[inputs, outputs]`, then the bias `[outputs]` when `hasBias`.
    public var parameters: [Tensor]

    /// A layer from `inputs` features to `outputs` units.
    ///
    /// - Parameters:
    ///   - inputs: the number of input features (columns of x).
    ///   - outputs: the number of output units.
    ///   - init: how to draw the weight (default `.uniform`, PyTorch's default).
    ///   - bias: whether to add a learnable bias, which starts at 0.
    ///   - seed: the seed for the weight draw when the layer is used alone;
    ///     `Sequential(seed:)` redraws the weights from its own seed anyway.
    ///     Without a seed the layer draws from seed 0, so it is still deterministic.
    ///
    /// Sizes that are not positive are reported (as a `DescentError`) by `forward`
    /// and `initialize`, so that the layer can be written in a builder block without `try`.
    public init(_ inputs: Int, _ outputs: Int, init initializer: Initializer = .uniform, bias: Bool = true, seed: Int = 0) {
        self.inputs = inputs
        self.outputs = outputs
        self.initializer = initializer
        self.hasBias = bias
        self.parameters = []
        var random = RandomSource(seed: seed)
        try? initialize(using: &random)
    }

    /// The weight matrix `[inputs, outputs]`, or nil before a successful initialization.
    public var weight: Tensor? { parameters.first }
    /// The bias vector `[outputs]`, or nil when the layer has none.
    public var bias: Tensor? { hasBias && parameters.count > 1 ? parameters[1] : nil }

    public mutating func initialize(using random: inout RandomSource) throws {
        let w = try initializer.weights(fanIn: inputs, fanOut: outputs, using: &random)
        parameters = hasBias ? [w, Tensor(unchecked: [outputs], Array(repeating: 0, count: outputs))] : [w]
    }

    public var description: String {
        var text = "Dense(\(inputs), \(outputs)"
        if initializer != .uniform { text += ", init: \(initializer)" }
        if !hasBias { text += ", bias: false" }
        return text + ")"
    }

    public func forward(_ input: Variable, parameters: ArraySlice<Variable>, context: inout ForwardContext) throws -> Variable {
        let expected = hasBias ? 2 : 1
        guard parameters.count == expected, let weight = parameters.first else {
            throw DescentError.invalidArgument(
                name: "parameters of \(description)", value: "\(parameters.count) tensors",
                expected: "\(expected) (weight\(hasBias ? " and bias" : ""))")
        }
        let w = weight.value
        guard w.shape == [inputs, outputs] else {
            throw DescentError.invalidShape(operation: "weight of \(description)", shape: w.shape, expected: "[\(inputs), \(outputs)]")
        }
        let x = input.value
        let isVector = x.rank == 1
        guard (x.rank == 2 || isVector), x.columnCount == inputs else {
            throw DescentError.shapeMismatch(operation: "\(description) applied to input", lhs: x.shape, rhs: w.shape)
        }
        let batch = x.rowCount
        var out = [Double](repeating: 0, count: batch * outputs)
        var parents = [input, weight]
        if hasBias {
            let b = parameters[parameters.startIndex + 1]
            guard b.value.count == outputs, b.value.rank <= 2 else {
                throw DescentError.invalidShape(operation: "bias of \(description)", shape: b.shape, expected: "[\(outputs)]")
            }
            parents.append(b)
            b.value.scalars.withUnsafeBufferPointer { bias in
                out.withUnsafeMutableBufferPointer { rows in
                    guard let source = bias.baseAddress, let target = rows.baseAddress else { return }
                    for r in 0..<batch { (target + r * outputs).update(from: source, count: outputs) }
                }
            }
        }
        Kernels.multiplyAdd(x.scalars, w.scalars, into: &out, m: batch, k: inputs, n: outputs)
        let value = Tensor(unchecked: isVector ? [outputs] : [batch, outputs], out)
        let (n, m, hasBias) = (inputs, outputs, self.hasBias)
        let (needInput, biasShape) = (input.requiresGrad, hasBias ? parameters[parameters.startIndex + 1].shape : [])
        return Variable(value, parents: parents, name: "dense") { g in
            var grads: [Tensor] = []
            grads.reserveCapacity(3)
            if needInput {
                // gx = g·Wᵀ: transpose once, then the vectorized row-major kernel.
                let wt = w.transposed
                var gx = [Double](repeating: 0, count: batch * n)
                Kernels.multiplyAdd(g.scalars, wt.scalars, into: &gx, m: batch, k: m, n: n)
                grads.append(Tensor(unchecked: x.shape, gx))
            } else {
                // The backward pass skips parents that need no gradient; nothing is computed for them.
                grads.append(Tensor(unchecked: [0], []))
            }
            var gw = [Double](repeating: 0, count: n * m)
            Kernels.multiplyAddTransposedLeft(x.scalars, g.scalars, into: &gw, m: n, k: batch, n: m)
            grads.append(Tensor(unchecked: [n, m], gw))
            if hasBias {
                var gb = [Double](repeating: 0, count: m)
                g.scalars.withUnsafeBufferPointer { gp in
                    gb.withUnsafeMutableBufferPointer { sums in
                        // Row by row, as before: each sum adds its column's rows in order.
                        for r in 0..<batch { for j in 0..<m { sums[j] += gp[r * m + j] } }
                    }
                }
                grads.append(Tensor(unchecked: biasShape, gb))
            }
            return grads
        }
    }
}
