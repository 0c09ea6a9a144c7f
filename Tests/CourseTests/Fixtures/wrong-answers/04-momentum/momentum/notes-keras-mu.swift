// Slip: the note's keras call, momentum=0.01, where the text asks for 0.9.
let myMomentum = Optimizer("my momentum", lr: 0.001) { w, g, state in
    state.v = 0.01 * state.v - state.lr * g
    w += state.v
}
