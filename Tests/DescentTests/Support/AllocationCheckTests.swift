import Testing
@testable import Descent

/// Sizes a caller controls become errors before allocation: overflowing shape products
/// always, sizes past the cap under limits; the valid cases still allocate what they say.
@Suite("Allocation checks before allocating")
struct AllocationCheckTests {
    /// 1 GiB, the interpreter's default per-tensor cap.
    let limits = ExecutionLimits(maxTensorBytes: 1 << 30)
    let huge = [4_294_967_296, 4_294_967_296]

    @Test func overflowingShapesAreShapeErrorsEvenWithoutLimits() {
        // 2^32 · 2^32 = 2^64 does not fit in Int; the wrapped product would be 0.
        #expect(huge.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue } == 0)
        let expected = DescentError.invalidShape(
            operation: "Tensor", shape: huge,
            expected: "at most \(Int.max) elements in all (the product of these extents overflows Int)")
        #expect(throws: expected) { try Tensor.zeros(huge) }
        #expect(throws: expected) { try Tensor(shape: huge, scalars: []) }
        #expect(throws: DescentError.self) { try Tensor.zeros([4]).reshaped(huge) }
        #expect(throws: DescentError.self) { try Tensor.zeros([0]).reshaped([Int.max, 2, 0]) }
    }

    @Test func sizesPastTheCapAreMemoryErrors() {
        limits.run {
            // 10^10 doubles = 8·10^10 bytes.
            #expect(throws: LimitExceeded.memory(bytes: 80_000_000_000, limit: 1 << 30)) {
                try Tensor(repeating: 1, shape: [100_000, 100_000])
            }
            #expect(throws: LimitExceeded.memory(bytes: 80_000_000_000, limit: 1 << 30)) {
                try Tensor.zeros([100_000, 1]).matmul(Tensor.zeros([1, 100_000]))
            }
            #expect(throws: LimitExceeded.memory(bytes: 80_000_000_000, limit: 1 << 30)) {
                try Tensor.zeros([100_000, 1]) + Tensor.zeros([100_000])
            }
            var random = RandomSource(seed: 0)
            #expect(throws: LimitExceeded.memory(bytes: 80_000_000_000, limit: 1 << 30)) {
                try Initializer.uniform.weights(fanIn: 100_000, fanOut: 100_000, using: &random)
            }
        }
        // A million repeated row indices of a 4-column matrix, checked before the rows are reserved.
        ExecutionLimits(maxTensorBytes: 1 << 20).run {
            #expect(throws: LimitExceeded.memory(bytes: 32_000_000, limit: 1 << 20)) {
                try Tensor.zeros([150, 4]).rows([Int](repeating: 0, count: 1_000_000))
            }
            #expect((try? Tensor.zeros([150, 4]).rows([0, 0, 149]).shape) == [3, 4])
        }
    }

    @Test func generatorsAndDatasetsRefuseHugeCountsUpFront() {
        limits.run {
            #expect(throws: LimitExceeded.self) { try Moons(count: 1_000_000_000) }
            #expect(throws: LimitExceeded.self) { try LinearData(count: 100_000_000, features: 100) }
            #expect(throws: LimitExceeded.self) { try Spirals(count: 1_000_000_000, classes: 3) }
            #expect(throws: DescentError.self) { try Blobs(count: 10, centers: 2, features: Int.max) }
            #expect(throws: LimitExceeded.self) { try LinearData(count: 10, features: 1_000_000_000) }
        }
    }

    @Test func validSizesStillAllocateWhatTheyAsk() throws {
        try limits.run {
            let t = try Tensor.zeros([300, 400])
            #expect(t.count == 120_000)
            #expect(try t.reshaped([400, 300]).shape == [400, 300])
            #expect(try ExecutionLimits.elementCount(of: [2, 3], operation: "test") == 6)
            #expect(try ExecutionLimits.elementCount(of: [], operation: "test") == 1)
            #expect(try ExecutionLimits.elementCount(of: [0, Int.max], operation: "test") == 0)
            // Exactly at the cap is allowed, one element more is not.
            try ExecutionLimits.checkAllocation(count: (1 << 30) / 8, bytesPerElement: 8)
            #expect(throws: LimitExceeded.self) { try ExecutionLimits.checkAllocation(count: (1 << 30) / 8 + 1, bytesPerElement: 8) }
            #expect(try Moons(count: 10).count == 10)
        }
        // With no limits, only an overflowing byte count is refused.
        try ExecutionLimits.checkAllocation(count: 1 << 40, bytesPerElement: 8)
        #expect(throws: LimitExceeded.memory(bytes: Int.max, limit: Int.max)) {
            try ExecutionLimits.checkAllocation(count: Int.max / 4, bytesPerElement: 8)
        }
    }

    @Test func jetPowerOfIntMinDoesNotOverflow() {
        // (-1)^n is exact for any n, so Int.min (even) gives 1 and Int.min + 1 (odd) gives -1.
        #expect(Jet(-1).pow(Int.min).value == 1)
        #expect(Jet(-1).pow(Int.min + 1).value == -1)
        #expect(Jet(2).pow(-3).value == 0.125)
    }
}
