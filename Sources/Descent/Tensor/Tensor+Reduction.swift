/// Sums, means and extremes, over all elements or along one axis.
///
/// Sums run left to right in a fixed order, so a reduction gives the same bits
/// on every machine and thread count.
extension Tensor {
    /// Checks an axis against the rank and returns it.
    private func checkedAxis(_ axis: Int, _ operation: String) throws -> Int {
        guard shape.count == 2 ? (axis == 0 || axis == 1) : (shape.count == 1 && axis == 0) else {
            throw DescentError.invalidArgument(
                name: "axis of \(operation)", value: "\(axis)",
                expected: "0..<\(shape.count) for shape \(DescentError.format(shape))")
        }
        return axis
    }

    /// Reduces along an axis with `combine`, starting each lane from its first element.
    private func reduce(axis: Int, _ operation: String, _ combine: (Double, Double) -> Double) throws -> Tensor {
        let axis = try checkedAxis(axis, operation)
        if shape.count == 1 {
            guard let first = scalars.first else {
                throw DescentError.invalidShape(operation: operation, shape: shape, expected: "at least one element")
            }
            return Tensor(scalars.dropFirst().reduce(first, combine))
        }
        let (rows, columns) = (shape[0], shape[1])
        guard (axis == 0 ? rows : columns) > 0 else {
            throw DescentError.invalidShape(operation: operation, shape: shape, expected: "a non-empty axis \(axis)")
        }
        if axis == 0 {
            var out = Array(scalars[0..<columns])
            for i in 1..<rows {
                for j in 0..<columns { out[j] = combine(out[j], scalars[i * columns + j]) }
            }
            return Tensor(unchecked: [columns], out)
        }
        var out = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            var acc = scalars[i * columns]
            for j in 1..<columns { acc = combine(acc, scalars[i * columns + j]) }
            out[i] = acc
        }
        return Tensor(unchecked: [rows], out)
    }

    /// The sum of all elements.
    public func sum() -> Double {
        var total = 0.0
        for value in scalars { total += value }
        return total
    }

    /// The mean of all elements (NaN for an empty tensor).
    public func mean() -> Double { sum() / Double(scalars.count) }

    /// Sums along `axis`, removing it: a [r, c] matrix gives [c] for axis 0 and [r] for axis 1.
    public func sum(axis: Int) throws -> Tensor {
        if shape.count == 2, axis == 0 || axis == 1, shape[axis] == 0 {
            return Tensor(unchecked: [shape[1 - axis]], Array(repeating: 0, count: shape[1 - axis]))
        }
        return try reduce(axis: axis, "sum(axis: \(axis))", +)
    }

    public func mean(axis: Int) throws -> Tensor {
        let total = try sum(axis: axis)
        return total / Double(shape[axis])
    }

    /// The largest element.
    public func max() throws -> Double {
        guard let first = scalars.first else {
            throw DescentError.invalidShape(operation: "max()", shape: shape, expected: "at least one element")
        }
        return scalars.reduce(first) { Swift.max($0, $1) }
    }

    /// The smallest element.
    public func min() throws -> Double {
        guard let first = scalars.first else {
            throw DescentError.invalidShape(operation: "min()", shape: shape, expected: "at least one element")
        }
        return scalars.reduce(first) { Swift.min($0, $1) }
    }

    public func max(axis: Int) throws -> Tensor { try reduce(axis: axis, "max(axis: \(axis))") { Swift.max($0, $1) } }
    public func min(axis: Int) throws -> Tensor { try reduce(axis: axis, "min(axis: \(axis))") { Swift.min($0, $1) } }

    /// The index of the largest element of each row (axis 1) or column (axis 0); the first on ties.
    public func argmax(axis: Int = 1) throws -> [Int] {
        let axis = try checkedAxis(axis, "argmax")
        let (rows, columns) = Tensor.matrixView(shape)
        let (outer, inner) = axis == 1 ? (rows, columns) : (columns, rows)
        guard inner > 0 else {
            throw DescentError.invalidShape(operation: "argmax", shape: shape, expected: "a non-empty axis \(axis)")
        }
        return (0..<outer).map { o in
            var best = 0
            var bestValue = -Double.infinity
            for k in 0..<inner {
                let value = axis == 1 ? scalars[o * columns + k] : scalars[k * columns + o]
                if value > bestValue || (k == 0) { best = k; bestValue = value }
            }
            return best
        }
    }
}
