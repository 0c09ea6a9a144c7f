// Slip: the squared-error chain rule, with σ'(z) = p(1 - p) and a factor 2, applied to cross-entropy.
func logisticGradient(_ X: Tensor, _ y: Tensor, _ w: Tensor, _ b: Double) -> Tensor {
    let p = (matmul(X, w) + b).sigmoid()
    return matmul(2 * (p - y) * p * (1 - p), X) / Double(X.shape[0])
}
