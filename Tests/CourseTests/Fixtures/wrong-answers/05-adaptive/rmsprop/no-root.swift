// Slip: divides by the mean square itself, not by its root.
let myRMSProp = Optimizer("my RMSProp", lr: 0.01) { w, g, state in
    state.s = 0.9 * state.s + 0.1 * g * g
    w -= state.lr * g / (state.s + 1e-8)
}
