// Slip: scales by the root mean square of the raw column instead of its standard deviation.
func standardize(_ x: Tensor) -> Tensor {
    let mean = x.mean(axis: 0)
    return (x - mean) / (x * x).mean(axis: 0).sqrt()
}
