// Slip: the best rate 2/(λmin + λmax) given where the largest stable one is asked.
func largestStableRate(a: Double, b: Double, c: Double) -> Double {
    return 2 / (2 * (a + b))
}
