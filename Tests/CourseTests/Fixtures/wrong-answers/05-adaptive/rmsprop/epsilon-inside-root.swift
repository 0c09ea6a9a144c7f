// Slip: ε under the root (Keras's and the notes' placement) where PyTorch puts it outside.
let myRMSProp = Optimizer("my RMSProp", lr: 0.01) { w, g, state in
    state.s = 0.9 * state.s + 0.1 * g * g
    w -= state.lr * g / (state.s + 1e-8).sqrt()
}
