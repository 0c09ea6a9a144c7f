/// Builds an optimizer's default name: the call a lesson would write, listing only non-default arguments.
///
/// Tables and plots label runs with these names, so `Adam(lr: 0.1)` and
/// `Adam(lr: 0.01)` stay distinguishable while `Adam()` stays short.
struct CallDescription {
    private let head: String
    private var arguments: [String] = []

    init(_ head: String) { self.head = head }

    /// Adds `label: value` when `value` differs from the default.
    mutating func add(_ label: String, _ value: Double, default defaultValue: Double) {
        if value != defaultValue || (value.isNaN != defaultValue.isNaN) {
            arguments.append("\(label): \(Self.format(value))")
        }
    }

    mutating func add(_ label: String, _ value: Bool, default defaultValue: Bool) {
        if value != defaultValue { arguments.append("\(label): \(value)") }
    }

    /// Adds an enum argument, written with a leading dot as in Swift source.
    mutating func add<Value: Equatable>(_ label: String, _ value: Value, default defaultValue: Value) {
        if value != defaultValue { arguments.append("\(label): .\(value)") }
    }

    var text: String { "\(head)(\(arguments.joined(separator: ", ")))" }

    /// Formats a number as a Swift literal: `0.1`, `1e-7`, `100.0`.
    static func format(_ value: Double) -> String {
        var text = "\(value)"
        // Swift prints 1e-07; lessons write 1e-7.
        if let range = text.range(of: "e-0") { text.replaceSubrange(range, with: "e-") }
        if let range = text.range(of: "e+0") { text.replaceSubrange(range, with: "e") }
        if let range = text.range(of: "e+") { text.replaceSubrange(range, with: "e") }
        return text
    }
}

/// Where epsilon goes in an adaptive method's denominator.
///
/// The course notes disagree: some write `g / (sqrt(G) + eps)` (PyTorch's
/// choice), others `g / sqrt(G + eps)`. With eps = 1e-8 the two only differ
/// while `G` is tiny, which is exactly when the step size is largest.
public enum EpsilonPlacement: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// `sqrt(G) + eps`, as in PyTorch.
    case outside
    /// `sqrt(G + eps)`, as in some of the notes and in Keras's RMSprop and Adagrad.
    case inside
    /// Adam only: Kingma and Ba's "epsilon hat", `lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)`
    /// and `w -= lr_t * m / (sqrt(v) + eps)` with the uncorrected `v`, as in Keras.
    case hat

    public var description: String { rawValue }
}

/// Hyper-parameter checks shared by the optimizers.
enum Check {
    /// A learning rate must be finite and non-negative.
    static func learningRate(_ lr: Double) throws {
        try require(lr >= 0 && lr.isFinite, "lr", lr, "a finite value >= 0")
    }

    /// A value that must be finite and >= 0 (eps, weight decay, momentum).
    static func nonNegative(_ value: Double, _ name: String) throws {
        try require(value >= 0 && value.isFinite, name, value, "a finite value >= 0")
    }

    /// A decay rate (beta, alpha, rho) that must lie in [0, 1).
    static func unitInterval(_ value: Double, _ name: String) throws {
        try require(value >= 0 && value < 1, name, value, "a value in [0, 1)")
    }

    /// Rejects Adam's epsilon hat in optimizers that have no bias correction to fold it into.
    static func placement(_ placement: EpsilonPlacement, _ optimizer: String) throws {
        if placement == .hat {
            throw DescentError.invalidArgument(
                name: "epsilonPlacement", value: ".hat",
                expected: ".outside or .inside (epsilon hat only exists for Adam, not \(optimizer))")
        }
    }
}
