// Slip: drops the ½, so the schedule starts at twice the base rate.
func cosineRate(step t: Int, base: Double, T: Int, minLR: Double) -> Double {
    if t >= T { return minLR }
    return minLR + (base - minLR) * (1 + cos(Double.pi * Double(t) / Double(T)))
}
