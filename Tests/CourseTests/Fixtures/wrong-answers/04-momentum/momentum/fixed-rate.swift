// Slip: a hard-coded rate of 0.01 (the docs' example) instead of the optimizer's state.lr.
let myMomentum = Optimizer("my momentum", lr: 0.001) { w, g, state in
    state.v = 0.9 * state.v - 0.01 * g
    w += state.v
}
