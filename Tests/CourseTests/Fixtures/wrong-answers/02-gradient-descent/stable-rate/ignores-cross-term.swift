// Slip: ignores the cross term and reads the edge off the diagonal, 1/max(a, b).
func largestStableRate(a: Double, b: Double, c: Double) -> Double {
    return 1 / max(a, b)
}
