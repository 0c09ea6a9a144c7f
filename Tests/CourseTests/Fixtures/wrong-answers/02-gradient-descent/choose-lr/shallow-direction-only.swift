// Slip: 2/λmin, the best rate for the shallow direction alone.
func chosenLearningRate() -> Double {
    return 1.0 / 2.0
}
