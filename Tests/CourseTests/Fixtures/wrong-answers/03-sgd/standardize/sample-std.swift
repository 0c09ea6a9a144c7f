// Slip: the sample standard deviation (n - 1) where the population one (n) is asked.
func standardize(_ x: Tensor) -> Tensor {
    let mean = x.mean(axis: 0)
    let centered = x - mean
    let n = Double(x.shape[0])
    let std = ((centered * centered).sum(axis: 0) / (n - 1)).sqrt()
    return centered / std
}
