// Slip: the `.patience` rule (k rises in a row) instead of "no new best for k epochs".
struct EarlyStopping {
    let patience: Int
    private(set) var best = Double.infinity
    private(set) var bestEpoch = 0
    private(set) var epoch = 0
    private var previous = Double.infinity
    private var rises = 0

    mutating func shouldStop(after loss: Double) -> Bool {
        epoch += 1
        rises = loss > previous ? rises + 1 : 0
        previous = loss
        if loss < best {
            best = loss
            bestEpoch = epoch
        }
        return rises >= patience
    }
}

func earlyStopEpoch(_ validation: [Double], patience: Int) -> Int {
    var rule = EarlyStopping(patience: patience)
    for (index, loss) in validation.enumerated() where rule.shouldStop(after: loss) {
        return index + 1
    }
    return validation.count
}
