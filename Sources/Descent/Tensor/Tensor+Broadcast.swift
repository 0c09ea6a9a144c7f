/// Broadcasting for rank 0–2 tensors, NumPy's rule restricted to matrices.
///
/// Every tensor is viewed as a matrix: a scalar is 1×1, a vector of n is 1×n
/// (a row). Two extents combine when they are equal or one of them is 1. The
/// result has the larger rank of the two. Keeping one rule for every binary
/// op means gradients only need `reduced(toShape:)` to undo it.
extension Tensor {
    /// The matrix view (rows, columns) of a shape.
    @usableFromInline
    static func matrixView(_ shape: [Int]) -> (Int, Int) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (1, shape[0])
        default: return (shape[0], shape[1])
        }
    }

    /// The shape two operands broadcast to, or a `shapeMismatch` naming the operation.
    @usableFromInline
    static func broadcastShape(_ lhs: [Int], _ rhs: [Int], operation: String) throws -> [Int] {
        if lhs == rhs { return lhs }
        let (lr, lc) = matrixView(lhs)
        let (rr, rc) = matrixView(rhs)
        guard lr == rr || lr == 1 || rr == 1, lc == rc || lc == 1 || rc == 1 else {
            throw DescentError.shapeMismatch(operation: operation, lhs: lhs, rhs: rhs)
        }
        let rows = Swift.max(lr, rr), columns = Swift.max(lc, rc)
        switch Swift.max(lhs.count, rhs.count) {
        case 0: return []
        case 1: return rows == 1 ? [columns] : [rows, columns]
        default: return [rows, columns]
        }
    }

    /// Applies `op` element-wise after broadcasting both operands.
    @inlinable
    static func elementwise(
        _ lhs: Tensor, _ rhs: Tensor, operation: String,
        _ op: (Double, Double) -> Double
    ) throws -> Tensor {
        if lhs.shape == rhs.shape {
            var out = [Double](repeating: 0, count: lhs.scalars.count)
            lhs.scalars.withUnsafeBufferPointer { a in
                rhs.scalars.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { o in
                        for i in 0..<o.count { o[i] = op(a[i], b[i]) }
                    }
                }
            }
            return Tensor(unchecked: lhs.shape, out)
        }
        let shape = try broadcastShape(lhs.shape, rhs.shape, operation: operation)
        let (rows, columns) = matrixView(shape)
        let (lr, lc) = matrixView(lhs.shape)
        let (rr, rc) = matrixView(rhs.shape)
        _ = try ExecutionLimits.elementCount(of: [rows, columns], operation: operation)
        // Strides of 0 repeat a broadcast axis.
        let lrs = lr == 1 ? 0 : lc, lcs = lc == 1 ? 0 : 1
        let rrs = rr == 1 ? 0 : rc, rcs = rc == 1 ? 0 : 1
        var out = [Double](repeating: 0, count: rows * columns)
        lhs.scalars.withUnsafeBufferPointer { a in
            rhs.scalars.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<rows {
                        let ar = i * lrs, br = i * rrs, orow = i * columns
                        for j in 0..<columns {
                            o[orow + j] = op(a[ar + j * lcs], b[br + j * rcs])
                        }
                    }
                }
            }
        }
        return Tensor(unchecked: shape, out)
    }

    /// Applies `op` to every element; rethrows, as `Array.map` does, so compiled lesson code may use `try` inside.
    @inlinable
    public func map(_ op: (Double) throws -> Double) rethrows -> Tensor {
        var out = [Double](repeating: 0, count: scalars.count)
        try scalars.withUnsafeBufferPointer { a in
            try out.withUnsafeMutableBufferPointer { o in
                for i in 0..<o.count { o[i] = try op(a[i]) }
            }
        }
        return Tensor(unchecked: shape, out)
    }

    /// `map` for Descent's own pure functions (exp, log, tanh, …): large tensors are split
    /// across threads, which is safe because `op` reads nothing but its argument.
    /// Lesson closures go through `map`, which stays on the calling thread.
    func mapElements(_ op: (Double) -> Double) -> Tensor {
        var out = [Double](repeating: 0, count: scalars.count)
        scalars.withUnsafeBufferPointer { a in
            out.withUnsafeMutableBufferPointer { o in
                Parallel.elements(o.count, settings: .current) { run in
                    for i in run { o[i] = op(a[i]) }
                }
            }
        }
        return Tensor(unchecked: shape, out)
    }

    /// Sums a broadcast result back to `target`, the adjoint of broadcasting.
    ///
    /// Autodiff uses this for the gradient of any operand that was broadcast.
    func reduced(toShape target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let (rows, columns) = Tensor.matrixView(shape)
        let (tr, tc) = Tensor.matrixView(target)
        guard (tr == rows || tr == 1), (tc == columns || tc == 1) else {
            throw DescentError.shapeMismatch(operation: "reduce for gradient", lhs: shape, rhs: target)
        }
        var out = [Double](repeating: 0, count: tr * tc)
        for i in 0..<rows {
            let oi = tr == 1 ? 0 : i
            for j in 0..<columns {
                out[oi * tc + (tc == 1 ? 0 : j)] += scalars[i * columns + j]
            }
        }
        return Tensor(unchecked: target, out)
    }
}
