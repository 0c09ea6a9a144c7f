// Slip: always takes the root, whichever way the recipe is ported.
func convertEpsilon(_ eps: Double, from: EpsilonPlacement, to: EpsilonPlacement) -> Double {
    return from == to ? eps : eps.squareRoot()
}
