// Slip: moves with the previous velocity, then updates it (one step late).
let myMomentum = Optimizer("my momentum", lr: 0.001) { w, g, state in
    w += state.v
    state.v = 0.9 * state.v - state.lr * g
}
