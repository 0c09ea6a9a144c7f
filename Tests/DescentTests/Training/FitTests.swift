import Testing
@testable import Descent

@Suite("fit")
struct FitTests {
    @Test func oneFullBatchStepMatchesHandComputedGradientDescent() throws {
        // A linear model y = x·W + b with MSE: ∇W = 2/n · Xᵀ(ŷ − y), ∇b = 2/n · Σ(ŷ − y).
        let data = try Dataset(x: Tensor([[1, 2], [3, -1], [0.5, 0.5]]), y: Tensor([[1], [0], [2]]))
        let model = Sequential(seed: 5) { Dense(2, 1, init: .xavier) }
        let lr = 0.1
        let result = try fit(model, on: data, loss: .mse, epochs: 1) { GD(lr: lr) }
        let trained = try #require(result.runs.first?.trainedModel)
        let w = model.parameters[0].scalars, b = model.parameters[1].scalars[0]
        let rows: [[Double]] = [[1, 2], [3, -1], [0.5, 0.5]], ys = [1.0, 0, 2]
        var gw = [0.0, 0.0], gb = 0.0
        for (row, y) in zip(rows, ys) {
            let residual = row[0] * w[0] + row[1] * w[1] + b - y
            gw[0] += 2 / 3 * residual * row[0]
            gw[1] += 2 / 3 * residual * row[1]
            gb += 2 / 3 * residual
        }
        #expect(abs(trained.parameters[0].scalars[0] - (w[0] - lr * gw[0])) < 1e-14)
        #expect(abs(trained.parameters[0].scalars[1] - (w[1] - lr * gw[1])) < 1e-14)
        #expect(abs(trained.parameters[1].scalars[0] - (b - lr * gb)) < 1e-14)
        #expect(result.runs[0].stepLoss.count == 1)
    }

    func moons() throws -> (Dataset, Dataset, Sequential) {
        let data = try Moons(count: 400, noise: 0.2, seed: 1).standardized()
        let (train, test) = try data.split(0.8, seed: 2)
        let model = Sequential(seed: 3) {
            Dense(2, 16, init: .he)
            ReLU()
            Dense(16, 1, init: .xavier)
        }
        return (train, test, model)
    }

    @Test func trainsAClassifierAndRecordsEveryNumber() throws {
        let (train, test, model) = try moons()
        let result = try fit(model, on: train, validation: test, loss: .bceWithLogits, epochs: 15, batchSize: 32, seed: 4) {
            SGD(lr: 0.1, momentum: 0.9)
            Adam(lr: 0.01)
        }
        for run in result.runs {
            #expect(run.loss.count == 15)
            #expect(run.validationLoss.count == 15)
            #expect(run.accuracy.count == 15)
            #expect(run.stepLoss.count == 15 * 10)  // 320 examples in batches of 32
            #expect(run.loss.last ?? 1 < run.loss.first ?? 0)
            #expect(run.validationAccuracy.last ?? 0 >= 0.8)
            #expect(run.stopReason == .completed)
        }
        // Same initial weights and the same first batch: the first losses agree.
        #expect(result.runs[0].stepLoss[0] == result.runs[1].stepLoss[0])
        // The input model is untouched (a value).
        #expect(model.parameters == (try moons().2).parameters)
    }

    @Test func sameSeedSameBitsWhateverTheThreads() throws {
        let (train, test, model) = try moons()
        func run(parallel: Bool, seed: Int) throws -> [[UInt64]] {
            var limits = ExecutionLimits()
            limits.allowsParallelRuns = parallel
            return try limits.run {
                try fit(model, on: train, validation: test, loss: .bceWithLogits, epochs: 3, batchSize: 16, seed: seed) {
                    RMSProp(lr: 0.01)
                    Adam(lr: 0.01)
                }.runs.map { $0.stepLoss.map(\.bitPattern) + $0.validationLoss.map(\.bitPattern) }
            }
        }
        let first = try run(parallel: true, seed: 4)
        #expect(first == (try run(parallel: false, seed: 4)))
        #expect(first != (try run(parallel: true, seed: 5)))
    }

    @Test func earlyStoppingOnValidationLoss() throws {
        let (train, test, model) = try moons()
        let result = try fit(model, on: train, validation: test, loss: .bceWithLogits, epochs: 200, batchSize: 8, seed: 1,
                             stop: [.patience(2)]) { Adam(lr: 0.05) }
        let run = try #require(result.runs.first)
        #expect(run.stopReason.isCriterion)
        #expect(run.loss.count < 200)
        // It stopped after two rises in a row.
        let v = run.validationLoss
        #expect(v.count >= 3 && v[v.count - 1] > v[v.count - 2] && v[v.count - 2] > v[v.count - 3])
    }

    @Test func badInputThrows() throws {
        let (train, _, model) = try moons()
        #expect(throws: DescentError.self) { try fit(model, on: train, loss: .mse, epochs: 1, batchSize: 0) { GD() } }
        #expect(throws: DescentError.self) { try fit(model, on: train, loss: .mse, epochs: -1) { GD() } }
        let empty = try Dataset(x: Tensor(shape: [0, 2], scalars: []), y: Tensor(shape: [0, 1], scalars: []))
        let error = #expect(throws: DescentError.self) { try fit(model, on: empty, loss: .mse, epochs: 1) { GD() } }
        #expect(error == .emptyDataset(operation: "fit"))
        // A shape mismatch between model and data names both shapes.
        let wide = try Dataset(x: Tensor([[1, 2, 3]]), y: Tensor([[1]]))
        #expect(throws: DescentError.self) { try fit(model, on: wide, loss: .mse, epochs: 1) { GD() } }
    }

    @Test func divergenceIsRecorded() throws {
        let data = try LinearData(count: 50, features: 2, noise: 0.1, seed: 0)
        let model = Sequential(seed: 0) { Dense(2, 1) }
        let run = try #require(try fit(model, on: data, loss: .mse, epochs: 500, batchSize: 50) { GD(lr: 50) }.runs.first)
        let epoch = try #require(run.divergedAt)
        #expect(epoch < 500)
        #expect(run.stopReason == .diverged(step: epoch))
    }
}

@Suite("fit with relative criteria")
struct FitRelativeStoppingTests {
    @Test func relativeLossIsMeasuredAgainstTheUntrainedModel() throws {
        let data = try Moons(count: 200, noise: 0.1, seed: 1).standardized()
        let model = Sequential(seed: 2) {
            Dense(2, 8, init: .he)
            Tanh()
            Dense(8, 1)
        }
        let initial = try Loss.bceWithLogits(try model.predict(data.x), data.y)
        let run = try #require(try fit(model, on: data, loss: .bceWithLogits, epochs: 100, batchSize: 20, seed: 3,
                                       stop: [.relativeLoss(0.5)]) { Adam(lr: 0.01) }.runs.first)
        #expect(run.stopReason.isCriterion)
        let last = try #require(run.loss.last)
        #expect(last <= 0.5 * initial)
        // The epoch before did not yet meet it.
        #expect(run.loss.dropLast().allSatisfy { $0 > 0.5 * initial })
    }
}
