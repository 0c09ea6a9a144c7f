/// Per-feature standardization fitted on one data set and applied to others.
///
/// The notes standardize inputs so that every feature has mean 0 and standard
/// deviation 1, which makes the loss surface rounder and gradient descent
/// faster. The statistics must come from the training set alone and then be
/// applied unchanged to validation and test sets; fitting them on the test set
/// would leak information about it into training.
///
/// The standard deviation is the population one (divide by n), as
/// scikit-learn's `StandardScaler`. A feature with zero variance is only
/// centred, not scaled (its scale is 1), so it never divides by zero.
public struct Standardizer: Sendable, Equatable {
    /// The mean of each feature in the fitted set, `[features]`.
    public let mean: Tensor
    /// The population standard deviation of each feature in the fitted set, `[features]`.
    public let std: Tensor
    /// What each feature is divided by: its std, or 1 where the std is 0.
    public let scale: Tensor

    /// Fits the means and standard deviations of `data.x`.
    public init(fitting data: Dataset) throws {
        try self.init(fitting: data.x)
    }

    /// Fits the column means and standard deviations of a `[examples, features]` matrix.
    public init(fitting x: Tensor) throws {
        guard x.rank == 2 else {
            throw DescentError.invalidShape(operation: "Standardizer(fitting:)", shape: x.shape, expected: "[examples, features]")
        }
        let (rows, columns) = (x.shape[0], x.shape[1])
        guard rows > 0 else { throw DescentError.emptyDataset(operation: "Standardizer(fitting:)") }
        var mean = [Double](repeating: 0, count: columns)
        for i in 0..<rows { for j in 0..<columns { mean[j] += x.scalars[i * columns + j] } }
        for j in 0..<columns { mean[j] /= Double(rows) }
        var variance = [Double](repeating: 0, count: columns)
        for i in 0..<rows {
            for j in 0..<columns {
                let d = x.scalars[i * columns + j] - mean[j]
                variance[j] += d * d
            }
        }
        let std = variance.map { ($0 / Double(rows)).squareRoot() }
        self.mean = Tensor(mean)
        self.std = Tensor(std)
        // A relative floor treats round-off noise in a constant column as zero variance.
        self.scale = Tensor(zip(std, mean).map { s, m in s > 1e-12 * Swift.max(1, Swift.abs(m)) ? s : 1 })
    }

    /// (x − mean) / scale for a `[examples, features]` matrix with the fitted number of features.
    public func apply(_ x: Tensor) throws -> Tensor {
        guard x.rank == 2, x.columnCount == mean.count else {
            throw DescentError.shapeMismatch(operation: "Standardizer.apply (input vs fitted features)", lhs: x.shape, rhs: [mean.count])
        }
        let columns = mean.count
        var out = x.scalars
        for i in 0..<out.count {
            let j = i % columns
            out[i] = (out[i] - mean.scalars[j]) / scale.scalars[j]
        }
        return Tensor(unchecked: x.shape, out)
    }

    /// The data set with standardized inputs; targets are unchanged.
    public func apply(_ data: Dataset) throws -> Dataset {
        var result = data
        result.x = try apply(data.x)
        return result
    }

    /// Maps standardized inputs back to the original units.
    public func invert(_ x: Tensor) throws -> Tensor {
        guard x.rank == 2, x.columnCount == mean.count else {
            throw DescentError.shapeMismatch(operation: "Standardizer.invert (input vs fitted features)", lhs: x.shape, rhs: [mean.count])
        }
        let columns = mean.count
        var out = x.scalars
        for i in 0..<out.count {
            let j = i % columns
            out[i] = out[i] * scale.scalars[j] + mean.scalars[j]
        }
        return Tensor(unchecked: x.shape, out)
    }
}

extension Dataset {
    /// This data set with each input feature standardized by its own mean and std.
    ///
    /// Use it for a whole set; for a train/test pair fit a `Standardizer` on the
    /// training part and apply it to both.
    public func standardized() throws -> Dataset {
        try Standardizer(fitting: self).apply(self)
    }
}
