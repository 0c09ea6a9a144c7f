// Slip: assumes b is the steep coefficient, as in the lesson's bowl.
func largestStableRate(a: Double, b: Double, c: Double) -> Double {
    let largest = (a + b) + ((a - b) * (a - b) + c * c).squareRoot()
    return b >= a ? 2 / largest : 1 / b
}
