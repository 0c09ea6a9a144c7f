// Slip: stores the corrected moments back (the note's form), so the correction compounds.
let myAdam = Optimizer("my Adam", lr: 0.05) { w, g, state in
    let t = Double(state.step)
    state.m = (0.9 * state.m + 0.1 * g) / (1 - pow(0.9, t))
    state.v = (0.999 * state.v + 0.001 * g * g) / (1 - pow(0.999, t))
    w -= state.lr * state.m / (state.v.sqrt() + 1e-8)
}
