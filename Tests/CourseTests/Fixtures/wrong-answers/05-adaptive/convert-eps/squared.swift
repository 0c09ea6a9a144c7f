// Slip: converts in the wrong direction (squares ε going outside, takes the root going inside).
func convertEpsilon(_ eps: Double, from: EpsilonPlacement, to: EpsilonPlacement) -> Double {
    switch (from, to) {
    case (.inside, .outside): return eps * eps
    case (.outside, .inside): return eps.squareRoot()
    default: return eps
    }
}
