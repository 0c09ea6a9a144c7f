// Slip: the edge set by the smallest eigenvalue, the shallow direction.
func largestStableRate(a: Double, b: Double, c: Double) -> Double {
    let smallest = (a + b) - ((a - b) * (a - b) + c * c).squareRoot()
    return 2 / smallest
}
