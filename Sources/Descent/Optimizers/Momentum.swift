import CKernels

/// Which of the notes' two momentum conventions an optimizer follows.
public enum MomentumForm: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// `v <- mu v - lr g; w <- w + v`: the velocity carries the learning rate (Polyak's heavy ball).
    case classic
    /// `v <- gamma v + (1 - gamma) g; w <- w - lr v`: the velocity is an exponential average of gradients.
    case exponentialAverage

    public var description: String { rawValue }
}

/// Gradient descent with momentum in the course notes' forms.
///
/// The classic form `v <- mu v - lr g; w <- w + v` is what the notes write
/// first; with a constant learning rate it gives the same iterates as
/// `SGD(lr: lr, momentum: mu)`. The exponential-average form
/// `v <- mu v + (1 - mu) g; w <- w - lr v` takes steps `1 - mu` times
/// smaller, so it equals `SGD(lr: lr * (1 - mu), momentum: mu)`.
public struct Momentum: Optimizing {
    public var name: String
    public var lr: Double
    /// The momentum factor μ (γ in the exponential-average notes).
    public let mu: Double
    public let form: MomentumForm
    var slots = ParameterSlots()

    /// - Parameters:
    ///   - lr: the step size, default 0.01.
    ///   - mu: the momentum factor in [0, 1], default 0.9.
    ///   - form: `.classic` (default) or `.exponentialAverage`.
    public init(lr: Double = 0.01, mu: Double = 0.9, form: MomentumForm = .classic) {
        self.lr = lr
        self.mu = mu
        self.form = form
        self.name = MomentumKernel.name("Momentum", lr: lr, mu: mu, form: form)
    }

    public func validate() throws {
        try MomentumKernel.validate(lr: lr, mu: mu)
    }

    /// The velocity ϑ of parameter `index`, or nil before the first step; lessons plot it.
    public func velocity(_ index: Int) -> Tensor? {
        guard slots.shapes.indices.contains(index) else { return nil }
        return Tensor(unchecked: slots.shapes[index], Array(slots.values(slot: 0, of: index)))
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        try slots.update(&parameters, gradients: gradients, optimizer: name, slots: 1,
                         MomentumKernel.make(form: form, lr: lr, mu: mu))
    }
}

/// The momentum update shared by `Momentum` and `Nesterov`, which differ only in where the gradient is taken.
enum MomentumKernel {
    /// The call as a lesson writes it, with only the non-default arguments: both types share labels and defaults.
    static func name(_ type: String, lr: Double, mu: Double, form: MomentumForm) -> String {
        var call = CallDescription(type)
        call.add("lr", lr, default: 0.01)
        call.add("mu", mu, default: 0.9)
        call.add("form", form, default: .classic)
        return call.text
    }

    /// The hyper-parameter checks both types share: a valid learning rate and μ in [0, 1].
    static func validate(lr: Double, mu: Double) throws {
        try Check.learningRate(lr)
        try require(mu >= 0 && mu <= 1, "mu", mu, "a value in [0, 1]")
    }

    /// The step: classic `v <- mu v - lr g; w <- w + v`, or the exponential average
    /// `v <- mu v + (1 - mu) g; w <- w - lr v`, run in CKernels on the widest vector path.
    static func make(form: MomentumForm, lr: Double, mu: Double) -> ParameterSlots.Kernel {
        var options = ck_rule_options()
        (options.lr, options.momentum, options.variant) = (lr, mu, form == .classic ? 0 : 1)
        let (path, constants) = (ComputeSettings.current.path.rawValue, options)
        return { n, w, g, s in
            guard let wp = w.baseAddress, let gp = g.baseAddress, let sp = s.base else { return }
            withUnsafePointer(to: constants) { ck_momentum(path, n, wp, gp, sp, $0) }
        }
    }

    /// The look-ahead point: `w + mu v` (classic) or `w - lr mu v` (exponential average).
    static func lookAhead(_ parameters: [Tensor], slots: ParameterSlots, form: MomentumForm,
                          lr: Double, mu: Double) -> [Tensor] {
        guard !slots.isEmpty else { return parameters }
        let scale = form == .classic ? mu : -lr * mu
        return parameters.enumerated().map { index, parameter in
            var point = parameter
            let velocity = slots.values(slot: 0, of: index)
            point.scalars.withUnsafeMutableBufferPointer { w in
                velocity.withUnsafeBufferPointer { v in
                    for i in 0..<w.count { w[i] = w[i] + scale * v[i] }
                }
            }
            return point
        }
    }
}

/// Nesterov momentum in the course notes' form: the gradient is taken at the look-ahead point.
///
///     θ' = θ + μϑ;  g = ∇L(θ');  ϑ <- μϑ - lr g;  θ <- θ + ϑ
///
/// `gradientPoint(_:)` returns θ', and `minimize`/`fit` evaluate the gradient
/// there before calling `step`. PyTorch's `SGD(nesterov: true)` rewrites the
/// same method so the gradient is taken at the parameters themselves: its
/// iterate is exactly this optimizer's θ', which is why both converge alike.
/// With `form: .exponentialAverage` it follows the notes' NAG variant,
/// `v <- γv + (1-γ)∇L(w - lr γ v); w <- w - lr v`.
public struct Nesterov: Optimizing {
    public var name: String
    public var lr: Double
    public let mu: Double
    public let form: MomentumForm
    var slots = ParameterSlots()

    /// - Parameters:
    ///   - lr: the step size, default 0.01.
    ///   - mu: the momentum factor in [0, 1], default 0.9.
    ///   - form: `.classic` (default) or `.exponentialAverage`.
    public init(lr: Double = 0.01, mu: Double = 0.9, form: MomentumForm = .classic) {
        self.lr = lr
        self.mu = mu
        self.form = form
        self.name = MomentumKernel.name("Nesterov", lr: lr, mu: mu, form: form)
    }

    public func validate() throws {
        try MomentumKernel.validate(lr: lr, mu: mu)
    }

    /// The look-ahead point θ + μϑ (θ itself before the first step).
    public func gradientPoint(_ parameters: [Tensor]) throws -> [Tensor] {
        try slots.checkState(parameters, optimizer: name)
        return MomentumKernel.lookAhead(parameters, slots: slots, form: form, lr: lr, mu: mu)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        try slots.update(&parameters, gradients: gradients, optimizer: name, slots: 1,
                         MomentumKernel.make(form: form, lr: lr, mu: mu))
    }
}
