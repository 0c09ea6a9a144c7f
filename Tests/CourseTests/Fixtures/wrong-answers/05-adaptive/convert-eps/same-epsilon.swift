// Slip: ports ε unchanged, as if the placement did not matter.
func outsideEpsilon(matchingInside inside: Double) -> Double {
    return inside
}
