// Slip: `>` patience, one epoch more than the rule allows.
func earlyStopEpoch(_ validation: [Double], patience: Int) -> Int {
    var best = Double.infinity
    var bestEpoch = 0
    for (index, loss) in validation.enumerated() {
        if loss < best {
            best = loss
            bestEpoch = index
        } else if index - bestEpoch > patience {
            return index + 1
        }
    }
    return validation.count
}
