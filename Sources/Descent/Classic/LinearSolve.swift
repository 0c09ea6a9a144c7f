/// Solves the square system A·x = b by Gaussian elimination with partial pivoting.
///
/// Newton's method needs H⁻¹g, and solving is both cheaper and more accurate
/// than inverting. Partial pivoting (taking the largest remaining entry of each
/// column as the pivot) keeps the elimination stable; a pivot that is zero
/// relative to the matrix's largest entry means the matrix is singular, and
/// that is reported rather than divided by.
///
/// - Parameters:
///   - a: an [n, n] matrix.
///   - b: n right-hand-side values in any shape (a vector, an [n, 1] column).
/// - Returns: x with the shape of `b`.
/// - Throws: `DescentError.invalidShape` for a non-square `a`,
///   `DescentError.shapeMismatch` when `b` has other than n elements,
///   `DescentError.invalidArgument` naming the matrix when it is singular or not finite.
public func solveLinearSystem(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    guard a.rank == 2, a.shape[0] == a.shape[1] else {
        throw DescentError.invalidShape(operation: "solveLinearSystem", shape: a.shape, expected: "a square [n, n] matrix")
    }
    let n = a.shape[0]
    guard b.count == n else {
        throw DescentError.shapeMismatch(operation: "solveLinearSystem", lhs: a.shape, rhs: b.shape)
    }
    guard !a.hasNonFinite, !b.hasNonFinite else {
        throw DescentError.invalidArgument(
            name: "matrix", value: a.description, expected: "finite entries (no NaN or infinity) in A and b")
    }
    var m = a.scalars
    var x = b.scalars
    let scale = m.reduce(0) { Swift.max($0, Swift.abs($1)) }
    // Relative to the largest entry: a pivot this small is round-off, not information.
    let tolerance = scale * Double(Swift.max(n, 1)) * 1e-13
    for column in 0..<n {
        var pivotRow = column
        for row in column + 1..<n where Swift.abs(m[row * n + column]) > Swift.abs(m[pivotRow * n + column]) {
            pivotRow = row
        }
        let pivot = m[pivotRow * n + column]
        guard Swift.abs(pivot) > tolerance else {
            throw DescentError.invalidArgument(
                name: "matrix", value: a.description,
                expected: "an invertible matrix, but it is singular (no pivot in column \(column))")
        }
        if pivotRow != column {
            for k in 0..<n { m.swapAt(column * n + k, pivotRow * n + k) }
            x.swapAt(column, pivotRow)
        }
        for row in column + 1..<n {
            let factor = m[row * n + column] / pivot
            if factor == 0 { continue }
            for k in column..<n { m[row * n + k] -= factor * m[column * n + k] }
            x[row] -= factor * x[column]
        }
    }
    for row in stride(from: n - 1, through: 0, by: -1) {
        var total = x[row]
        for k in row + 1..<n { total -= m[row * n + k] * x[k] }
        x[row] = total / m[row * n + row]
    }
    return try Tensor(shape: b.shape, scalars: x)
}
