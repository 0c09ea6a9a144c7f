// Slip: the usual μ = 0.9 with Polyak's learning rate.
func bestMomentum(a: Double, b: Double) -> [Double] {
    let small = sqrt(2 * a), large = sqrt(2 * b)
    return [4 / ((large + small) * (large + small)), 0.9]
}
