// Slip: ignores the rule and finds the best epoch of the whole run first, which a rule running during training cannot know.
struct EarlyStopping {
    let patience: Int
    private(set) var best = Double.infinity
    private(set) var bestEpoch = 0
    private(set) var epoch = 0

    mutating func shouldStop(after loss: Double) -> Bool {
        epoch += 1
        if loss < best {
            best = loss
            bestEpoch = epoch
            return false
        }
        return epoch - bestEpoch >= patience
    }
}

func earlyStopEpoch(_ validation: [Double], patience: Int) -> Int {
    var bestEpoch = 0
    for (index, loss) in validation.enumerated() where loss < validation[bestEpoch] {
        bestEpoch = index
    }
    return min(bestEpoch + patience + 1, validation.count)
}
