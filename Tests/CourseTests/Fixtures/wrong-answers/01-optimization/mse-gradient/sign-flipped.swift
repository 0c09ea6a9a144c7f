// Slip: y - Xw instead of Xw - y, which points uphill.
func mseGradient(_ X: Tensor, _ y: Tensor, _ w: Tensor) -> Tensor {
    let residual = y - matmul(X, w)
    return matmul(residual, X) * (2.0 / Double(X.shape[0]))
}
