// Slip: the variance ratio 6 used as the gain, which multiplies the standard deviation.
func reluGain() -> Double {
    return 6.0
}
