// Slip: the eigenvalues of [[a, c/2], [c/2, b]], J's coefficients rather than its Hessian (a missing factor 2).
func largestStableRate(a: Double, b: Double, c: Double) -> Double {
    let largest = (a + b) / 2 + (((a - b) / 2) * ((a - b) / 2) + c * c / 4).squareRoot()
    return 2 / largest
}
