import CKernels

/// RMSProp: divides the gradient by a running root-mean-square of recent gradients, as `torch.optim.RMSprop`.
///
/// PyTorch's rule (torch 2.13, single-tensor path), with `d = g + weightDecay * w`:
///
///     S <- alpha * S + (1 - alpha) * d * d
///     A <- lerp(A, d, 1 - alpha)                  (centered only)
///     r = sqrt(S - A * A) + eps                   (sqrt(S) + eps when not centered)
///     b <- momentum * b + d / r;  w <- w - lr * b (momentum > 0)
///     w <- w - lr * d / r                         (otherwise)
///
/// Unlike AdaGrad's sum, the average forgets old gradients, so the step size
/// does not decay for good. `epsilonPlacement: .inside` uses `sqrt(S + eps)`.
public struct RMSProp: Optimizing {
    public var name: String
    public var lr: Double
    /// The smoothing constant (the notes' ρ or γ, Keras's rho).
    public let alpha: Double
    public let eps: Double
    public let weightDecay: Double
    public let momentum: Double
    public let centered: Bool
    public let epsilonPlacement: EpsilonPlacement
    /// True for `RMSProp.keras`: the momentum buffer carries the learning rate, `b <- momentum b + lr d / r; w <- w - b`.
    let kerasMomentum: Bool
    var slots = ParameterSlots()

    /// - Parameters:
    ///   - lr: the step size, default 0.01.
    ///   - alpha: the smoothing constant in [0, 1), default 0.99.
    ///   - eps: the denominator's safety term, default 1e-8.
    ///   - weightDecay: L2 penalty coefficient added to the gradient, default 0.
    ///   - momentum: momentum factor of the update buffer, default 0.
    ///   - centered: normalize by the estimated variance instead of the second moment, default false.
    ///   - epsilonPlacement: `.outside` (default, PyTorch) or `.inside`.
    public init(lr: Double = 0.01, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
                momentum: Double = 0, centered: Bool = false, epsilonPlacement: EpsilonPlacement = .outside) {
        self.init(lr: lr, alpha: alpha, eps: eps, weightDecay: weightDecay, momentum: momentum,
                  centered: centered, epsilonPlacement: epsilonPlacement, kerasMomentum: false)
        var call = CallDescription("RMSProp")
        call.add("lr", lr, default: 0.01)
        call.add("alpha", alpha, default: 0.99)
        call.add("eps", eps, default: 1e-8)
        call.add("weightDecay", weightDecay, default: 0)
        call.add("momentum", momentum, default: 0)
        call.add("centered", centered, default: false)
        call.add("epsilonPlacement", epsilonPlacement, default: .outside)
        name = call.text
    }

    private init(lr: Double, alpha: Double, eps: Double, weightDecay: Double, momentum: Double,
                 centered: Bool, epsilonPlacement: EpsilonPlacement, kerasMomentum: Bool) {
        self.name = "RMSProp"
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
        self.epsilonPlacement = epsilonPlacement
        self.kerasMomentum = kerasMomentum
    }

    /// Keras's `RMSprop`: learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False
    /// (https://keras.io/api/optimizers/rmsprop/).
    ///
    /// Keras (keras/src/optimizers/rmsprop.py) puts epsilon inside the root,
    /// `r = sqrt(S - A*A + eps)`, and keeps the learning rate inside the momentum
    /// buffer, `b <- momentum b + lr d / r; w <- w - b`; with a constant learning
    /// rate that buffer is PyTorch's times `lr`.
    public static func keras(lr: Double = 0.001, rho: Double = 0.9, momentum: Double = 0,
                             eps: Double = 1e-7, centered: Bool = false) -> RMSProp {
        var optimizer = RMSProp(lr: lr, alpha: rho, eps: eps, weightDecay: 0, momentum: momentum,
                                centered: centered, epsilonPlacement: .inside, kerasMomentum: true)
        var call = CallDescription("RMSProp.keras")
        call.add("lr", lr, default: 0.001)
        call.add("rho", rho, default: 0.9)
        call.add("momentum", momentum, default: 0)
        call.add("eps", eps, default: 1e-7)
        call.add("centered", centered, default: false)
        optimizer.name = call.text
        return optimizer
    }

    public func validate() throws {
        try Check.learningRate(lr)
        try Check.unitInterval(alpha, kerasMomentum ? "rho" : "alpha")
        try Check.nonNegative(eps, "eps")
        try Check.nonNegative(weightDecay, "weightDecay")
        try Check.nonNegative(momentum, "momentum")
        try Check.placement(epsilonPlacement, "RMSProp")
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        let (lr, alpha, eps, wd, mu) = (lr, alpha, eps, weightDecay, momentum)
        let (centered, inside, keras) = (centered, epsilonPlacement == .inside, kerasMomentum)
        // Slots: 0 square average S, 1 momentum buffer b, 2 gradient average A. The rule runs in
        // CKernels (BodiesRules.h), operation for operation: S <- alpha S + (1 - alpha) d²; centered,
        // A <- lerp(A, d, 1 - alpha) and S - A²; r = sqrt(·) + eps (or sqrt(· + eps) inside); then
        // b <- mu b + d / r, w <- w - lr b (Keras: b <- mu b + lr d / r, w <- w - b), or w <- w - lr d / r.
        var options = ck_rule_options()
        (options.lr, options.alpha, options.eps, options.weight_decay, options.momentum) = (lr, alpha, eps, wd, mu)
        (options.centered, options.inside, options.variant) = (centered ? 1 : 0, inside ? 1 : 0, keras ? 1 : 0)
        let path = ComputeSettings.current.path.rawValue
        let slotCount = centered ? 3 : (mu > 0 ? 2 : 1)
        try slots.update(&parameters, gradients: gradients, optimizer: name, slots: slotCount) { n, w, g, s in
            guard let wp = w.baseAddress, let gp = g.baseAddress, let sp = s.base else { return }
            withUnsafePointer(to: options) { ck_rmsprop(path, n, s.parameterCount, wp, gp, sp, $0) }
        }
    }
}
