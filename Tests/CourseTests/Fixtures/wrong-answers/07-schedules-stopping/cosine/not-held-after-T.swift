// Slip: keeps following the cosine past T, so the rate climbs back up.
func cosineRate(step t: Int, base: Double, T: Int, minLR: Double) -> Double {
    return minLR + 0.5 * (base - minLR) * (1 + cos(Double.pi * Double(t) / Double(T)))
}
