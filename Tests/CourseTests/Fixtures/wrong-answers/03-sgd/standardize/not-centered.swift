// Slip: divides by the standard deviation but never subtracts the mean.
func standardize(_ x: Tensor) -> Tensor {
    let centered = x - x.mean(axis: 0)
    let std = (centered * centered).mean(axis: 0).sqrt()
    return x / std
}
