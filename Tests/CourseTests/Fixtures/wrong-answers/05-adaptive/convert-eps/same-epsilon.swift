// Slip: ports ε unchanged, as if the placement did not matter.
func convertEpsilon(_ eps: Double, from: EpsilonPlacement, to: EpsilonPlacement) -> Double {
    return eps
}
