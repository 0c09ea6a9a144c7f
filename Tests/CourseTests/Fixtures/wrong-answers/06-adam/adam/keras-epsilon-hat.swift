// Slip: Keras's ε̂ form, the correction folded into the rate and ε added to the uncorrected √v.
let myAdam = Optimizer("my Adam", lr: 0.05) { w, g, state in
    let t = Double(state.step)
    state.m = 0.9 * state.m + 0.1 * g
    state.v = 0.999 * state.v + 0.001 * g * g
    let rate = state.lr * sqrt(1 - pow(0.999, t)) / (1 - pow(0.9, t))
    w -= rate * state.m / (state.v.sqrt() + 1e-8)
}
