// Slip: the raw moments, without dividing by 1 - βᵗ.
let myAdam = Optimizer("my Adam", lr: 0.05) { w, g, state in
    state.m = 0.9 * state.m + 0.1 * g
    state.v = 0.999 * state.v + 0.001 * g * g
    w -= state.lr * state.m / (state.v.sqrt() + 1e-8)
}
