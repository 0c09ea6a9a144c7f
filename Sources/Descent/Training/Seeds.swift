/// Repeats a comparison once per seed and summarises each of its runs across the seeds.
///
/// ```swift
/// let seeded = try overSeeds([1, 2, 3, 4, 5]) { seed in
///     try fit(Sequential(seed: seed) { Dense(2, 16, init: .he); ReLU(); Dense(16, 1) },
///             on: train, loss: .bceWithLogits, epochs: 20, batchSize: 32, seed: 100 + seed) {
///         SGD(lr: 0.1, momentum: 0.9)
///         Adam(lr: 0.01)
///     }
/// }
/// ```
///
/// The block decides what a seed changes (the initial weights, the batch order, the data); each
/// comparison it returns is kept as it is, exactly what that call gives alone. Seeds run one
/// after another, in the order given, and each comparison runs its optimizers side by side as
/// usual, so the result is the same bits whatever the thread count. Seeds must be different
/// (a repeated seed repeats its run and narrows the spread) and number 2 to `SeedComparison.maximumSeeds`.
public func overSeeds(_ seeds: some Collection<Int>, _ body: (Int) throws -> Comparison) throws -> SeedComparison {
    try SeedComparison.validate(seeds)
    var comparisons: [Comparison] = []
    for seed in seeds {
        try ExecutionLimits.check()
        comparisons.append(try body(seed))
    }
    return try SeedComparison(seeds: Array(seeds), comparisons: comparisons)
}

/// The comparisons one block gave for several seeds, and its runs summarised across them.
///
/// Only the comparisons are stored; `runs` and the spreads are computed from them when asked,
/// so the numbers exist once and a summary can never disagree with the runs behind it.
public struct SeedComparison: Sendable {
    /// The most seeds one call takes: enough for any spread, and a bound on what a cell can start.
    public static let maximumSeeds = 100

    /// The seeds, in the order they ran.
    public let seeds: [Int]
    /// The comparison each seed gave, in the order of `seeds`.
    public let comparisons: [Comparison]

    /// Checks that `comparisons` come from `seeds` and compare the same runs in the same order.
    public init(seeds: [Int], comparisons: [Comparison]) throws {
        try Self.validate(seeds)
        guard comparisons.count == seeds.count else {
            throw DescentError.invalidArgument(name: "comparisons", value: "\(comparisons.count)",
                                               expected: "one comparison per seed (\(seeds.count))")
        }
        let first = comparisons[0]
        for (seed, comparison) in zip(seeds, comparisons).dropFirst() {
            guard comparison.kind == first.kind else {
                throw DescentError.invalidArgument(
                    name: "the comparison of seed \(seed)", value: "a \(comparison.kind.rawValue) comparison",
                    expected: "a \(first.kind.rawValue) comparison like seed \(seeds[0])'s")
            }
            let names = comparison.runs.map(\.name), expected = first.runs.map(\.name)
            guard names == expected else {
                throw DescentError.invalidArgument(
                    name: "the runs of seed \(seed)", value: Self.list(names),
                    expected: "the runs of seed \(seeds[0]), \(Self.list(expected)): every seed must compare the same optimizers")
            }
        }
        if comparisons.dropFirst().allSatisfy({ Self.sameRuns($0, first) }) {
            throw DescentError.invalidArgument(
                name: "the block", value: "the same runs for every seed",
                expected: "runs that depend on the seed: pass it to what should vary, e.g. Sequential(seed: seed) and fit(..., seed: seed)")
        }
        self.seeds = seeds
        self.comparisons = comparisons
    }

    /// Whether two comparisons' runs have the same losses, bit for bit: a block that ignores its seed.
    private static func sameRuns(_ a: Comparison, _ b: Comparison) -> Bool {
        func bits(_ run: Run) -> [UInt64] { (run.loss + run.stepLoss + run.validationLoss).map(\.bitPattern) }
        return a.runs.map(bits) == b.runs.map(bits)
    }

    /// Throws unless there are 2 to `maximumSeeds` seeds, all different.
    public static func validate(_ seeds: some Collection<Int>) throws {
        let count = seeds.count
        guard count >= 2 else {
            throw DescentError.invalidArgument(
                name: "seeds", value: count == 0 ? "none" : "only \(list(Array(seeds).map(String.init)))",
                expected: "at least 2 different seeds (a spread needs two runs)")
        }
        guard count <= maximumSeeds else {
            throw DescentError.invalidArgument(name: "seeds", value: "\(count) seeds", expected: "at most \(maximumSeeds) seeds")
        }
        var seen: Set<Int> = []
        for seed in seeds where !seen.insert(seed).inserted {
            throw DescentError.invalidArgument(
                name: "seeds", value: "\(seed) twice",
                expected: "different seeds (a repeated seed repeats its run and narrows the spread)")
        }
    }

    /// Whether the runs are of `minimize` or of `fit`.
    public var kind: Comparison.Kind { comparisons[0].kind }
    /// The first seed's title with the number of seeds, e.g. "moons: 20 epochs, batch 32, 5 seeds".
    public var title: String { "\(comparisons[0].title), \(seeds.count) seeds" }

    /// One entry per optimizer, in the comparisons' order, with its run at every seed.
    public var runs: [SeedRuns] {
        comparisons[0].runs.indices.map { index in
            SeedRuns(name: comparisons[0].runs[index].name, runs: comparisons.map { $0.runs[index] })
        }
    }

    /// The optimizer's runs across the seeds, by the name the comparison gives them.
    public subscript(name: String) -> SeedRuns? { runs.first { $0.name == name } }

    static func list(_ names: [String]) -> String { "[" + names.joined(separator: ", ") + "]" }
}

/// One optimizer's run at every seed, and each of its curves as a mean and spread per step or epoch.
///
/// A curve's summary ends where the shortest of the seeds' curves ends (see `Spread.curve`);
/// a seed that diverged ends its curve on a value that is not finite, so the mean diverges too.
public struct SeedRuns: Sendable {
    /// The optimizer's name, e.g. `Adam(lr: 0.1)`.
    public let name: String
    /// Its run at each seed, in the order of the seeds.
    public let runs: [Run]

    /// `minimize`: J(θ_t) per step, index 0 the start; `fit`: the training loss per epoch.
    public var loss: [Spread] { Spread.curve(runs.map(\.loss)) }
    /// `fit`: the validation loss per epoch; empty without a validation set.
    public var validationLoss: [Spread] { Spread.curve(runs.map(\.validationLoss)) }
    /// `fit`: the training accuracy per epoch, for classification losses.
    public var accuracy: [Spread] { Spread.curve(runs.map(\.accuracy)) }
    /// `fit`: the validation accuracy per epoch, for classification losses with a validation set.
    public var validationAccuracy: [Spread] { Spread.curve(runs.map(\.validationAccuracy)) }
    /// Each seed's last finite loss (`Run.finalLoss`), wherever its run ended.
    public var finalLoss: Spread { Spread(unchecked: runs.map(\.finalLoss)) }
    /// Each seed's last validation loss (NaN without a validation set).
    public var finalValidationLoss: Spread { Spread(unchecked: runs.map(\.finalValidationLoss)) }
}
