// Slip: the average without its (1 - ρ) weight, a decayed sum instead of a mean.
let myRMSProp = Optimizer("my RMSProp", lr: 0.01) { w, g, state in
    state.s = 0.9 * state.s + g * g
    w -= state.lr * g / (state.s.sqrt() + 1e-8)
}
