/// The mean and spread of a few numbers, e.g. one optimizer's final loss over several seeds.
///
/// `standardDeviation` is the *sample* standard deviation,
/// s = √(Σᵢ (xᵢ − x̄)² / (n − 1)), with Bessel's correction, as `torch.std`, pandas' `std` and
/// R's `sd` compute by default (NumPy's `np.std` needs `ddof=1` for it). The values are a sample
/// of the results other seeds would give, and the spread is there to say how far another seed's
/// result may fall from the mean; dividing by n (the population form) underestimates that, by a
/// factor √((n − 1)/n), 0.89 for five seeds. Hence a spread needs two values at least. (A
/// `Standardizer` divides by n: it describes the very rows it rescales, as scikit-learn's does.)
///
/// The mean is the sum in the values' order divided by n, and the squares are summed about that
/// mean in the same order (two passes, no running update), so the same values give the same bits.
/// A value that is not finite makes the mean and the standard deviation not finite too: a seed
/// that diverged is not averaged away.
public struct Spread: Sendable, Equatable, Codable, CustomStringConvertible {
    /// x̄ = Σᵢ xᵢ / n.
    public var mean: Double
    /// The sample standard deviation s (divided by n − 1).
    public var standardDeviation: Double
    /// The smallest and the largest value.
    public var minimum: Double
    public var maximum: Double
    /// n, how many values (seeds) were summarised.
    public var count: Int

    /// The spread of `values`; throws for fewer than two.
    public init(_ values: [Double]) throws {
        guard values.count >= 2 else {
            throw DescentError.invalidArgument(
                name: "values", value: "\(values.count) value\(values.count == 1 ? "" : "s")",
                expected: "at least 2 values (a sample standard deviation divides by n − 1)")
        }
        self.init(unchecked: values)
    }

    /// The spread of at least two values (callers have checked the count).
    init(unchecked values: [Double]) {
        let n = Double(values.count)
        var sum = 0.0
        for value in values { sum += value }
        let mean = sum / n
        var squares = 0.0
        for value in values {
            let deviation = value - mean
            squares += deviation * deviation
        }
        var low = values[0], high = values[0]
        for value in values.dropFirst() {
            if value < low || value.isNaN { low = value }
            if value > high || value.isNaN { high = value }
        }
        self.mean = mean
        self.standardDeviation = (squares / (n - 1)).squareRoot()
        self.minimum = low
        self.maximum = high
        self.count = values.count
    }

    /// x̄ − s, the lower edge of a band plot.
    public var lower: Double { mean - standardDeviation }
    /// x̄ + s, the upper edge of a band plot.
    public var upper: Double { mean + standardDeviation }

    /// `0.5 ± 0.1 (min 0.4, max 0.6, 3 values)`.
    public var description: String {
        "\(mean) ± \(standardDeviation) (min \(minimum), max \(maximum), \(count) values)"
    }

    /// Each index of several curves summarised across them, up to the end of the shortest curve.
    ///
    /// Curves end early when a run stopped (a criterion) or diverged; summarising only the
    /// indices every curve reached keeps each point a mean of the same seeds, rather than of the
    /// seeds that happened to run longest.
    static func curve(_ curves: [[Double]]) -> [Spread] {
        guard curves.count >= 2, let length = curves.map(\.count).min() else { return [] }
        return (0..<length).map { index in Spread(unchecked: curves.map { $0[index] }) }
    }
}
