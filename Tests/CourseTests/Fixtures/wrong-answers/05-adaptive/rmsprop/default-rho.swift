// Slip: PyTorch's default ρ = 0.99 instead of the 0.9 the exercise asks for.
let myRMSProp = Optimizer("my RMSProp", lr: 0.01) { w, g, state in
    state.s = 0.99 * state.s + 0.01 * g * g
    w -= state.lr * g / (state.s.sqrt() + 1e-8)
}
