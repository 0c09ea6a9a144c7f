// Slip: demands agreement to 1e-12, below what central differences can deliver.
func firstWrongGradient(_ candidate: ([Tensor]) -> [Tensor]) -> Int {
    let claimed = candidate(params)
    let reference = numericGradient(params, h: 1e-5)
    for k in 0..<reference.count {
        if (claimed[k] - reference[k]).abs().max() > 1e-12 { return k }
    }
    return -1
}
