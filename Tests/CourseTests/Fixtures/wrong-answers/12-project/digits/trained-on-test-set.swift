// Slip: fits on the test set, the data that must play no part in any decision.
func trainMyClassifier() -> Sequential {
    let myModel = Sequential(seed: 11) {
        Dense(64, 64, init: .he)
        ReLU()
        Dense(64, 10, init: .xavier)
    }
    return fit(myModel, on: testSet, loss: .crossEntropy, epochs: 30, batchSize: 64, seed: 12) {
        SGD(lr: 0.05, momentum: 0.9)
    }.runs[0].model
}
