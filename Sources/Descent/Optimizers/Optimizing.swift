/// An optimizer: turns gradients into updates of a list of parameter tensors.
///
/// Optimizers are value types. Their per-parameter state (momentum buffers,
/// accumulators, step counts) lives inside the value and is created on the
/// first `step`, as in `torch.optim`, so copying an optimizer before its first
/// step gives an independent, fresh one; `fit` and `minimize` rely on that to
/// give every compared run its own state.
///
/// Initializers never throw, so a lesson can list optimizers in a builder
/// block; `validate()` reports a bad hyper-parameter (a negative learning rate,
/// a beta outside [0, 1)) and every `step` calls it first.
public protocol Optimizing: Sendable {
    /// How tables and plots name the optimizer, e.g. `Adam(lr: 0.1)`.
    var name: String { get set }
    /// The current learning rate; schedules set it before each step.
    var lr: Double { get set }
    /// Throws `DescentError.invalidHyperparameter` naming the first bad hyper-parameter.
    func validate() throws
    /// Where the gradient for the next step must be taken: the parameters themselves
    /// for most optimizers, the look-ahead point θ + μϑ for the notes' Nesterov form.
    func gradientPoint(_ parameters: [Tensor]) throws -> [Tensor]
    /// Applies one update, given the gradients at `gradientPoint(parameters)`.
    mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws
}

extension Optimizing {
    public func gradientPoint(_ parameters: [Tensor]) throws -> [Tensor] { parameters }

    /// The same optimizer under another name in tables and plots.
    ///
    /// A lesson names an optimizer as written (`Momentum(lr: 0.001, mu: 0.9, form: .classic)`),
    /// while Descent's own name leaves out defaults; an exported lesson keeps the lesson's name this way.
    public func named(_ name: String) -> Self {
        var copy = self
        copy.name = name
        return copy
    }
}

/// Builds a list of optimizers from a block with one optimizer per line.
@resultBuilder
public enum OptimizerBuilder {
    public static func buildExpression(_ optimizer: any Optimizing) -> [any Optimizing] { [optimizer] }
    public static func buildExpression(_ optimizers: [any Optimizing]) -> [any Optimizing] { optimizers }
    public static func buildBlock(_ parts: [any Optimizing]...) -> [any Optimizing] { parts.flatMap { $0 } }
    public static func buildArray(_ parts: [[any Optimizing]]) -> [any Optimizing] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [any Optimizing]?) -> [any Optimizing] { part ?? [] }
    public static func buildEither(first part: [any Optimizing]) -> [any Optimizing] { part }
    public static func buildEither(second part: [any Optimizing]) -> [any Optimizing] { part }
}
