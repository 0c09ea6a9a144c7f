// Slip: returns the model it built, not the run's trained copy (fit trains a copy).
func trainMyClassifier() -> Sequential {
    let myModel = Sequential(seed: 11) {
        Dense(64, 64, init: .he)
        ReLU()
        Dense(64, 10, init: .xavier)
    }
    let myRun = fit(myModel, on: trainSet, validation: validationSet, loss: .crossEntropy,
                    epochs: 30, batchSize: 64, seed: 12) { SGD(lr: 0.05, momentum: 0.9) }
    return myModel
}
