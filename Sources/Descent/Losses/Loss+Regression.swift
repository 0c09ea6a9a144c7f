/// Squared-error losses for regression.
extension Loss {
    /// The mean squared error (1/N) Σ (output − target)² over all N elements, as `F.mse_loss`.
    public static let mse = Loss(name: "mse") { output, target in
        let t = try matchedTarget(output.value, target, loss: "mse")
        let o = output.value.scalars
        let n = Double(o.count)
        var total = 0.0
        var local = [Double](repeating: 0, count: o.count)
        for i in 0..<o.count {
            let d = o[i] - t[i]
            total += d * d
            local[i] = 2 * d / n
        }
        return node("mse", total / n, output, local)
    }

    /// The notes' sum form ½ Σ (output − target)², whose gradient is simply output − target.
    ///
    /// It is not divided by the batch size, so its gradients grow with the batch;
    /// the notes use it because the ½ cancels the 2 of the derivative.
    public static let halfSumSquared = Loss(name: "halfSumSquared") { output, target in
        let t = try matchedTarget(output.value, target, loss: "halfSumSquared")
        let o = output.value.scalars
        var total = 0.0
        var local = [Double](repeating: 0, count: o.count)
        for i in 0..<o.count {
            let d = o[i] - t[i]
            total += d * d
            local[i] = d
        }
        return node("halfSumSquared", total / 2, output, local)
    }
}
