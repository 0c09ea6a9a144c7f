import CKernels
import Foundation
import Testing
@testable import Descent

/// Each vector kernel on every path this machine runs, on one and two threads, gives the
/// scalar one-thread bits, including for NaN, infinities, signed zeros and subnormals.
@Suite("Vector paths and threads")
struct KernelPathTests {
    static let reference = ComputeSettings(path: .scalar, threads: 1, elementThreshold: .max, productThreshold: .max)

    /// Every supported path on 1 and 2 threads, split even for small inputs.
    static let variants: [ComputeSettings] = VectorPath.supported.flatMap { path in
        [1, 2].map { ComputeSettings(path: path, threads: $0, elementThreshold: 16, productThreshold: 16) }
    }

    /// Values with every awkward case among ordinary ones; `count` is odd so vector tails run.
    static func values(_ count: Int, seed: Int) -> [Double] {
        var random = RandomSource(seed: seed)
        let special: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, -1e-310, 1e308, -1e308]
        return (0..<count).map { i in i % 13 == 5 ? special[(i / 13) % special.count] : random.normal() * 3 }
    }

    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    /// Runs `body` with the reference settings and with each variant, requiring equal bits.
    static func expectSameBits(_ label: String, sourceLocation: SourceLocation = #_sourceLocation,
                               _ body: () throws -> [Double]) rethrows {
        let expected = bits(try ComputeSettings.$current.withValue(reference) { try body() })
        for settings in variants {
            let actual = bits(try ComputeSettings.$current.withValue(settings) { try body() })
            #expect(actual == expected, "\(label) differs on \(settings.path), \(settings.threads) threads",
                    sourceLocation: sourceLocation)
        }
    }

    @Test("the scalar and baseline paths always run; the best path is supported")
    func supportedPaths() {
        #expect(VectorPath.scalar.isSupported && VectorPath.baseline.isSupported)
        #expect(VectorPath.best.isSupported)
        #expect(VectorPath.supported.last == VectorPath.best)
        #expect(ck_path_supported(99) == 0, "an unknown path is not supported")
    }

    @Test("matrix products of every small shape, plain and transposed")
    func products() {
        for m in [1, 3, 4, 5, 6, 9, 10, 17] {
            for n in [1, 2, 3, 4, 7, 8, 9, 16, 19] {
                for k in [0, 1, 3, 6] {
                    let a = Self.values(m * k, seed: m), b = Self.values(k * n, seed: n)
                    let start = Self.values(m * n, seed: k + 100)
                    Self.expectSameBits("A·B \(m)×\(k)·\(k)×\(n)") {
                        var c = start
                        Kernels.multiplyAdd(a, b, into: &c, m: m, k: k, n: n)
                        return c
                    }
                    Self.expectSameBits("Aᵀ·B \(m)×\(k)·\(k)×\(n)") {
                        var c = start
                        Kernels.multiplyAddTransposedLeft(a, b, into: &c, m: m, k: k, n: n)
                        return c
                    }
                }
            }
        }
    }

    @Test("a product accumulates each element from 0 in order of k, then adds it to C")
    func productOrder() {
        // 1e16 + 1 - 1e16 is 0 summed left to right but 1 in other orders: the order shows in the bits.
        let a: [Double] = [1, 1, 1], b: [Double] = [1e16, 1, -1e16]
        for settings in [Self.reference] + Self.variants {
            var c: [Double] = [0.5]
            ComputeSettings.$current.withValue(settings) { Kernels.multiplyAdd(a, b, into: &c, m: 1, k: 3, n: 1) }
            #expect(c == [0.5], "\(settings.path)")
        }
    }

    @Test("element-wise arithmetic, scalar operands on either side, ReLU and its pullback")
    func elementwise() {
        for count in [0, 1, 7, 8, 33, 1001] {
            let a = Self.values(count, seed: 1), b = Self.values(count, seed: 2)
            for op in [Kernels.Operation.add, .subtract, .multiply, .divide] {
                Self.expectSameBits("\(op) \(count)") { Kernels.binary(op, a, b) }
                Self.expectSameBits("\(op) scalar \(count)") { Kernels.binary(op, a, scalar: -0.3) }
                Self.expectSameBits("scalar \(op) \(count)") { Kernels.binary(op, a, scalar: 7, scalarFirst: true) }
            }
            Self.expectSameBits("relu \(count)") { Kernels.relu(a) }
            Self.expectSameBits("relu backward \(count)") { Kernels.reluBackward(b, a) }
        }
    }

    @Test("ReLU maps NaN and −0 to +0, as the Swift rule x > 0 ? x : 0")
    func reluEdges() {
        for settings in [Self.reference] + Self.variants {
            let out = ComputeSettings.$current.withValue(settings) { Kernels.relu([.nan, -0.0, 2, -3, .infinity]) }
            #expect(Self.bits(out) == Self.bits([0, 0, 2, 0, .infinity]), "\(settings.path)")
        }
    }

    /// Three steps of an optimizer on awkward values; the parameters after each step, concatenated.
    static func trajectory(_ optimizer: any Optimizing) throws -> [Double] {
        var optimizer = optimizer
        var parameters = [Tensor(values(1001, seed: 5)), Tensor(values(3, seed: 6))]
        var result: [Double] = []
        for step in 0..<3 {
            try optimizer.step(&parameters, gradients: [Tensor(values(1001, seed: 10 + step)), Tensor(values(3, seed: 20 + step))])
            result += parameters.flatMap(\.scalars)
        }
        return result
    }

    @Test("every optimizer variant", arguments: BitDigests.optimizers.map(\.0))
    func optimizers(_ name: String) throws {
        let optimizer = try #require(BitDigests.optimizers.first { $0.0 == name }?.1)
        try Self.expectSameBits(name) { try Self.trajectory(optimizer) }
    }

    @Test("every Adam variant: decay modes, amsgrad and the three epsilon placements")
    func adamVariants() throws {
        for placement in EpsilonPlacement.allCases {
            for amsgrad in [false, true] {
                for (decay, decoupled) in [(0.0, false), (0.01, false), (0.01, true)] {
                    let adam = Adam(lr: 0.01, weightDecay: decay, amsgrad: amsgrad,
                                    decoupledWeightDecay: decoupled, epsilonPlacement: placement)
                    try Self.expectSameBits("Adam \(placement) amsgrad \(amsgrad) decay \(decay) \(decoupled)") {
                        try Self.trajectory(adam)
                    }
                }
            }
        }
    }
}
