// Slip: He's √2, which is the gain for weights of variance 1/h, not for U(±1/√h) (variance 1/(3h)).
func reluGain() -> Double {
    return sqrt(2.0)
}
