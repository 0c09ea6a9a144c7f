// Slip: μ = (√κ - 1)/(√κ + 1), the rate, where μ is its square.
func bestMomentum(a: Double, b: Double) -> [Double] {
    let small = sqrt(2 * a), large = sqrt(2 * b)
    return [4 / ((large + small) * (large + small)), (large - small) / (large + small)]
}
