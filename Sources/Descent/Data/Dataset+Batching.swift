/// Shuffling, splitting and minibatches: the notes' SGD loop over a data set.
extension Dataset {
    /// The rows in the given order, as a new data set with the same name and classes.
    public func subset(_ indices: [Int]) throws -> Dataset {
        var result = self
        result.x = try x.rows(indices)
        result.y = try y.rows(indices)
        return result
    }

    /// The rows in a random order fixed by `seed` (a Fisher–Yates permutation from `RandomSource(seed:)`).
    public func shuffled(seed: Int) -> Dataset {
        var random = RandomSource(seed: seed)
        let order = random.permutation(count)
        // Every index of a permutation is in range, so selecting rows cannot fail.
        return (try? subset(order)) ?? self
    }

    /// Splits into two parts after a seeded shuffle: the first holds `fraction` of the rows
    /// (rounded to nearest, kept between 1 and count − 1), the second the rest.
    ///
    /// - Parameters:
    ///   - fraction: the share of rows in the first part, strictly between 0 and 1 (e.g. 0.8 for train/test).
    ///   - seed: the shuffle's seed; the same seed gives the same split.
    public func split(_ fraction: Double, seed: Int = 0) throws -> (train: Dataset, test: Dataset) {
        try require(fraction > 0 && fraction < 1, "split fraction", fraction, "a fraction strictly between 0 and 1")
        guard count >= 2 else {
            throw DescentError.invalidArgument(name: "rows to split", value: "\(count)", expected: "at least 2 rows")
        }
        var random = RandomSource(seed: seed)
        let order = random.permutation(count)
        let cut = Swift.min(Swift.max(Int((fraction * Double(count)).rounded()), 1), count - 1)
        return (try subset(Array(order[..<cut])), try subset(Array(order[cut...])))
    }

    /// Index lists of consecutive minibatches covering every row exactly once; the last may be short.
    ///
    /// - Parameters:
    ///   - size: rows per batch, at least 1.
    ///   - seed: shuffle the rows with this seed first (a new seed per epoch gives
    ///     the notes' reshuffling), or keep their order when nil.
    public func batches(size: Int, seed: Int? = nil) throws -> [[Int]] {
        guard size > 0 else {
            throw DescentError.invalidArgument(name: "batch size", value: "\(size)", expected: "at least 1")
        }
        guard count > 0 else { throw DescentError.emptyDataset(operation: "batches(size:)") }
        var order = Array(0..<count)
        if let seed {
            var random = RandomSource(seed: seed)
            order = random.permutation(count)
        }
        return stride(from: 0, to: count, by: size).map { Array(order[$0..<Swift.min($0 + size, count)]) }
    }

    /// The inputs and targets of the given rows, in that order: one minibatch.
    public func batch(_ indices: [Int]) throws -> (x: Tensor, y: Tensor) {
        guard !indices.isEmpty else {
            throw DescentError.invalidArgument(name: "batch indices", value: "[]", expected: "at least one row index")
        }
        return (try x.rows(indices), try y.rows(indices))
    }
}
