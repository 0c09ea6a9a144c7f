/// Matrix products, transposes and row selection.
///
/// Products run on the register-blocked vector kernel in CKernels (see
/// `Kernels.multiplyAdd`): each output element is accumulated in the same
/// order on every run, path and thread count.
extension Tensor {
    /// The transpose of a matrix; vectors and scalars are their own transpose.
    public var transposed: Tensor {
        guard shape.count == 2 else { return self }
        let (rows, columns) = (shape[0], shape[1])
        var out = [Double](repeating: 0, count: scalars.count)
        scalars.withUnsafeBufferPointer { a in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<rows {
                    for j in 0..<columns { o[j * rows + i] = a[i * columns + j] }
                }
            }
        }
        return Tensor(unchecked: [columns, rows], out)
    }

    /// The matrix product. A vector on the left is a row, on the right a column,
    /// and the corresponding axis is dropped from the result.
    public func matmul(_ other: Tensor) throws -> Tensor {
        guard shape.count >= 1, other.shape.count >= 1 else {
            throw DescentError.shapeMismatch(operation: "matmul", lhs: shape, rhs: other.shape)
        }
        let (m, k) = shape.count == 2 ? (shape[0], shape[1]) : (1, shape[0])
        let (k2, n) = other.shape.count == 2 ? (other.shape[0], other.shape[1]) : (other.shape[0], 1)
        guard k == k2 else {
            throw DescentError.shapeMismatch(operation: "matmul", lhs: shape, rhs: other.shape)
        }
        _ = try ExecutionLimits.elementCount(of: [m, n], operation: "matmul")
        var out = [Double](repeating: 0, count: m * n)
        // Summed from 0 in order of k per element (Kernels), the same bits on every path and thread count.
        Kernels.multiplyAdd(scalars, other.scalars, into: &out, m: m, k: k, n: n)
        switch (shape.count, other.shape.count) {
        case (2, 2): return Tensor(unchecked: [m, n], out)
        case (1, 2): return Tensor(unchecked: [n], out)
        case (2, 1): return Tensor(unchecked: [m], out)
        default: return Tensor(unchecked: [], out)
        }
    }

    /// Selects rows of a matrix (or elements of a vector) by index, in the order given.
    ///
    /// This is how minibatches are cut from a dataset.
    public func rows(_ indices: [Int]) throws -> Tensor {
        let (rows, columns) = shape.count == 2 ? (shape[0], shape[1]) : (shape.first ?? 1, 1)
        // Checked before reserving: repeated indices can ask for far more rows than the tensor has.
        let count = try ExecutionLimits.elementCount(of: [indices.count, columns], operation: "rows(_:)")
        var out = [Double]()
        out.reserveCapacity(count)
        for index in indices {
            guard index >= 0, index < rows else { throw DescentError.indexOutOfRange(index: index, count: rows) }
            out.append(contentsOf: scalars[index * columns..<(index + 1) * columns])
        }
        return Tensor(unchecked: shape.count == 2 ? [indices.count, columns] : [indices.count], out)
    }

    /// Row `index` of a matrix as a vector, or element `index` of a vector as a scalar.
    public func row(_ index: Int) throws -> Tensor {
        let picked = try rows([index])
        return Tensor(unchecked: Array(shape.dropFirst()), picked.scalars)
    }

    /// The element at (row, column) of a matrix.
    public func element(_ row: Int, _ column: Int) throws -> Double {
        let (rows, columns) = Tensor.matrixView(shape)
        guard row >= 0, row < rows else { throw DescentError.indexOutOfRange(index: row, count: rows) }
        guard column >= 0, column < columns else { throw DescentError.indexOutOfRange(index: column, count: columns) }
        return scalars[row * columns + column]
    }

    /// Joins matrices with the same number of columns top to bottom.
    public static func stackRows(_ parts: [Tensor]) throws -> Tensor {
        guard let first = parts.first else { return Tensor(unchecked: [0, 0], []) }
        let columns = first.columnCount
        var out = [Double]()
        var rows = 0
        for part in parts {
            guard part.columnCount == columns else {
                throw DescentError.shapeMismatch(operation: "stackRows", lhs: first.shape, rhs: part.shape)
            }
            rows += part.shape.count == 2 ? part.shape[0] : 1
            out.append(contentsOf: part.scalars)
        }
        return Tensor(unchecked: [rows, columns], out)
    }
}

public func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor { try a.matmul(b) }
