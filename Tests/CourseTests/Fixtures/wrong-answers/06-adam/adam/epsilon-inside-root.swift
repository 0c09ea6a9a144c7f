// Slip: ε under the root, √(v̂ + ε), where PyTorch adds it to √v̂.
let myAdam = Optimizer("my Adam", lr: 0.05) { w, g, state in
    let t = Double(state.step)
    state.m = 0.9 * state.m + 0.1 * g
    state.v = 0.999 * state.v + 0.001 * g * g
    let mHat = state.m / (1 - pow(0.9, t))
    let vHat = state.v / (1 - pow(0.999, t))
    w -= state.lr * mHat / (vHat + 1e-8).sqrt()
}
