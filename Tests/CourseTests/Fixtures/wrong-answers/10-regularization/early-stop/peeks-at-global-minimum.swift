// Slip: finds the best epoch of the whole run first, which a rule running during training cannot know.
func earlyStopEpoch(_ validation: [Double], patience: Int) -> Int {
    var bestEpoch = 0
    for (index, loss) in validation.enumerated() where loss < validation[bestEpoch] {
        bestEpoch = index
    }
    return min(bestEpoch + patience + 1, validation.count)
}
