// Slip: trains on the raw pixels while the tests feed standardized ones.
func trainMyClassifier() -> Sequential {
    let myModel = Sequential(seed: 11) {
        Dense(64, 48, init: .he)
        ReLU()
        Dense(48, 10, init: .xavier)
    }
    return fit(myModel, on: train, loss: .crossEntropy, epochs: 15, batchSize: 64, seed: 12) {
        SGD(lr: 0.005, momentum: 0.9)
    }.runs[0].model
}
