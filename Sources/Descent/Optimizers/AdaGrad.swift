import CKernels

/// AdaGrad: per-coordinate step sizes shrinking with the sum of squared gradients, as `torch.optim.Adagrad`.
///
/// PyTorch's rule (torch 2.13, single-tensor path), with `d = g + weightDecay * w`
/// and `t` the 1-based step:
///
///     clr = lr / (1 + (t - 1) * lrDecay)
///     G  <- G + d * d                 (G starts at initialAccumulatorValue)
///     w  <- w - clr * d / (sqrt(G) + eps)
///
/// `epsilonPlacement: .inside` uses `sqrt(G + eps)` as in the notes and Keras.
/// Because G never shrinks, the steps decay for good: the method's known weakness.
public struct AdaGrad: Optimizing {
    public var name: String
    public var lr: Double
    public let lrDecay: Double
    public let weightDecay: Double
    public let initialAccumulatorValue: Double
    public let eps: Double
    public let epsilonPlacement: EpsilonPlacement
    var slots = ParameterSlots()

    /// - Parameters:
    ///   - lr: the base step size, default 0.01.
    ///   - lrDecay: learning-rate decay per step, default 0.
    ///   - weightDecay: L2 penalty coefficient added to the gradient, default 0.
    ///   - initialAccumulatorValue: the starting value of G, default 0.
    ///   - eps: the denominator's safety term, default 1e-10.
    ///   - epsilonPlacement: `.outside` (default, PyTorch) or `.inside`.
    public init(lr: Double = 0.01, lrDecay: Double = 0, weightDecay: Double = 0,
                initialAccumulatorValue: Double = 0, eps: Double = 1e-10,
                epsilonPlacement: EpsilonPlacement = .outside) {
        self.lr = lr
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
        self.epsilonPlacement = epsilonPlacement
        var call = CallDescription("AdaGrad")
        call.add("lr", lr, default: 0.01)
        call.add("lrDecay", lrDecay, default: 0)
        call.add("weightDecay", weightDecay, default: 0)
        call.add("initialAccumulatorValue", initialAccumulatorValue, default: 0)
        call.add("eps", eps, default: 1e-10)
        call.add("epsilonPlacement", epsilonPlacement, default: .outside)
        self.name = call.text
    }

    /// Keras's `Adagrad`: learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7
    /// (https://keras.io/api/optimizers/adagrad/). Keras divides by `sqrt(G + eps)`
    /// (keras/src/optimizers/adagrad.py), so epsilon goes inside.
    public static func keras(lr: Double = 0.001, initialAccumulatorValue: Double = 0.1,
                             eps: Double = 1e-7) -> AdaGrad {
        var optimizer = AdaGrad(lr: lr, initialAccumulatorValue: initialAccumulatorValue, eps: eps,
                                epsilonPlacement: .inside)
        var call = CallDescription("AdaGrad.keras")
        call.add("lr", lr, default: 0.001)
        call.add("initialAccumulatorValue", initialAccumulatorValue, default: 0.1)
        call.add("eps", eps, default: 1e-7)
        optimizer.name = call.text
        return optimizer
    }

    public func validate() throws {
        try Check.learningRate(lr)
        try Check.nonNegative(lrDecay, "lrDecay")
        try Check.nonNegative(weightDecay, "weightDecay")
        try Check.nonNegative(initialAccumulatorValue, "initialAccumulatorValue")
        try Check.nonNegative(eps, "eps")
        try Check.placement(epsilonPlacement, "AdaGrad")
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        let t = Double(slots.step + 1)
        let clr = lr / (1 + (t - 1) * lrDecay)
        // The rule runs in CKernels (BodiesRules.h), operation for operation as PyTorch's:
        // d = g + wd·w; G <- G + d·d; w <- w - clr·d / (sqrt(G) + eps), or sqrt(G + eps) inside.
        var options = ck_rule_options()
        (options.lr, options.weight_decay, options.eps) = (clr, weightDecay, eps)
        options.inside = epsilonPlacement == .inside ? 1 : 0
        let path = ComputeSettings.current.path.rawValue
        try slots.update(&parameters, gradients: gradients, optimizer: name, slots: 1,
                         initialValue: initialAccumulatorValue) { n, w, g, s in
            guard let wp = w.baseAddress, let gp = g.baseAddress, let sp = s.base else { return }
            withUnsafePointer(to: options) { ck_adagrad(path, n, wp, gp, sp, $0) }
        }
    }
}
