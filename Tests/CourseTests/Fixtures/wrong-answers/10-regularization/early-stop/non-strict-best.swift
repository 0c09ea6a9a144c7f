// Slip: `<=`, so an equal loss counts as a new best and a flat run never stops.
struct EarlyStopping {
    let patience: Int
    private(set) var best = Double.infinity
    private(set) var bestEpoch = 0
    private(set) var epoch = 0

    mutating func shouldStop(after loss: Double) -> Bool {
        epoch += 1
        if loss <= best {
            best = loss
            bestEpoch = epoch
            return false
        }
        return epoch - bestEpoch >= patience
    }
}

func earlyStopEpoch(_ validation: [Double], patience: Int) -> Int {
    var rule = EarlyStopping(patience: patience)
    for (index, loss) in validation.enumerated() where rule.shouldStop(after: loss) {
        return index + 1
    }
    return validation.count
}
