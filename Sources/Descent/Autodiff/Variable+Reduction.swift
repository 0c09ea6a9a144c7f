/// Differentiable sums, means and extremes.
extension Variable {
    /// The sum of all elements, as a scalar.
    public func sum() -> Variable {
        let shape = value.shape
        return Variable(Tensor(value.sum()), parents: [self], name: "sum") { g in
            [Tensor(unchecked: shape, Array(repeating: g.scalars[0], count: shape.reduce(1, *)))]
        }
    }

    /// The mean of all elements, as a scalar.
    public func mean() -> Variable { sum() / Double(value.count) }

    /// Sums along an axis; the gradient is repeated along it.
    public func sum(axis: Int) throws -> Variable {
        let shape = value.shape
        let out = try value.sum(axis: axis)
        return Variable(out, parents: [self], name: "sum(axis:)") { g in
            if shape.count == 1 { return [Tensor(unchecked: shape, Array(repeating: g.scalars[0], count: shape[0]))] }
            // Re-insert the reduced axis as 1 and broadcast back.
            let kept = try g.reshaped(axis == 0 ? [1, shape[1]] : [shape[0], 1])
            return [try Tensor.zeros(shape) + kept]
        }
    }

    public func mean(axis: Int) throws -> Variable {
        let n = Double(value.shape[safe: axis] ?? 1)
        return try sum(axis: axis) / n
    }

    /// The largest element; the gradient goes to the first position holding it.
    public func max() throws -> Variable {
        let best = try value.max()
        return extreme(best, "max")
    }

    /// The smallest element; the gradient goes to the first position holding it.
    public func min() throws -> Variable {
        let best = try value.min()
        return extreme(best, "min")
    }

    private func extreme(_ best: Double, _ name: String) -> Variable {
        let shape = value.shape
        let index = value.scalars.firstIndex(of: best) ?? 0
        return Variable(Tensor(best), parents: [self], name: name) { g in
            var out = [Double](repeating: 0, count: shape.reduce(1, *))
            out[index] = g.scalars[0]
            return [Tensor(unchecked: shape, out)]
        }
    }

    /// The row-wise (axis 1) or column-wise (axis 0) maximum.
    public func max(axis: Int) throws -> Variable { try extreme(axis: axis, "max(axis:)") { try $0.max(axis: axis) } }
    /// The row-wise (axis 1) or column-wise (axis 0) minimum.
    public func min(axis: Int) throws -> Variable { try extreme(axis: axis, "min(axis:)") { try $0.min(axis: axis) } }

    private func extreme(axis: Int, _ name: String, _ reduce: (Tensor) throws -> Tensor) throws -> Variable {
        let x = value
        let out = try reduce(x)
        return Variable(out, parents: [self], name: name) { g in
            let (rows, columns) = Tensor.matrixView(x.shape)
            var grad = [Double](repeating: 0, count: x.count)
            let (outer, inner) = axis == 1 || x.rank == 1 ? (rows, columns) : (columns, rows)
            for o in 0..<outer {
                for k in 0..<inner {
                    let index = axis == 1 || x.rank == 1 ? o * columns + k : k * columns + o
                    if x.scalars[index] == out.scalars[o] { grad[index] = g.scalars[o]; break }
                }
            }
            return [Tensor(unchecked: x.shape, grad)]
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
