/// An error thrown by Descent for input it cannot work with.
///
/// Every case carries the values involved, so the message a lesson shows
/// names both what was wrong and what would have been right. Descent never
/// traps on user input: shapes, hyper-parameters and data are checked and
/// reported through this type.
public enum DescentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two tensors whose shapes cannot be combined by the named operation.
    case shapeMismatch(operation: String, lhs: [Int], rhs: [Int])
    /// A tensor of the wrong rank or shape for an operation.
    case invalidShape(operation: String, shape: [Int], expected: String)
    /// A hyper-parameter outside its valid range, e.g. a negative learning rate.
    case invalidHyperparameter(name: String, value: Double, expected: String)
    /// An argument that is not a hyper-parameter but is still out of range.
    case invalidArgument(name: String, value: String, expected: String)
    /// An index outside `0..<count`.
    case indexOutOfRange(index: Int, count: Int)
    /// A dataset with no rows where rows are needed.
    case emptyDataset(operation: String)
    /// Parsing a bundled or given data set failed.
    case malformedData(source: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .shapeMismatch(operation, lhs, rhs):
            return "shape mismatch in \(operation): \(Self.format(lhs)) and \(Self.format(rhs)) cannot be combined"
        case let .invalidShape(operation, shape, expected):
            return "invalid shape for \(operation): got \(Self.format(shape)), expected \(expected)"
        case let .invalidHyperparameter(name, value, expected):
            return "invalid value for \(name): \(value), expected \(expected)"
        case let .invalidArgument(name, value, expected):
            return "invalid value for \(name): \(value), expected \(expected)"
        case let .indexOutOfRange(index, count):
            return "index \(index) is out of range 0..<\(count)"
        case let .emptyDataset(operation):
            return "\(operation) needs a non-empty dataset, but it has no rows"
        case let .malformedData(source, line, reason):
            return "\(source):\(line): \(reason)"
        }
    }

    /// Formats a shape the way lessons write it: `[32, 64]`, or `[]` for a scalar.
    static func format(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }
}

/// Checks a hyper-parameter, throwing a `DescentError` that names it when the check fails.
@inlinable
func require(_ condition: Bool, _ name: String, _ value: Double, _ expected: String) throws {
    if !condition {
        throw DescentError.invalidHyperparameter(name: name, value: value, expected: expected)
    }
}
