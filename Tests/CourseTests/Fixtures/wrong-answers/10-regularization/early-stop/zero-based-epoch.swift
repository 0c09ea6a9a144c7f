// Slip: returns the 0-based index of the stopping epoch instead of counting from 1.
func earlyStopEpoch(_ validation: [Double], patience: Int) -> Int {
    var best = Double.infinity
    var bestEpoch = 0
    for (index, loss) in validation.enumerated() {
        if loss < best {
            best = loss
            bestEpoch = index
        } else if index - bestEpoch >= patience {
            return index
        }
    }
    return validation.count
}
