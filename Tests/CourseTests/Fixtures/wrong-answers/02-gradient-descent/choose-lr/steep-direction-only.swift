// Slip: 1/λmax, safe for the steep direction and slow for the shallow one.
func chosenLearningRate() -> Double {
    return 1.0 / 50.0
}
