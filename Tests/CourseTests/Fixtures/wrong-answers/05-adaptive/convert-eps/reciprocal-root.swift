// Slip: 1/√ε, the factor's reciprocal rather than the scale at which ε bites.
func outsideEpsilon(matchingInside inside: Double) -> Double {
    return 1 / sqrt(inside)
}
