// Slip: anneals from base to 0 and ignores minLR.
func cosineRate(step t: Int, base: Double, T: Int, minLR: Double) -> Double {
    if t >= T { return 0 }
    return 0.5 * base * (1 + cos(Double.pi * Double(t) / Double(T)))
}
