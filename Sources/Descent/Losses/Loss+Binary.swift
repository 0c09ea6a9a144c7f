import Foundation

/// Binary cross-entropy, on probabilities and on logits.
extension Loss {
    /// Binary cross-entropy on probabilities p in [0, 1]: mean of −(y log p + (1 − y) log(1 − p)).
    ///
    /// As `F.binary_cross_entropy`, each log is clamped at −100 so that p = 0 or 1
    /// gives a large finite loss instead of infinity, and the gradient
    /// (p − y) / max(p(1 − p), 1e-12) / N uses the same guard. Prefer
    /// `.bceWithLogits`, which never needs the clamp.
    public static let bce = Loss(name: "bce") { output, target in
        let t = try matchedTarget(output.value, target, loss: "bce")
        let p = output.value.scalars
        let n = Double(p.count)
        var total = 0.0
        var local = [Double](repeating: 0, count: p.count)
        for i in 0..<p.count {
            guard p[i] >= 0, p[i] <= 1 else {
                throw DescentError.invalidArgument(
                    name: "bce output \(i)", value: "\(p[i])", expected: "a probability in [0, 1] (use .bceWithLogits for logits)")
            }
            let logP = Swift.max(Foundation.log(p[i]), -100)
            let logQ = Swift.max(Foundation.log(1 - p[i]), -100)
            total -= t[i] * logP + (1 - t[i]) * logQ
            local[i] = (p[i] - t[i]) / Swift.max((1 - p[i]) * p[i], 1e-12) / n
        }
        return node("bce", total / n, output, local)
    }

    /// Binary cross-entropy on logits z, the numerically stable form
    /// mean of max(z, 0) − z·y + log(1 + e^(−|z|)), as `F.binary_cross_entropy_with_logits`.
    ///
    /// It equals `.bce` applied to σ(z) but never takes the log of 0, and its
    /// gradient is simply (σ(z) − y)/N.
    public static let bceWithLogits = Loss(name: "bceWithLogits") { output, target in
        let t = try matchedTarget(output.value, target, loss: "bceWithLogits")
        let z = output.value.scalars
        let n = Double(z.count)
        var total = 0.0
        var local = [Double](repeating: 0, count: z.count)
        for i in 0..<z.count {
            let e = Foundation.exp(-Swift.abs(z[i]))
            total += Swift.max(z[i], 0) - z[i] * t[i] + Foundation.log1p(e)
            let sigmoid = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e)
            local[i] = (sigmoid - t[i]) / n
        }
        return node("bceWithLogits", total / n, output, local)
    }
}
