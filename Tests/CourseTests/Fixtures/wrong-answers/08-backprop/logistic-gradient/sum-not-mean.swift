// Slip: the sum over examples, without the 1/N of the mean loss.
func logisticGradient(_ X: Tensor, _ y: Tensor, _ w: Tensor, _ b: Double) -> Tensor {
    let p = (matmul(X, w) + b).sigmoid()
    return matmul(p - y, X)
}
