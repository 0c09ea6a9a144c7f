/// A supervised data set held in memory: inputs `x` (one row per example) and targets `y`.
///
/// `y` is an [n, 1] column for regression and binary labels (0 or 1), or an
/// [n, 1] column of class indices 0..<classCount for multi-class sets; losses
/// that need one-hot targets build them.
public struct Dataset: Sendable, Equatable {
    public var name: String
    /// Inputs, [n, features].
    public var x: Tensor
    /// Targets, [n, 1].
    public var y: Tensor
    /// The number of classes for classification sets, nil for regression.
    public var classCount: Int?

    public init(name: String = "data", x: Tensor, y: Tensor, classCount: Int? = nil) throws {
        guard x.rank == 2 else {
            throw DescentError.invalidShape(operation: "Dataset", shape: x.shape, expected: "[examples, features]")
        }
        guard y.rowCount == x.rowCount || (y.rank == 1 && y.count == x.rowCount) else {
            throw DescentError.shapeMismatch(operation: "Dataset(x:y:) rows", lhs: x.shape, rhs: y.shape)
        }
        self.name = name
        self.x = x
        self.y = y.rank == 2 ? y : try y.reshaped([y.count, 1])
        self.classCount = classCount
    }

    /// The number of examples.
    public var count: Int { x.rowCount }
    /// The number of input features.
    public var featureCount: Int { x.columnCount }
}
