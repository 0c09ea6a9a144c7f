// Slip: corrects m but forgets to correct v.
let myAdam = Optimizer("my Adam", lr: 0.05) { w, g, state in
    let t = Double(state.step)
    state.m = 0.9 * state.m + 0.1 * g
    state.v = 0.999 * state.v + 0.001 * g * g
    let mHat = state.m / (1 - pow(0.9, t))
    w -= state.lr * mHat / (state.v.sqrt() + 1e-8)
}
