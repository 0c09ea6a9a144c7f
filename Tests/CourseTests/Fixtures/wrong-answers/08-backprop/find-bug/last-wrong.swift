// Slip: reports the last wrong gradient rather than the first.
func firstWrongGradient(_ candidate: ([Tensor]) -> [Tensor]) -> Int {
    let claimed = candidate(params)
    let reference = numericGradient(params, h: 1e-5)
    var found = -1
    for k in 0..<reference.count {
        let scale = max(reference[k].abs().max(), 1e-8)
        if (claimed[k] - reference[k]).abs().max() / scale > 1e-6 { found = k }
    }
    return found
}
