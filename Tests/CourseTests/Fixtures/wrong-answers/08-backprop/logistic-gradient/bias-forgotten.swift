// Slip: the probabilities computed without the bias.
func logisticGradient(_ X: Tensor, _ y: Tensor, _ w: Tensor, _ b: Double) -> Tensor {
    let p = matmul(X, w).sigmoid()
    return matmul(p - y, X) / Double(X.shape[0])
}
