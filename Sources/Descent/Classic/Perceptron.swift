/// Rosenblatt's perceptron: one neuron with a sign activation, trained by correcting mistakes.
///
/// The rule the notes open with: visit the examples one by one and, when
/// example (x, y) with y = ±1 is misclassified, i.e. y·(w·x + b) ≤ 0, set
/// w ← w + lr·y·x and b ← b + lr·y. Correct examples change nothing. On
/// linearly separable data the number of mistakes is finite (Novikoff's
/// theorem), so some epoch passes with none, and training stops there.
///
/// Weights start at zero, so the first example is always a mistake (a point
/// on the boundary counts as wrong) and, with lr = 1, the weights after each
/// update are integer sums of ±x, easy to follow by hand.
public struct Perceptron: Sendable, Equatable {
    /// One weight per feature.
    public var weights: [Double]
    /// The bias b, the weight of a constant input 1.
    public var bias: Double
    /// The step lr > 0 of each correction.
    public var lr: Double

    /// - Parameters:
    ///   - features: the number of inputs (validated by `train`, which throws for features ≤ 0).
    ///   - lr: the correction step, > 0; 1 by default, the classic rule.
    public init(features: Int, lr: Double = 1) {
        weights = Array(repeating: 0, count: Swift.max(features, 0))
        bias = 0
        self.lr = lr
    }

    /// w·x + b for one example.
    public func activation(_ x: [Double]) throws -> Double {
        guard x.count == weights.count else {
            throw DescentError.shapeMismatch(operation: "Perceptron input", lhs: [weights.count], rhs: [x.count])
        }
        var total = bias
        for (w, v) in zip(weights, x) { total += w * v }
        return total
    }

    /// The class of one example: +1 when w·x + b > 0, −1 otherwise.
    public func predict(_ x: [Double]) throws -> Double {
        try activation(x) > 0 ? 1 : -1
    }

    /// The classes (±1) of the rows of an [n, features] matrix, as an [n, 1] column.
    public func predict(_ x: Tensor) throws -> Tensor {
        guard x.rank == 2, x.columnCount == weights.count else {
            throw DescentError.invalidShape(operation: "Perceptron.predict", shape: x.shape, expected: "[examples, \(weights.count)]")
        }
        let labels = try (0..<x.rowCount).map { try predict(rowValues(x, $0)) }
        return try Tensor(shape: [x.rowCount, 1], scalars: labels)
    }

    /// The fraction of examples whose predicted class matches the label (labels ±1 or 0/1).
    public func accuracy(on data: Dataset) throws -> Double {
        let labels = try signedLabels(data)
        guard !labels.isEmpty else { throw DescentError.emptyDataset(operation: "Perceptron.accuracy") }
        var correct = 0
        for row in 0..<data.count where try predict(rowValues(data.x, row)) == labels[row] { correct += 1 }
        return Double(correct) / Double(labels.count)
    }

    /// Runs the perceptron rule for up to `epochs` passes, stopping after the first pass without a mistake.
    ///
    /// - Parameters:
    ///   - data: inputs [n, features] and labels ±1, or 0/1 (0 is read as −1).
    ///   - epochs: the most passes over the data, ≥ 1.
    ///   - seed: orders each pass by a `RandomSource(seed:)` permutation, so the same seed gives the same run.
    ///   - shuffle: false visits the examples in dataset order every pass (for hand computation).
    /// - Returns: mistakes per pass, the pass that had none (if any), and the final weights.
    @discardableResult
    public mutating func train(on data: Dataset, epochs: Int, seed: Int = 0, shuffle: Bool = true) throws -> PerceptronResult {
        guard !weights.isEmpty else {
            throw DescentError.invalidArgument(name: "features", value: "0", expected: "at least 1 input feature")
        }
        guard data.featureCount == weights.count else {
            throw DescentError.shapeMismatch(operation: "Perceptron.train features", lhs: [weights.count], rhs: data.x.shape)
        }
        guard data.count > 0 else { throw DescentError.emptyDataset(operation: "Perceptron.train") }
        try require(epochs >= 1, "epochs", Double(epochs), "at least 1")
        try require(lr > 0 && lr.isFinite, "lr", lr, "a finite value > 0")
        let labels = try signedLabels(data)
        var random = RandomSource(seed: seed)
        var mistakes: [Int] = []
        var history: [[Double]] = []
        var converged: Int?
        for epoch in 1...epochs {
            let order = shuffle ? random.permutation(data.count) : Array(0..<data.count)
            var count = 0
            for row in order {
                let x = try rowValues(data.x, row)
                let y = labels[row]
                if y * (try activation(x)) <= 0 {
                    count += 1
                    for k in weights.indices { weights[k] += lr * y * x[k] }
                    bias += lr * y
                }
            }
            mistakes.append(count)
            history.append(weights + [bias])
            if count == 0 {
                converged = epoch
                break
            }
        }
        return PerceptronResult(mistakesPerEpoch: mistakes, convergedEpoch: converged, weights: weights, bias: bias, history: history)
    }
}

/// What a perceptron run did: how many mistakes each pass made and where it ended.
public struct PerceptronResult: Sendable, Equatable {
    /// Mistakes (updates) in each pass; the last is 0 when the run converged.
    public let mistakesPerEpoch: [Int]
    /// The first pass (1-based) with no mistake, or nil if every pass had one.
    public let convergedEpoch: Int?
    /// The final weights.
    public let weights: [Double]
    /// The final bias.
    public let bias: Double
    /// The weights followed by the bias after each pass, for drawing the moving boundary.
    public let history: [[Double]]

    public var converged: Bool { convergedEpoch != nil }
}

/// Row `index` of a matrix as an array.
private func rowValues(_ x: Tensor, _ index: Int) throws -> [Double] {
    let columns = x.columnCount
    return Array(x.scalars[index * columns..<(index + 1) * columns])
}

/// Labels as ±1: ±1 labels as they are, 0/1 labels with 0 read as −1; anything else throws.
private func signedLabels(_ data: Dataset) throws -> [Double] {
    let values = data.y.scalars
    if values.allSatisfy({ $0 == 1 || $0 == -1 }) { return values }
    if values.allSatisfy({ $0 == 1 || $0 == 0 }) { return values.map { $0 == 0 ? -1 : 1 } }
    let bad = values.first { $0 != 1 && $0 != -1 && $0 != 0 } ?? 0
    throw DescentError.invalidArgument(
        name: "labels", value: "\(bad)", expected: "two classes labelled -1 and 1, or 0 and 1")
}
