// Slip: the `.patience` rule (k rises in a row) instead of "no new best for k epochs".
func earlyStopEpoch(_ validation: [Double], patience: Int) -> Int {
    var rises = 0
    for index in 1..<validation.count {
        rises = validation[index] > validation[index - 1] ? rises + 1 : 0
        if rises >= patience { return index + 1 }
    }
    return validation.count
}
