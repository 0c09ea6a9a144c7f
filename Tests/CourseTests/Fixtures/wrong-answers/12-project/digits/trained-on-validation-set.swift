// Slip: fits on the validation set, so the visible test measures memory, not generalization.
func trainMyClassifier() -> Sequential {
    let myModel = Sequential(seed: 11) {
        Dense(64, 64, init: .he)
        ReLU()
        Dense(64, 10, init: .xavier)
    }
    return fit(myModel, on: validationSet, loss: .crossEntropy, epochs: 60, batchSize: 32, seed: 12) {
        SGD(lr: 0.05, momentum: 0.9)
    }.runs[0].model
}
