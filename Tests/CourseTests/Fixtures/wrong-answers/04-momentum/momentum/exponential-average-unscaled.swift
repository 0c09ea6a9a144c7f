// Slip: the exponential-average form with the classic form's learning rate (no 1/(1 - μ) rescaling).
let myMomentum = Optimizer("my momentum", lr: 0.001) { w, g, state in
    state.v = 0.9 * state.v + 0.1 * g
    w -= state.lr * state.v
}
