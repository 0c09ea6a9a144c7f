// Slip: steps with last step's average and updates it afterwards (the order one note uses).
let myRMSProp = Optimizer("my RMSProp", lr: 0.01) { w, g, state in
    w -= state.lr * g / (state.s.sqrt() + 1e-8)
    state.s = 0.9 * state.s + 0.1 * g * g
}
