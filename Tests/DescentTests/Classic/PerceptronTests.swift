import Foundation
import Testing
@testable import Descent

@Suite("Perceptron")
struct PerceptronTests {
    /// Three points; the run below is worked out by hand in `firstUpdatesByHand`.
    func handData(labels: [Double]) throws -> Dataset {
        try Dataset(x: Tensor([[2, 1], [-1, -2], [0, 2]]), y: Tensor(labels))
    }

    @Test("first updates match hand computation (labels ±1 and 0/1)")
    func firstUpdatesByHand() throws {
        // Epoch 1, w = (0, 0), b = 0:
        //   (2, 1), +1: a = 0, mistake → w = (2, 1), b = 1
        //   (-1, -2), −1: a = −3, correct
        //   (0, 2), −1: a = 3, mistake → w = (2, −1), b = 0
        // Epoch 2:
        //   (2, 1): a = 3, correct
        //   (-1, -2): a = −2 + 2 + 0 = 0, on the boundary: mistake → w = (3, 1), b = −1
        //   (0, 2): a = 2 − 1 = 1, mistake → w = (3, −1), b = −2
        // Epoch 3: a = 3, −3 (y = −1), −4 (y = −1): no mistakes, converged.
        for labels in [[1.0, -1, -1], [1.0, 0, 0]] {
            var perceptron = Perceptron(features: 2)
            let result = try perceptron.train(on: handData(labels: labels), epochs: 10, seed: 0, shuffle: false)
            #expect(result.mistakesPerEpoch == [2, 2, 0])
            #expect(result.convergedEpoch == 3 && result.converged)
            #expect(result.history == [[2, -1, 0], [3, -1, -2], [3, -1, -2]])
            #expect(result.weights == [3, -1] && result.bias == -2)
            #expect(perceptron.weights == [3, -1] && perceptron.bias == -2)
            #expect(try perceptron.predict(Tensor([[2, 1], [-1, -2], [0, 2]])) == Tensor([[1], [-1], [-1]]))
        }
    }

    @Test("a learning rate scales every update")
    func learningRate() throws {
        var perceptron = Perceptron(features: 2, lr: 0.5)
        let result = try perceptron.train(on: handData(labels: [1, -1, -1]), epochs: 1, seed: 0, shuffle: false)
        // The same two mistakes as with lr = 1, each half as large.
        #expect(result.weights == [1, -0.5] && result.bias == 0 && result.convergedEpoch == nil)
    }

    @Test("converges on separable clusters and classifies them all; same seed, same run")
    func separable() throws {
        var random = RandomSource(seed: 7)
        var rows: [[Double]] = []
        var labels: [Double] = []
        for i in 0..<60 {
            let label: Double = i % 2 == 0 ? 1 : -1
            // +1 in [1, 3] × [0.5, 1.5], −1 in [−3, −1] × [−1.5, −0.5]: the line x = 0 separates them.
            rows.append([label * 2 + random.uniform(-1, 1), label * 1 + random.uniform(-0.5, 0.5)])
            labels.append(label)
        }
        let data = try Dataset(x: Tensor(rows), y: Tensor(labels))
        var first = Perceptron(features: 2)
        let result = try first.train(on: data, epochs: 100, seed: 3)
        let epoch = try #require(result.convergedEpoch)
        #expect(result.mistakesPerEpoch.count == epoch && result.mistakesPerEpoch.last == 0)
        #expect(result.mistakesPerEpoch[0] > 0)
        #expect(try first.accuracy(on: data) == 1)
        var second = Perceptron(features: 2)
        #expect(try second.train(on: data, epochs: 100, seed: 3) == result)
    }

    @Test("never converges on XOR")
    func xor() throws {
        let data = try Dataset(x: Tensor([[0, 0], [0, 1], [1, 0], [1, 1]]), y: Tensor([0, 1, 1, 0]))
        var perceptron = Perceptron(features: 2)
        let result = try perceptron.train(on: data, epochs: 50, seed: 1)
        #expect(result.convergedEpoch == nil && result.mistakesPerEpoch.count == 50)
        #expect(result.mistakesPerEpoch.allSatisfy { $0 > 0 })
        #expect(try perceptron.accuracy(on: data) < 1)
    }

    @Test("bad input throws")
    func errors() throws {
        let data = try handData(labels: [1, -1, -1])
        var three = Perceptron(features: 3)
        #expect(throws: DescentError.shapeMismatch(operation: "Perceptron.train features", lhs: [3], rhs: [3, 2])) {
            try three.train(on: data, epochs: 1)
        }
        var perceptron = Perceptron(features: 2)
        #expect(throws: DescentError.invalidHyperparameter(name: "epochs", value: 0, expected: "at least 1")) {
            try perceptron.train(on: data, epochs: 0)
        }
        #expect(throws: DescentError.self) { try perceptron.train(on: handData(labels: [1, 2, 1]), epochs: 1) }
        #expect(throws: DescentError.self) { try perceptron.train(on: handData(labels: [1, 0, -1]), epochs: 1) }
        var zero = Perceptron(features: 0)
        #expect(throws: DescentError.self) { try zero.train(on: data, epochs: 1) }
        var slow = Perceptron(features: 2, lr: 0)
        #expect(throws: DescentError.self) { try slow.train(on: data, epochs: 1) }
        #expect(throws: DescentError.self) { try perceptron.predict([1, 2, 3]) }
    }
}
