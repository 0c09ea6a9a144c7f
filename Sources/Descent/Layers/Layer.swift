/// What a layer's forward pass may depend on besides its input and parameters.
public struct ForwardContext: Sendable {
    /// Training mode: dropout drops; inference mode: it does not.
    public var training: Bool
    /// The generator for dropout masks, advanced by every layer that draws.
    public var random: RandomSource

    public init(training: Bool, random: RandomSource = RandomSource(seed: 0)) {
        self.training = training
        self.random = random
    }
}

/// A building block of a model: a differentiable function of its input and its parameters.
///
/// Parameters are plain tensors held by the layer; the forward pass receives
/// them as variables, so one graph serves both the gradient for the optimizer
/// and the value for the loss. Layers are value types: copying a model copies
/// its weights, which is how `fit` trains each optimizer from the same start.
public protocol Layer: Sendable {
    /// The trainable tensors, in a fixed order (e.g. weight then bias).
    var parameters: [Tensor] { get set }
    /// Draws the initial parameters; `Sequential(seed:)` calls this for each layer in order.
    mutating func initialize(using random: inout RandomSource) throws
    /// The output for `input`, using `parameters` (one variable per entry of `self.parameters`).
    func forward(_ input: Variable, parameters: ArraySlice<Variable>, context: inout ForwardContext) throws -> Variable
}

extension Layer {
    /// Applies the layer to a tensor in inference mode.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        var context = ForwardContext(training: false)
        return try forward(Variable(input), parameters: ArraySlice(parameters.map { Variable($0) }), context: &context).value
    }
}
