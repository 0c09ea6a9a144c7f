// Slip: the edge of divergence, 2/λmax, where the steep direction never shrinks.
func chosenLearningRate() -> Double {
    return 2.0 / 50.0
}
