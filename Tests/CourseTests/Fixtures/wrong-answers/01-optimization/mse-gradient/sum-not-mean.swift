// Slip: the gradient of the sum of squares, without the 1/N of the mean.
func mseGradient(_ X: Tensor, _ y: Tensor, _ w: Tensor) -> Tensor {
    let residual = matmul(X, w) - y
    return 2 * matmul(residual, X)
}
