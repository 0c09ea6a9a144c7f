import CKernels

/// Stochastic gradient descent with optional momentum, dampening, Nesterov and weight decay, as `torch.optim.SGD`.
///
/// PyTorch's rule (single-tensor path of torch 2.13), with `d = g + weightDecay * w`:
///
///     b <- d                                   (first step)
///     b <- momentum * b + (1 - dampening) * d  (later steps)
///     d <- nesterov ? d + momentum * b : b
///     w <- w - lr * d
///
/// The learning rate multiplies the buffer at update time, unlike the notes'
/// `v <- mu v - lr g` (see `Momentum`); with a constant learning rate the two
/// give the same iterates. `nesterov: true` is PyTorch's reformulation of
/// Nesterov momentum, whose iterate is the notes' look-ahead point θ + μϑ
/// (see `Nesterov`).
public struct SGD: Optimizing {
    public var name: String
    public var lr: Double
    public let momentum: Double
    public let dampening: Double
    public let nesterov: Bool
    public let weightDecay: Double
    /// True for `SGD.keras`: the velocity carries the learning rate, `v <- momentum v - lr g; w <- w + v`.
    let kerasVelocity: Bool
    var slots = ParameterSlots()

    /// - Parameters:
    ///   - lr: the step size, default 0.001 (torch 2.13's default).
    ///   - momentum: the momentum factor, default 0 (no momentum buffer).
    ///   - dampening: the share of the gradient left out of the buffer, default 0.
    ///   - nesterov: PyTorch's Nesterov momentum; needs momentum > 0 and dampening 0.
    ///   - weightDecay: L2 penalty coefficient added to the gradient, default 0.
    public init(lr: Double = 0.001, momentum: Double = 0, dampening: Double = 0,
                nesterov: Bool = false, weightDecay: Double = 0) {
        self.init(lr: lr, momentum: momentum, dampening: dampening, nesterov: nesterov,
                  weightDecay: weightDecay, kerasVelocity: false)
        var call = CallDescription("SGD")
        call.add("lr", lr, default: 0.001)
        call.add("momentum", momentum, default: 0)
        call.add("dampening", dampening, default: 0)
        call.add("nesterov", nesterov, default: false)
        call.add("weightDecay", weightDecay, default: 0)
        name = call.text
    }

    private init(lr: Double, momentum: Double, dampening: Double, nesterov: Bool,
                 weightDecay: Double, kerasVelocity: Bool) {
        self.name = "SGD"
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
        self.kerasVelocity = kerasVelocity
    }

    /// Keras's `SGD`: learning_rate=0.01, momentum=0.0, nesterov=False
    /// (https://keras.io/api/optimizers/sgd/, keras/src/optimizers/sgd.py).
    ///
    /// Keras keeps the learning rate inside the velocity, `v <- momentum v - lr g`,
    /// then `w <- w + v`, or with Nesterov `w <- w + momentum v - lr g`.
    /// With a constant learning rate this equals `SGD(lr:momentum:nesterov:)`.
    public static func keras(lr: Double = 0.01, momentum: Double = 0, nesterov: Bool = false) -> SGD {
        var sgd = SGD(lr: lr, momentum: momentum, dampening: 0, nesterov: nesterov,
                      weightDecay: 0, kerasVelocity: true)
        var call = CallDescription("SGD.keras")
        call.add("lr", lr, default: 0.01)
        call.add("momentum", momentum, default: 0)
        call.add("nesterov", nesterov, default: false)
        sgd.name = call.text
        return sgd
    }

    public func validate() throws {
        try Check.learningRate(lr)
        try Check.nonNegative(momentum, "momentum")
        try require(dampening >= 0 && dampening <= 1, "dampening", dampening, "a value in [0, 1]")
        try Check.nonNegative(weightDecay, "weightDecay")
        if kerasVelocity {
            try require(momentum <= 1, "momentum", momentum, "a value in [0, 1] (Keras)")
        }
        if nesterov {
            try require(momentum > 0, "momentum", momentum, "> 0 when nesterov is true")
            try require(dampening == 0, "dampening", dampening, "0 when nesterov is true")
        }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        let (lr, mu, dampening, nesterov, wd) = (lr, momentum, dampening, nesterov, weightDecay)
        let first = slots.isEmpty
        let slotCount = mu != 0 ? 1 : 0
        // The rule runs in CKernels (Sources/CKernels/BodiesOptimizers.h), operation for operation
        // as written above, on the widest vector path; Keras's form keeps lr inside the velocity.
        let options = ck_sgd_options(
            lr: lr, momentum: mu, dampening: dampening, weight_decay: kerasVelocity ? 0 : wd,
            has_momentum: mu != 0 ? 1 : 0, nesterov: nesterov ? 1 : 0, first_step: first ? 1 : 0,
            keras: kerasVelocity ? 1 : 0)
        let path = ComputeSettings.current.path.rawValue
        try slots.update(&parameters, gradients: gradients, optimizer: name, slots: slotCount) { n, w, g, s in
            guard let wp = w.baseAddress, let gp = g.baseAddress else { return }
            withUnsafePointer(to: options) { ck_sgd(path, n, wp, gp, s.base, $0) }
        }
    }
}

/// Plain gradient descent: `w <- w - lr * g`.
///
/// The baseline every other method is compared with. It keeps no state, so
/// its step depends only on the current gradient; `SGD` with its defaults is
/// the same rule with PyTorch's smaller default learning rate.
public struct GD: Optimizing {
    public var name: String
    /// The step size; schedules set it before each step.
    public var lr: Double

    /// - Parameter lr: the step size, default 0.01.
    public init(lr: Double = 0.01) {
        self.lr = lr
        var call = CallDescription("GD")
        call.add("lr", lr, default: 0.01)
        self.name = call.text
    }

    public func validate() throws {
        try Check.learningRate(lr)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        var slots = ParameterSlots()
        let lr = self.lr
        try slots.update(&parameters, gradients: gradients, optimizer: name, slots: 0) { count, w, g, _ in
            for i in 0..<count { w[i] = w[i] - lr * g[i] }
        }
    }
}
