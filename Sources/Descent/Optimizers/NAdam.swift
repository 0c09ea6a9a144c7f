import CKernels
import Foundation

/// NAdam: Adam with Nesterov momentum and Dozat's momentum-decay schedule, as `torch.optim.NAdam`.
///
/// PyTorch's rule (torch 2.13, single-tensor path), with `t` the 1-based step and
/// `d = g + weightDecay * w` (or `w <- w * (1 - lr * weightDecay)` when decoupled):
///
///     μ_t = beta1 * (1 - 0.5 * 0.96^(t * momentumDecay));  Π_t = μ_1 ⋯ μ_t
///     m <- lerp(m, d, 1 - beta1);  v <- beta2 * v + (1 - beta2) * d * d
///     denom = sqrt(v / (1 - beta2^t)) + eps
///     w <- w - lr (1 - μ_t) / (1 - Π_t) * d / denom - lr μ_{t+1} / (1 - Π_t μ_{t+1}) * m / denom
///
/// The second term looks one step ahead with the next step's momentum, which
/// is the Nesterov idea applied to Adam's averaged gradient.
public struct NAdam: Optimizing {
    public var name: String
    public var lr: Double
    public let beta1: Double
    public let beta2: Double
    public let eps: Double
    public let weightDecay: Double
    public let momentumDecay: Double
    public let decoupledWeightDecay: Bool
    var slots = ParameterSlots()
    /// The product of all momentum coefficients so far, Π_t.
    private var muProduct = 1.0

    /// - Parameters:
    ///   - lr: the step size, default 0.002.
    ///   - beta1: decay of the first-moment average, in [0, 1), default 0.9.
    ///   - beta2: decay of the second-moment average, in [0, 1), default 0.999.
    ///   - eps: the denominator's safety term, default 1e-8.
    ///   - weightDecay: L2 coefficient, default 0.
    ///   - momentumDecay: ψ in Dozat's momentum schedule, default 0.004.
    ///   - decoupledWeightDecay: shrink the weights instead of adding to the gradient, default false.
    public init(lr: Double = 0.002, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
                weightDecay: Double = 0, momentumDecay: Double = 0.004, decoupledWeightDecay: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentumDecay = momentumDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        var call = CallDescription("NAdam")
        call.add("lr", lr, default: 0.002)
        call.add("beta1", beta1, default: 0.9)
        call.add("beta2", beta2, default: 0.999)
        call.add("eps", eps, default: 1e-8)
        call.add("weightDecay", weightDecay, default: 0)
        call.add("momentumDecay", momentumDecay, default: 0.004)
        call.add("decoupledWeightDecay", decoupledWeightDecay, default: false)
        self.name = call.text
    }

    public func validate() throws {
        try Check.learningRate(lr)
        try Check.unitInterval(beta1, "beta1")
        try Check.unitInterval(beta2, "beta2")
        try Check.nonNegative(eps, "eps")
        try Check.nonNegative(weightDecay, "weightDecay")
        try Check.nonNegative(momentumDecay, "momentumDecay")
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        let t = Double(slots.step + 1)
        let (lr, beta1, beta2, eps, wd, decoupled) = (lr, beta1, beta2, eps, weightDecay, decoupledWeightDecay)
        let biasCorrection2 = 1 - pow(beta2, t)
        let mu = beta1 * (1.0 - 0.5 * pow(0.96, t * momentumDecay))
        let muNext = beta1 * (1.0 - 0.5 * pow(0.96, (t + 1) * momentumDecay))
        let product = muProduct * mu
        let productNext = product * muNext
        let gradientScale = -lr * (1.0 - mu) / (1.0 - product)
        let averageScale = (-lr * muNext) / (1.0 - productNext)
        let decay = 1 - lr * wd
        // Slots: 0 first moment m, 1 second moment v. The rule runs in CKernels (BodiesRules.h),
        // operation for operation: m <- lerp(m, d, 1 - beta1); v <- beta2 v + (1 - beta2) d²;
        // denom = sqrt(v / bc2) + eps; w <- (w + gradientScale d / denom) + averageScale m / denom.
        var options = ck_rule_options()
        (options.beta1, options.beta2, options.eps, options.weight_decay) = (beta1, beta2, eps, wd)
        (options.bias_correction2, options.gradient_scale, options.average_scale) = (biasCorrection2, gradientScale, averageScale)
        options.decay = decay
        options.decay_mode = wd == 0 ? 0 : (decoupled ? 2 : 1)
        let path = ComputeSettings.current.path.rawValue
        try slots.update(&parameters, gradients: gradients, optimizer: name, slots: 2) { n, w, g, s in
            guard let wp = w.baseAddress, let gp = g.baseAddress, let sp = s.base else { return }
            withUnsafePointer(to: options) { ck_nadam(path, n, s.parameterCount, wp, gp, sp, $0) }
        }
        muProduct = product
    }
}
