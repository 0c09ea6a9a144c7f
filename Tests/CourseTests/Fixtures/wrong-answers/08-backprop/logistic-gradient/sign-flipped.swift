// Slip: y - p instead of p - y, the direction of ascent.
func logisticGradient(_ X: Tensor, _ y: Tensor, _ w: Tensor, _ b: Double) -> Tensor {
    let p = (matmul(X, w) + b).sigmoid()
    return matmul(y - p, X) / Double(X.shape[0])
}
