// Slip: no gain at all, the rule as it is.
func reluGain() -> Double {
    return 1.0
}
