// Slip: one-sided differences, whose O(h) error flags a correct gradient at a strict tolerance.
func firstWrongGradient(_ candidate: ([Tensor]) -> [Tensor]) -> Int {
    let claimed = candidate(params)
    let base = loss(params)
    for k in 0..<params.count {
        var scalars = params[k].scalars
        for i in 0..<scalars.count {
            var shifted = params
            scalars[i] += 1e-5
            shifted[k] = Tensor(shape: params[k].shape, scalars: scalars)
            scalars[i] -= 1e-5
            let numeric = (loss(shifted) - base) / 1e-5
            if abs(claimed[k].scalars[i] - numeric) > 1e-6 * max(abs(numeric), 1e-8) { return k }
        }
    }
    return -1
}
