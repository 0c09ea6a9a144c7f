// Slip: √3 restores variance 1/h but forgets that ReLU halves it.
func reluGain() -> Double {
    return sqrt(3.0)
}
