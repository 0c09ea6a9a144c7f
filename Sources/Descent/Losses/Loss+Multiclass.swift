import Foundation

/// Losses for k-class classification on a `[n, k]` matrix of scores (logits).
extension Loss {
    /// Softmax cross-entropy on logits, mean over the n rows, as `F.cross_entropy`.
    ///
    /// Targets are class indices, a `[n, 1]` column (a `Dataset`'s `y`) or a
    /// `[n]` vector; a `[n, k]` target with k > 1 is read as class probabilities
    /// (one-hot or soft labels). Each row's loss is logsumexp(z) − Σ t·z, with
    /// the maximum subtracted before exponentiating so large logits cannot
    /// overflow; the gradient is (softmax(z) − t)/n.
    public static let crossEntropy = Loss(name: "crossEntropy") { output, target in
        let z = output.value
        let (rows, classes) = try scoreShape(z, loss: "crossEntropy")
        let probabilities: [Double]
        if target.rank == 2, target.columnCount == classes, classes > 1 {
            guard target.rowCount == rows else {
                throw DescentError.shapeMismatch(operation: "crossEntropy loss (logits vs target)", lhs: z.shape, rhs: target.shape)
            }
            probabilities = target.scalars
        } else {
            let indices = try classIndices(target, rows: rows, classes: classes, loss: "crossEntropy")
            var oneHot = [Double](repeating: 0, count: rows * classes)
            for (row, index) in indices.enumerated() { oneHot[row * classes + index] = 1 }
            probabilities = oneHot
        }
        let n = Double(rows)
        var total = 0.0
        var local = [Double](repeating: 0, count: rows * classes)
        for r in 0..<rows {
            let base = r * classes
            var largest = -Double.infinity
            for j in 0..<classes { largest = Swift.max(largest, z.scalars[base + j]) }
            var sumExp = 0.0
            for j in 0..<classes {
                let e = Foundation.exp(z.scalars[base + j] - largest)
                local[base + j] = e
                sumExp += e
            }
            let logSumExp = largest + Foundation.log(sumExp)
            // The gradient of Σ t·(logsumexp − z) is softmax times the row's target mass
            // (1 for labels) minus the target.
            var targetMass = 0.0
            for j in 0..<classes { targetMass += probabilities[base + j] }
            for j in 0..<classes {
                let t = probabilities[base + j]
                if t != 0 { total -= t * (z.scalars[base + j] - logSumExp) }
                local[base + j] = (local[base + j] / sumExp * targetMass - t) / n
            }
        }
        return node("crossEntropy", total / n, output, local)
    }

    /// The multi-class hinge loss of `torch.nn.MultiMarginLoss` (p = 1, margin 1):
    /// for each row, Σ over j ≠ y of max(0, 1 − z_y + z_j), divided by k, then the mean over rows.
    ///
    /// The score of the true class must beat every other score by the margin
    /// for the row to cost nothing, the criterion of a multi-class SVM.
    public static let hinge = Loss(name: "hinge") { output, target in
        let z = output.value
        let (rows, classes) = try scoreShape(z, loss: "hinge")
        let indices = try classIndices(target, rows: rows, classes: classes, loss: "hinge")
        let (n, k) = (Double(rows), Double(classes))
        var total = 0.0
        var local = [Double](repeating: 0, count: rows * classes)
        for r in 0..<rows {
            let base = r * classes, y = indices[r]
            let trueScore = z.scalars[base + y]
            for j in 0..<classes where j != y {
                let violation = 1 - trueScore + z.scalars[base + j]
                if violation > 0 {
                    total += violation
                    local[base + j] += 1 / (k * n)
                    local[base + y] -= 1 / (k * n)
                }
            }
        }
        return node("hinge", total / (k * n), output, local)
    }

    /// The (rows, classes) of a score matrix; a vector is one row.
    static func scoreShape(_ z: Tensor, loss: String) throws -> (Int, Int) {
        guard z.rank == 2 || z.rank == 1, z.count > 0 else {
            throw DescentError.invalidShape(operation: "\(loss) loss", shape: z.shape, expected: "[examples, classes] scores")
        }
        return (z.rowCount, z.columnCount)
    }
}
