// Slip: the velocity adds the gradient (the ν convention's sign) but is still added to w.
let myMomentum = Optimizer("my momentum", lr: 0.001) { w, g, state in
    state.v = 0.9 * state.v + state.lr * g
    w += state.v
}
