// Slip: a gain of 2, doubling the standard deviation where the variance needs six times.
func reluGain() -> Double {
    return 2.0
}
