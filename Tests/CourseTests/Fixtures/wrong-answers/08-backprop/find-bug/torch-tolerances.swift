// Slip: torch.autograd.gradcheck's defaults (atol 1e-5, rtol 1e-3), which let a 0.05% error through.
func firstWrongGradient(_ candidate: ([Tensor]) -> [Tensor]) -> Int {
    let claimed = candidate(params)
    let reference = numericGradient(params, h: 1e-6)
    for k in 0..<reference.count {
        if ((claimed[k] - reference[k]).abs() - (1e-5 + 1e-3 * reference[k].abs())).max() > 0 { return k }
    }
    return -1
}
