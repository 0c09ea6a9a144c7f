/// Size checks made once per allocation, before it happens.
///
/// A size a lesson controls (a shape, a layer width, a generator's count) can
/// overflow `Int` when multiplied out, and Swift traps on that; and a size that
/// fits can still ask for more memory than the process has, which aborts it.
/// Both become errors here, before anything is allocated, so a cell that asks
/// for `Tensor.zeros([4294967296, 4294967296])` or `Dense(100000, 100000)` gets
/// an error and the process lives. These checks cost one multiplication per
/// extent, never a pass over the elements.
extension ExecutionLimits {
    /// Throws `LimitExceeded.memory` when `count` elements of `bytesPerElement` bytes each exceed the current cap.
    ///
    /// A product that overflows `Int` is over any cap, so it throws even when no limits are set.
    public static func checkAllocation(count: Int, bytesPerElement: Int) throws {
        let bytes = Swift.max(count, 0).multipliedReportingOverflow(by: Swift.max(bytesPerElement, 0))
        let cap = current?.maxTensorBytes
        if bytes.overflow { throw LimitExceeded.memory(bytes: Int.max, limit: cap ?? Int.max) }
        if let cap, bytes.partialValue > cap { throw LimitExceeded.memory(bytes: bytes.partialValue, limit: cap) }
    }

    /// The number of elements of `shape`, checked for negative extents, for a product
    /// that overflows `Int`, and against the memory cap, for a tensor about to be allocated.
    ///
    /// - Parameter operation: names the call in the error, e.g. `Tensor.zeros` or `reshaped([4, 4])`.
    public static func elementCount(of shape: [Int], operation: String) throws -> Int {
        let count = try checkedProduct(shape, operation: operation)
        try checkAllocation(count: count, bytesPerElement: MemoryLayout<Double>.size)
        return count
    }

    /// The product of non-negative extents, or a `DescentError` naming the shape when it
    /// has a negative extent or the product does not fit in `Int`. Allocates nothing.
    public static func checkedProduct(_ shape: [Int], operation: String) throws -> Int {
        var count = 1
        for extent in shape {
            guard extent >= 0 else {
                throw DescentError.invalidShape(operation: operation, shape: shape, expected: "non-negative extents")
            }
            let product = count.multipliedReportingOverflow(by: extent)
            if product.overflow {
                throw DescentError.invalidShape(
                    operation: operation, shape: shape,
                    expected: "at most \(Int.max) elements in all (the product of these extents overflows Int)")
            }
            count = product.partialValue
        }
        return count
    }
}
