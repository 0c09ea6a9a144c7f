// Slip: 1/√ε, the factor's reciprocal rather than the scale at which ε bites.
func convertEpsilon(_ eps: Double, from: EpsilonPlacement, to: EpsilonPlacement) -> Double {
    switch (from, to) {
    case (.inside, .outside): return 1 / eps.squareRoot()
    case (.outside, .inside): return 1 / (eps * eps)
    default: return eps
    }
}
