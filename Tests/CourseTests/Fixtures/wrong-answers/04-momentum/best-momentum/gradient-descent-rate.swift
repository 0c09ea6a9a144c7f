// Slip: keeps gradient descent's best rate 2/(λmin + λmax) and adds Polyak's momentum.
func bestMomentum(a: Double, b: Double) -> [Double] {
    let small = sqrt(2 * a), large = sqrt(2 * b)
    return [2 / (2 * a + 2 * b), pow((large - small) / (large + small), 2)]
}
