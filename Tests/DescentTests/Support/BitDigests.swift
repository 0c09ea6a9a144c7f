import Foundation
@testable import Descent

/// Bit-exact fingerprints of optimizer trajectories, trainings and tensor kernels.
///
/// Each workload runs on tensors large enough to cross the two-thread threshold
/// and with odd sizes, so vector tails and thread splits are exercised. The
/// digest is FNV-1a over the IEEE bit patterns: any change of a single bit, from
/// a vector path, a thread split or a reordered sum, changes it.
/// `Fixtures/digests.json` holds the digests the scalar one-thread code gave
/// before the SIMD and thread paths existed (scripts in docs/descent.md).
enum BitDigests {
    /// FNV-1a, 64 bits, over the bit patterns of the values.
    struct Hasher {
        private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ value: Double) {
            var bits = value.bitPattern
            for _ in 0..<8 {
                state = (state ^ (bits & 0xff)) &* 0x0000_0100_0000_01b3
                bits >>= 8
            }
        }
        mutating func add(_ tensor: Tensor) { for value in tensor.scalars { add(value) } }
        mutating func add(_ tensors: [Tensor]) { for tensor in tensors { add(tensor) } }
        var hex: String { String(format: "%016llx", state) }
    }

    /// A deterministic tensor of the given shape, values spread over several binades with both signs.
    static func filled(_ shape: [Int], seed: Int) -> Tensor {
        var random = RandomSource(seed: seed)
        let count = shape.reduce(1, *)
        let values = (0..<count).map { _ in random.normal() * 2 }
        return Tensor(unchecked: shape, values)
    }

    /// The optimizers in every variant whose kernel differs.
    static let optimizers: [(String, any Optimizing)] = [
        ("GD", GD(lr: 0.01)),
        ("SGD", SGD(lr: 0.01)),
        ("SGD momentum", SGD(lr: 0.01, momentum: 0.9)),
        ("SGD all", SGD(lr: 0.01, momentum: 0.8, dampening: 0, nesterov: true, weightDecay: 0.01)),
        ("SGD dampening", SGD(lr: 0.01, momentum: 0.8, dampening: 0.3, weightDecay: 0.02)),
        ("SGD.keras", SGD.keras(lr: 0.01, momentum: 0.9, nesterov: true)),
        ("Momentum", Momentum(lr: 0.01, mu: 0.9)),
        ("Momentum average", Momentum(lr: 0.01, mu: 0.9, form: .exponentialAverage)),
        ("Adam", Adam(lr: 0.01)),
        ("Adam amsgrad decay", Adam(lr: 0.01, weightDecay: 0.01, amsgrad: true)),
        ("Adam inside", Adam(lr: 0.01, epsilonPlacement: .inside)),
        ("Adam.keras", Adam.keras(lr: 0.01)),
        ("AdamW", AdamW(lr: 0.01)),
        ("AdamW amsgrad", AdamW(lr: 0.01, amsgrad: true)),
        ("NAdam", NAdam(lr: 0.01)),
        ("NAdam decoupled", NAdam(lr: 0.01, weightDecay: 0.01, decoupledWeightDecay: true)),
        ("RMSProp", RMSProp(lr: 0.01)),
        ("RMSProp centered momentum", RMSProp(lr: 0.01, weightDecay: 0.01, momentum: 0.9, centered: true)),
        ("RMSProp.keras", RMSProp.keras(lr: 0.01, momentum: 0.5)),
        ("AdaGrad", AdaGrad(lr: 0.01, lrDecay: 0.01, weightDecay: 0.01, initialAccumulatorValue: 0.1)),
        ("AdaDelta", AdaDelta(lr: 1, weightDecay: 0.01)),
    ]

    /// Five steps of an optimizer on a 300×257 matrix and a 13-vector, with gradients that change every step.
    static func optimizerDigest(_ optimizer: any Optimizing) throws -> String {
        var optimizer = optimizer
        var parameters = [filled([300, 257], seed: 1), filled([13], seed: 2)]
        var hasher = Hasher()
        for step in 0..<5 {
            let gradients = [filled([300, 257], seed: 10 + step), filled([13], seed: 20 + step)]
            try optimizer.step(&parameters, gradients: gradients)
            hasher.add(parameters)
        }
        return hasher.hex
    }

    /// Twenty training steps of a model, hashing every loss and the final parameters.
    static func trainingDigest(_ model: Sequential, _ data: Dataset, loss: Loss,
                               optimizer: any Optimizing, batch: Int) throws -> String {
        var optimizer = optimizer
        var parameters = model.parameters
        var context = ForwardContext(training: true)
        let batches = try data.batches(size: batch, seed: 0)
        var hasher = Hasher()
        for step in 0..<20 {
            let (x, y) = try data.batch(batches[step % batches.count])
            let variables = parameters.map { Variable($0, requiresGrad: true) }
            let value = try loss(try model.forward(Variable(x), parameters: variables[...], context: &context), y)
            try value.backward()
            hasher.add(value.value)
            try optimizer.step(&parameters, gradients: variables.map { $0.grad ?? $0.value.zerosLike })
        }
        hasher.add(parameters)
        return hasher.hex
    }

    static func moons() throws -> String {
        let model = Sequential(seed: 0) {
            Dense(2, 64, init: .he); ReLU(); Dense(64, 64, init: .he); Tanh(); Dense(64, 1, init: .xavier)
        }
        return try trainingDigest(model, try Moons(count: 1_000, noise: 0.2, seed: 1), loss: .bceWithLogits,
                                  optimizer: Adam(lr: 1e-3), batch: 32)
    }

    static func digits() throws -> String {
        let model = Sequential(seed: 0) { Dense(64, 128, init: .he); ReLU(); Dense(128, 10, init: .xavier) }
        var data = try Digits()
        data.x = data.x / 16
        return try trainingDigest(model, data, loss: .crossEntropy,
                                  optimizer: SGD(lr: 0.05, momentum: 0.9), batch: 64)
    }

    /// Tensor kernels on odd sizes: products, element-wise arithmetic and functions.
    static func tensorDigests() throws -> [String: String] {
        let a = filled([67, 45], seed: 3), b = filled([45, 53], seed: 4)
        let big = filled([211, 331], seed: 5), other = filled([211, 331], seed: 6)
        let row = filled([331], seed: 7)
        var results: [String: String] = [:]
        func record(_ name: String, _ tensor: Tensor) {
            var hasher = Hasher()
            hasher.add(tensor)
            results[name] = hasher.hex
        }
        record("matmul", try a.matmul(b))
        record("matmul large", try big.transposed.matmul(other))
        record("add", try big + other)
        record("subtract", try big - other)
        record("multiply", try big * other)
        record("divide", try big / other)
        record("broadcast add", try big + row)
        record("scalar ops", (big * 0.3 + 1.5) / 7 - 0.25)
        record("relu", big.relu())
        record("sigmoid", big.sigmoid())
        record("tanh", big.tanh())
        record("exp", big.exp())
        record("sqrt", big.abs().sqrt())
        return results
    }

    /// Every digest by name.
    static func all() throws -> [String: String] {
        var results = try tensorDigests()
        for (name, optimizer) in optimizers { results["optimizer " + name] = try optimizerDigest(optimizer) }
        results["training moons"] = try moons()
        results["training digits"] = try digits()
        return results
    }
}
