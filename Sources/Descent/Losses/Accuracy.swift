/// The fraction of examples a model classifies correctly, the number lessons report next to the loss.
///
/// With one output column the task is binary: an example is predicted as
/// class 1 when its output exceeds `threshold` — 0 for logits (the default,
/// matching `.bceWithLogits`), 0.5 for probabilities (after a sigmoid, for `.bce`).
/// With k > 1 columns the prediction is the argmax of each row (first on ties).
/// The target is a column (or vector) of class indices; for k > 1 columns a
/// `[n, k]` one-hot target is also accepted, and its argmax is the class.
///
/// - Parameters:
///   - output: `[n, 1]` or `[n]` scores for binary tasks, `[n, k]` for k classes.
///   - target: class labels, `[n, 1]`, `[n]`, or one-hot `[n, k]`.
///   - threshold: the decision threshold for binary outputs.
public func accuracy(_ output: Tensor, _ target: Tensor, threshold: Double = 0) throws -> Double {
    let rows = output.rank == 1 ? output.count : output.rowCount
    guard output.rank >= 1, rows > 0 else {
        throw DescentError.invalidShape(operation: "accuracy", shape: output.shape, expected: "a non-empty [examples, outputs] matrix")
    }
    let binary = output.rank == 1 || output.columnCount == 1
    let predicted: [Int]
    if binary {
        predicted = output.scalars.map { $0 > threshold ? 1 : 0 }
    } else {
        predicted = try output.argmax(axis: 1)
    }
    let labels: [Int]
    if !binary, target.rank == 2, target.shape == output.shape {
        labels = try target.argmax(axis: 1)
    } else {
        guard target.count == rows, target.rank == 1 || target.columnCount == 1 else {
            throw DescentError.shapeMismatch(operation: "accuracy (output vs target)", lhs: output.shape, rhs: target.shape)
        }
        labels = try target.scalars.enumerated().map { row, value in
            guard value.isFinite, Swift.abs(value) < 1e9 else {
                throw DescentError.invalidArgument(name: "accuracy target in row \(row)", value: "\(value)", expected: "a class label")
            }
            return Int(value.rounded())
        }
    }
    let correct = zip(predicted, labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
    return Double(correct) / Double(rows)
}
