// Slip: counts epochs from 0, so the rule fires one epoch late and remembers the wrong best epoch.
struct EarlyStopping {
    let patience: Int
    private(set) var best = Double.infinity
    private(set) var bestEpoch = 0
    private(set) var epoch = 0

    mutating func shouldStop(after loss: Double) -> Bool {
        defer { epoch += 1 }
        if loss < best {
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
