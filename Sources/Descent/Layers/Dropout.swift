/// Which of the notes' two dropout conventions a `Dropout` layer follows.
public enum DropoutForm: Sendable, Equatable {
    /// The original form: while training keep each unit with probability 1 − p, unscaled;
    /// at inference keep every unit and multiply by 1 − p so expectations match.
    case classic
    /// The form used in practice: while training scale kept units by 1/(1 − p);
    /// inference is the identity and needs no knowledge of p.
    case inverted
}

/// Randomly zeroes units while training, so that no unit can rely on another being present.
///
/// Each element of the input is dropped independently with probability `p`:
/// element i (in row-major order) draws u = `context.random.nextDouble()` and is
/// dropped when u < p. The mask therefore depends only on the context's
/// generator, so a seeded training run drops the same units every time.
/// Both forms give the same expected output in training and inference.
public struct Dropout: Layer, CustomStringConvertible {
    /// The probability of dropping each unit, in [0, 1].
    public let p: Double
    /// The convention for scaling (see `DropoutForm`).
    public let form: DropoutForm
    public var parameters: [Tensor] = []

    /// - Parameters:
    ///   - p: the drop probability in [0, 1]; other values are reported by `forward`.
    ///   - form: `.inverted` (default, as PyTorch and Keras) or `.classic`.
    public init(_ p: Double, form: DropoutForm = .inverted) {
        self.p = p
        self.form = form
    }

    public mutating func initialize(using random: inout RandomSource) throws {}

    public var description: String { "Dropout(\(p)\(form == .classic ? ", form: .classic" : ""))" }

    public func forward(_ input: Variable, parameters: ArraySlice<Variable>, context: inout ForwardContext) throws -> Variable {
        try require(p >= 0 && p <= 1, "dropout probability p", p, "a probability in [0, 1]")
        let x = input.value
        guard context.training else {
            if form == .inverted || p == 0 { return input }
            let keep = 1 - p
            return Variable(x * keep, parents: [input], name: "dropout(inference)") { g in [g * keep] }
        }
        // A kept unit is multiplied by `scale`; p = 1 drops everything, so the scale is moot.
        let scale = form == .inverted && p < 1 ? 1 / (1 - p) : 1
        var mask = [Double](repeating: 0, count: x.count)
        for i in 0..<mask.count {
            mask[i] = context.random.nextDouble() < p ? 0 : scale
        }
        let maskTensor = Tensor(unchecked: x.shape, mask)
        let y = elementwiseProduct(x, maskTensor) { $0 * $1 }
        return Variable(y, parents: [input], name: "dropout") { g in
            [elementwiseProduct(g, maskTensor) { $0 * $1 }]
        }
    }
}
