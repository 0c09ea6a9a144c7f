// Slip: takes a and b as the curvatures; those of a x² + b y² are 2a and 2b.
func bestMomentum(a: Double, b: Double) -> [Double] {
    let small = sqrt(a), large = sqrt(b)
    return [4 / ((large + small) * (large + small)), pow((large - small) / (large + small), 2)]
}
