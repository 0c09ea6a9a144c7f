// Slip: counts steps from 1, so the first rate is already below base.
func cosineRate(step t: Int, base: Double, T: Int, minLR: Double) -> Double {
    if t + 1 >= T { return minLR }
    return minLR + 0.5 * (base - minLR) * (1 + cos(Double.pi * Double(t + 1) / Double(T)))
}
