import CKernels

/// AdaDelta: scales each step by the ratio of running RMS of past updates and of gradients, as `torch.optim.Adadelta`.
///
/// PyTorch's rule (torch 2.13, single-tensor path), with `d = g + weightDecay * w`:
///
///     S  <- rho * S + (1 - rho) * d * d
///     Δ  =  sqrt(U + eps) / sqrt(S + eps) * d
///     U  <- rho * U + (1 - rho) * Δ * Δ
///     w  <- w - lr * Δ
///
/// The units of Δ match those of w, which is why the method needs no learning
/// rate in Zeiler's paper (lr = 1, PyTorch's default). Epsilon sits inside
/// both roots in PyTorch, Keras and the notes alike.
public struct AdaDelta: Optimizing {
    public var name: String
    public var lr: Double
    public let rho: Double
    public let eps: Double
    public let weightDecay: Double
    var slots = ParameterSlots()

    /// - Parameters:
    ///   - lr: the factor applied to Δ, default 1.0.
    ///   - rho: the smoothing constant in [0, 1), default 0.9.
    ///   - eps: the safety term inside both roots, default 1e-6.
    ///   - weightDecay: L2 penalty coefficient added to the gradient, default 0.
    public init(lr: Double = 1.0, rho: Double = 0.9, eps: Double = 1e-6, weightDecay: Double = 0) {
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.weightDecay = weightDecay
        var call = CallDescription("AdaDelta")
        call.add("lr", lr, default: 1.0)
        call.add("rho", rho, default: 0.9)
        call.add("eps", eps, default: 1e-6)
        call.add("weightDecay", weightDecay, default: 0)
        self.name = call.text
    }

    /// Keras's `Adadelta`: learning_rate=0.001, rho=0.95, epsilon=1e-7
    /// (https://keras.io/api/optimizers/adadelta/). The update rule is the same
    /// as PyTorch's (keras/src/optimizers/adadelta.py); only the defaults differ.
    public static func keras(lr: Double = 0.001, rho: Double = 0.95, eps: Double = 1e-7) -> AdaDelta {
        var optimizer = AdaDelta(lr: lr, rho: rho, eps: eps)
        var call = CallDescription("AdaDelta.keras")
        call.add("lr", lr, default: 0.001)
        call.add("rho", rho, default: 0.95)
        call.add("eps", eps, default: 1e-7)
        optimizer.name = call.text
        return optimizer
    }

    public func validate() throws {
        try Check.learningRate(lr)
        try Check.unitInterval(rho, "rho")
        try Check.nonNegative(eps, "eps")
        try Check.nonNegative(weightDecay, "weightDecay")
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        // The rule runs in CKernels (BodiesRules.h), operation for operation as PyTorch's:
        // S <- rho S + (1 - rho) d²; delta = sqrt(U + eps) / sqrt(S + eps) · d; U <- rho U + (1 - rho) delta²; w <- w - lr delta.
        var options = ck_rule_options()
        (options.lr, options.alpha, options.eps, options.weight_decay) = (lr, rho, eps, weightDecay)
        let path = ComputeSettings.current.path.rawValue
        // Slots: 0 square average of gradients S, 1 square average of updates U.
        try slots.update(&parameters, gradients: gradients, optimizer: name, slots: 2) { n, w, g, s in
            guard let wp = w.baseAddress, let gp = g.baseAddress, let sp = s.base else { return }
            withUnsafePointer(to: options) { ck_adadelta(path, n, s.parameterCount, wp, gp, sp, $0) }
        }
    }
}
