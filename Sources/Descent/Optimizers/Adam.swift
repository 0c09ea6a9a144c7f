import CKernels
import Foundation

/// Adam: momentum on the gradient and RMSProp-style scaling, both bias-corrected, as `torch.optim.Adam`.
///
/// PyTorch's rule (torch 2.13, single-tensor path), with `t` the 1-based step and
/// `d = g + weightDecay * w` (or, with `decoupledWeightDecay`, `w <- w * (1 - lr * weightDecay)` first):
///
///     m <- lerp(m, d, 1 - beta1)
///     v <- beta2 * v + (1 - beta2) * d * d
///     v̂max <- max(v̂max, v)                     (amsgrad: use v̂max below)
///     denom = sqrt(v) / sqrt(1 - beta2^t) + eps
///     w <- w - lr / (1 - beta1^t) * m / denom
///
/// `epsilonPlacement: .inside` uses `sqrt(v / (1 - beta2^t) + eps)` as the
/// notes' first formula; `.hat` is Keras's form (see `Adam.keras`).
public struct Adam: Optimizing {
    public var name: String
    public var lr: Double
    public let beta1: Double
    public let beta2: Double
    public let eps: Double
    public let weightDecay: Double
    public let amsgrad: Bool
    /// Decay the weights directly instead of adding `weightDecay * w` to the gradient (AdamW).
    public let decoupledWeightDecay: Bool
    public let epsilonPlacement: EpsilonPlacement
    var slots = ParameterSlots()

    /// - Parameters:
    ///   - lr: the step size, default 0.001.
    ///   - beta1: decay of the first-moment average, in [0, 1), default 0.9.
    ///   - beta2: decay of the second-moment average, in [0, 1), default 0.999.
    ///   - eps: the denominator's safety term, default 1e-8.
    ///   - weightDecay: L2 coefficient, default 0.
    ///   - amsgrad: divide by the largest second moment so far (AMSGrad), default false.
    ///   - decoupledWeightDecay: shrink the weights by `1 - lr * weightDecay` instead (AdamW), default false.
    ///   - epsilonPlacement: `.outside` (default, PyTorch), `.inside` or `.hat` (Keras).
    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
                weightDecay: Double = 0, amsgrad: Bool = false, decoupledWeightDecay: Bool = false,
                epsilonPlacement: EpsilonPlacement = .outside) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
        self.decoupledWeightDecay = decoupledWeightDecay
        self.epsilonPlacement = epsilonPlacement
        var call = CallDescription("Adam")
        call.add("lr", lr, default: 0.001)
        call.add("beta1", beta1, default: 0.9)
        call.add("beta2", beta2, default: 0.999)
        call.add("eps", eps, default: 1e-8)
        call.add("weightDecay", weightDecay, default: 0)
        call.add("amsgrad", amsgrad, default: false)
        call.add("decoupledWeightDecay", decoupledWeightDecay, default: false)
        call.add("epsilonPlacement", epsilonPlacement, default: .outside)
        self.name = call.text
    }

    /// Keras's `Adam`: learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False
    /// (https://keras.io/api/optimizers/adam/).
    ///
    /// Keras's epsilon is Kingma and Ba's "epsilon hat" (keras/src/optimizers/adam.py):
    /// `lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)`, `w <- w - lr_t * m / (sqrt(v) + eps)`
    /// with the uncorrected `v`, so its epsilon is effectively `sqrt(1 - beta2^t)` times
    /// smaller than PyTorch's in the first steps.
    public static func keras(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                             eps: Double = 1e-7, amsgrad: Bool = false) -> Adam {
        var optimizer = Adam(lr: lr, beta1: beta1, beta2: beta2, eps: eps, amsgrad: amsgrad, epsilonPlacement: .hat)
        var call = CallDescription("Adam.keras")
        call.add("lr", lr, default: 0.001)
        call.add("beta1", beta1, default: 0.9)
        call.add("beta2", beta2, default: 0.999)
        call.add("eps", eps, default: 1e-7)
        call.add("amsgrad", amsgrad, default: false)
        optimizer.name = call.text
        return optimizer
    }

    public func validate() throws {
        try Check.learningRate(lr)
        try Check.unitInterval(beta1, "beta1")
        try Check.unitInterval(beta2, "beta2")
        try Check.nonNegative(eps, "eps")
        try Check.nonNegative(weightDecay, "weightDecay")
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        let t = Double(slots.step + 1)
        let (lr, beta1, beta2, eps, wd) = (lr, beta1, beta2, eps, weightDecay)
        let (amsgrad, decoupled, placement) = (amsgrad, decoupledWeightDecay, epsilonPlacement)
        let biasCorrection1 = 1 - pow(beta1, t)
        let biasCorrection2 = 1 - pow(beta2, t)
        let stepSize = lr / biasCorrection1
        let biasCorrection2Sqrt = pow(biasCorrection2, 0.5)
        let kerasRate = lr * biasCorrection2.squareRoot() / biasCorrection1
        let decay = 1 - lr * wd
        // Slots: 0 first moment m, 1 second moment v, 2 running maximum of v (amsgrad).
        // The rule runs in CKernels (Sources/CKernels/BodiesOptimizers.h), operation for operation as
        // PyTorch's: decoupled decay shrinks w first, coupled decay adds wd·w to the gradient, the
        // moments use torch.lerp (or Keras's m + (d − m)(1 − β1)), and the denominator per placement.
        let options = ck_adam_options(
            beta1: beta1, beta2: beta2, eps: eps, weight_decay: wd, decay: decay, step_size: stepSize,
            bias_correction2: biasCorrection2, bias_correction2_sqrt: biasCorrection2Sqrt, keras_rate: kerasRate,
            decay_mode: wd == 0 ? 0 : (decoupled ? 2 : 1), amsgrad: amsgrad ? 1 : 0,
            placement: placement == .outside ? 0 : (placement == .inside ? 1 : 2))
        let path = ComputeSettings.current.path.rawValue
        try slots.update(&parameters, gradients: gradients, optimizer: name, slots: amsgrad ? 3 : 2) { n, w, g, s in
            let (m, v) = (s.slot(0), s.slot(1))
            let vmax = amsgrad ? s.slot(2) : v
            guard let wp = w.baseAddress, let gp = g.baseAddress, let mp = m.baseAddress,
                  let vp = v.baseAddress, let vmaxp = vmax.baseAddress else { return }
            withUnsafePointer(to: options) { ck_adam(path, n, wp, gp, mp, vp, vmaxp, $0) }
        }
    }
}

/// AdamW: Adam with decoupled weight decay, as `torch.optim.AdamW`.
///
/// The weights shrink by `1 - lr * weightDecay` before the Adam step instead of
/// having `weightDecay * w` added to the gradient, so the decay is not rescaled
/// by Adam's per-coordinate denominator (Loshchilov and Hutter). PyTorch 2.13
/// implements AdamW as `Adam(decoupled_weight_decay=True)` with a default
/// weight decay of 0.01; this type does the same.
public struct AdamW: Optimizing {
    /// The Adam that does the work.
    var adam: Adam

    public var name: String {
        get { adam.name }
        set { adam.name = newValue }
    }

    public var lr: Double {
        get { adam.lr }
        set { adam.lr = newValue }
    }

    public var beta1: Double { adam.beta1 }
    public var beta2: Double { adam.beta2 }
    public var eps: Double { adam.eps }
    public var weightDecay: Double { adam.weightDecay }
    public var amsgrad: Bool { adam.amsgrad }
    public var epsilonPlacement: EpsilonPlacement { adam.epsilonPlacement }

    /// - Parameters:
    ///   - lr: the step size, default 0.001.
    ///   - beta1: decay of the first-moment average, in [0, 1), default 0.9.
    ///   - beta2: decay of the second-moment average, in [0, 1), default 0.999.
    ///   - eps: the denominator's safety term, default 1e-8.
    ///   - weightDecay: the decoupled decay coefficient, default 0.01.
    ///   - amsgrad: divide by the largest second moment so far, default false.
    ///   - epsilonPlacement: `.outside` (default, PyTorch), `.inside` or `.hat`.
    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
                weightDecay: Double = 0.01, amsgrad: Bool = false, epsilonPlacement: EpsilonPlacement = .outside) {
        adam = Adam(lr: lr, beta1: beta1, beta2: beta2, eps: eps, weightDecay: weightDecay,
                    amsgrad: amsgrad, decoupledWeightDecay: true, epsilonPlacement: epsilonPlacement)
        var call = CallDescription("AdamW")
        call.add("lr", lr, default: 0.001)
        call.add("beta1", beta1, default: 0.9)
        call.add("beta2", beta2, default: 0.999)
        call.add("eps", eps, default: 1e-8)
        call.add("weightDecay", weightDecay, default: 0.01)
        call.add("amsgrad", amsgrad, default: false)
        call.add("epsilonPlacement", epsilonPlacement, default: .outside)
        adam.name = call.text
    }

    public func validate() throws {
        try adam.validate()
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try adam.step(&parameters, gradients: gradients)
    }
}
