// Slip: the derivative of r² taken as r, without the factor 2.
func mseGradient(_ X: Tensor, _ y: Tensor, _ w: Tensor) -> Tensor {
    let residual = matmul(X, w) - y
    return matmul(residual, X) / Double(X.shape[0])
}
