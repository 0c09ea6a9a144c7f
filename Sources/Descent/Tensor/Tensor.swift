/// A dense, row-major array of `Double` of rank 0, 1 or 2.
///
/// `Tensor` is a value type backed by a copy-on-write array, so an optimizer
/// or a model copy never shares mutable state with another run. Ranks above 2
/// are rejected: the course never needs them, and keeping to matrices keeps
/// broadcasting and its gradients easy to read.
public struct Tensor: Sendable, Equatable, Hashable {
    /// The extent of each axis: `[]` for a scalar, `[n]` for a vector, `[rows, columns]` for a matrix.
    public private(set) var shape: [Int]
    /// The elements in row-major order.
    public var scalars: [Double]

    /// Creates a tensor, checking that the shape holds exactly `scalars.count` elements.
    public init(shape: [Int], scalars: [Double]) throws {
        guard shape.count <= 2, shape.allSatisfy({ $0 >= 0 }) else {
            throw DescentError.invalidShape(operation: "Tensor", shape: shape, expected: "rank 0, 1 or 2 with non-negative extents")
        }
        let count = try ExecutionLimits.checkedProduct(shape, operation: "Tensor")
        guard count == scalars.count else {
            throw DescentError.invalidArgument(
                name: "scalars", value: "\(scalars.count) elements",
                expected: "\(count) elements for shape \(DescentError.format(shape))")
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// Creates a tensor whose shape the caller guarantees matches `scalars`.
    @usableFromInline
    init(unchecked shape: [Int], _ scalars: [Double]) {
        self.shape = shape
        self.scalars = scalars
    }

    /// A rank-0 tensor.
    public init(_ value: Double) {
        self.init(unchecked: [], [value])
    }

    /// A vector.
    public init(_ values: [Double]) {
        self.init(unchecked: [values.count], values)
    }

    /// A matrix from its rows, which must all have the same length.
    public init(_ rows: [[Double]]) throws {
        let columns = rows.first?.count ?? 0
        for (index, row) in rows.enumerated() where row.count != columns {
            throw DescentError.invalidArgument(
                name: "row \(index)", value: "\(row.count) elements",
                expected: "\(columns) elements like row 0")
        }
        self.init(unchecked: [rows.count, columns], rows.flatMap { $0 })
    }

    /// A tensor of the given shape with every element equal to `value`.
    public init(repeating value: Double, shape: [Int]) throws {
        guard shape.count <= 2 else {
            throw DescentError.invalidShape(operation: "Tensor", shape: shape, expected: "rank 0, 1 or 2 with non-negative extents")
        }
        let count = try ExecutionLimits.elementCount(of: shape, operation: "Tensor")
        try self.init(shape: shape, scalars: Array(repeating: value, count: count))
    }

    public static func zeros(_ shape: [Int]) throws -> Tensor { try Tensor(repeating: 0, shape: shape) }
    public static func ones(_ shape: [Int]) throws -> Tensor { try Tensor(repeating: 1, shape: shape) }

    /// A tensor of zeros with the same shape as this one.
    public var zerosLike: Tensor { Tensor(unchecked: shape, Array(repeating: 0, count: scalars.count)) }

    public var rank: Int { shape.count }
    public var count: Int { scalars.count }
    public var isScalar: Bool { scalars.count == 1 }

    /// Rows of a matrix; 1 for vectors and scalars (a vector is one row).
    public var rowCount: Int { shape.count == 2 ? shape[0] : 1 }
    /// Columns of a matrix or length of a vector; 1 for scalars.
    public var columnCount: Int { shape.count == 2 ? shape[1] : (shape.count == 1 ? shape[0] : 1) }

    /// The value of a one-element tensor.
    public func scalar() throws -> Double {
        guard scalars.count == 1 else {
            throw DescentError.invalidShape(operation: "scalar()", shape: shape, expected: "a single element")
        }
        return scalars[0]
    }

    /// Reinterprets the elements with a new shape of the same size.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        let operation = "reshaped(\(DescentError.format(newShape)))"
        let count = try ExecutionLimits.checkedProduct(newShape, operation: operation)
        guard newShape.count <= 2, count == scalars.count else {
            throw DescentError.invalidShape(operation: operation, shape: shape, expected: "\(count) elements")
        }
        return Tensor(unchecked: newShape, scalars)
    }

    /// The elements as a flat vector.
    public var flattened: Tensor { Tensor(unchecked: [scalars.count], scalars) }

    /// The squared Euclidean norm of all elements.
    public var squaredNorm: Double {
        var total = 0.0
        for value in scalars { total += value * value }
        return total
    }

    /// The Euclidean norm of all elements, scaled so that it overflows only when the
    /// norm itself exceeds the largest Double (not when its square does).
    public var norm: Double {
        var largest = 0.0
        for value in scalars { largest = Swift.max(largest, Swift.abs(value)) }
        guard largest.isFinite, largest > 0 else { return largest == 0 ? 0 : .infinity }
        var total = 0.0
        for value in scalars { total += (value / largest) * (value / largest) }
        return largest * total.squareRoot()
    }

    /// True when any element is NaN or infinite.
    public var hasNonFinite: Bool { scalars.contains { !$0.isFinite } }
}

/// Array literals make vectors. There are deliberately no number literals:
/// operators already take a `Double` on either side, and a second way to read
/// `x * 2` would make every such expression ambiguous.
extension Tensor: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Double...) { self.init(elements) }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        func format(_ value: Double) -> String {
            if value == value.rounded(), Swift.abs(value) < 1e15 { return String(format: "%.1f", value) }
            return String(format: "%.6g", value)
        }
        switch shape.count {
        case 0: return format(scalars[0])
        case 1: return "[" + scalars.map(format).joined(separator: ", ") + "]"
        default:
            let lines = (0..<shape[0]).map { row in
                "[" + scalars[row * shape[1]..<(row + 1) * shape[1]].map(format).joined(separator: ", ") + "]"
            }
            return "[" + lines.joined(separator: ",\n ") + "]"
        }
    }
}

import Foundation
