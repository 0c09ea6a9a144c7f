// Slip: converts in the wrong direction (squares ε instead of taking its root).
func outsideEpsilon(matchingInside inside: Double) -> Double {
    return inside * inside
}
