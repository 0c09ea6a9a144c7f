import Foundation
import Testing
@testable import Descent

/// `Spread` against hand-computed statistics, and `overSeeds` against the single-seed runs it repeats.
@Suite("overSeeds")
struct SeedsTests {
    @Test func aSpreadIsTheMeanAndTheSampleStandardDeviation() throws {
        // 1, 2, 3, 4: mean 5/2; squared deviations 9/4 + 1/4 + 1/4 + 9/4 = 5; s² = 5/3 (not 5/4).
        let spread = try Spread([1, 2, 3, 4])
        #expect(spread.mean == 2.5)
        #expect(abs(spread.standardDeviation - (5.0 / 3).squareRoot()) < 1e-15)
        #expect(abs(spread.standardDeviation - (5.0 / 4).squareRoot()) > 0.1, "the population form divides by n")
        #expect(spread.minimum == 1 && spread.maximum == 4 && spread.count == 4)
        // Two values 0 and 2: mean 1, s = √((1 + 1)/1) = √2, so the band 1 ± √2 reaches past both.
        let two = try Spread([2, 0])
        #expect(two.mean == 1 && two.standardDeviation == 2.0.squareRoot())
        #expect(two.lower == 1 - 2.0.squareRoot() && two.upper == 1 + 2.0.squareRoot())
        #expect(two.minimum == 0 && two.maximum == 2)
        // Equal values (exact in binary, so their mean is exact too) have no spread.
        #expect(try Spread([0.5, 0.5, 0.5]).standardDeviation == 0)
    }

    @Test func aValueThatIsNotFiniteIsNotAveragedAway() throws {
        let diverged = try Spread([1, .infinity, 3])
        #expect(diverged.mean == .infinity)
        #expect(!diverged.standardDeviation.isFinite)
        #expect(diverged.maximum == .infinity && diverged.minimum == 1)
        let nan = try Spread([.nan, 1, 2])
        #expect(nan.mean.isNaN && nan.minimum.isNaN && nan.maximum.isNaN)
    }

    @Test func aSpreadNeedsTwoValues() {
        #expect(throws: DescentError.self) { try Spread([]) }
        #expect(throws: DescentError.self) { try Spread([3]) }
    }

    @Test func curvesAreSummarisedUpToTheShortest() {
        // Index 0: 1 and 3; index 1: 2 and 4; the third value of the first curve has no partner.
        let curve = Spread.curve([[1, 2, 5], [3, 4]])
        #expect(curve.count == 2)
        #expect(curve.map(\.mean) == [2, 3])
        let root2 = Double(2).squareRoot()
        #expect(curve.map(\.standardDeviation) == [root2, root2])
    }

    func moons() throws -> (Dataset, Dataset) {
        let data = try Moons(count: 120, noise: 0.2, seed: 1).standardized()
        return try data.split(0.75, seed: 2)
    }

    func network(seed: Int) -> Sequential {
        Sequential(seed: seed) { Dense(2, 8, init: .he); ReLU(); Dropout(0.1); Dense(8, 1, init: .xavier) }
    }

    func comparison(seed: Int, _ train: Dataset, _ validation: Dataset) throws -> Comparison {
        try fit(network(seed: seed), on: train, validation: validation, loss: .bceWithLogits,
                epochs: 3, batchSize: 16, seed: 100 + seed) {
            SGD(lr: 0.1, momentum: 0.9)
            Adam(lr: 0.01)
        }
    }

    /// Every recorded number of every run, as bits.
    func bits(_ comparison: Comparison) -> [[UInt64]] {
        comparison.runs.map { run in
            (run.loss + run.stepLoss + run.validationLoss + run.accuracy + run.validationAccuracy + run.gradientNorm
                + (run.trainedModel?.parameters.flatMap(\.scalars) ?? [])).map(\.bitPattern)
        }
    }

    @Test func eachSeedsRunIsTheSingleSeedRunBitForBit() throws {
        let (train, validation) = try moons()
        var order: [Int] = []
        let seeded = try overSeeds([7, 3, 5]) { seed in
            order.append(seed)
            return try comparison(seed: seed, train, validation)
        }
        #expect(order == [7, 3, 5], "seeds run in the order given")
        #expect(seeded.seeds == [7, 3, 5])
        for (seed, repeated) in zip(seeded.seeds, seeded.comparisons) {
            #expect(bits(repeated) == bits(try comparison(seed: seed, train, validation)), "seed \(seed)")
        }
        // The summaries are the spreads of those runs, index by index.
        let adam = try #require(seeded["Adam(lr: 0.01)"])
        #expect(adam.runs.count == 3)
        for epoch in 0..<3 {
            let values = seeded.comparisons.map { $0.runs[1].validationLoss[epoch] }
            #expect(adam.validationLoss[epoch] == (try Spread(values)))
        }
        #expect(adam.finalLoss == (try Spread(seeded.comparisons.map { $0.runs[1].finalLoss })))
        #expect(seeded.runs.map(\.name) == ["SGD(lr: 0.1, momentum: 0.9)", "Adam(lr: 0.01)"])
        #expect(seeded.kind == .fit && seeded.title.hasSuffix(", 3 seeds"))
    }

    @Test func sameSeedsSameBitsWhateverTheThreads() throws {
        let (train, validation) = try moons()
        func run(_ settings: ComputeSettings, parallel: Bool) throws -> [[[UInt64]]] {
            var limits = ExecutionLimits()
            limits.allowsParallelRuns = parallel
            return try ComputeSettings.$current.withValue(settings) {
                try limits.run {
                    try overSeeds(1...3) { seed in try comparison(seed: seed, train, validation) }.comparisons.map(bits)
                }
            }
        }
        var one = ComputeSettings.automatic
        one.threads = 1
        var eager = ComputeSettings.twoThreads
        eager.elementThreshold = 1
        eager.productThreshold = 1
        let serial = try run(one, parallel: false)
        #expect(serial == (try run(eager, parallel: false)), "every kernel split across two threads")
        #expect(serial == (try run(.twoThreads, parallel: true)), "the optimizers of each seed side by side")
    }

    @Test func seedsAreCheckedBeforeAnyRun() {
        var calls = 0
        func attempt(_ seeds: some Collection<Int>) -> String {
            do {
                _ = try overSeeds(seeds) { _ in
                    calls += 1
                    return try minimize(Quadratic(), from: [1, 1], steps: 1) { GD(lr: 0.1) }
                }
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(attempt([Int]()) == "invalid value for seeds: none, expected at least 2 different seeds (a spread needs two runs)")
        #expect(attempt([4]) == "invalid value for seeds: only [4], expected at least 2 different seeds (a spread needs two runs)")
        #expect(attempt([1, 2, 1]) == "invalid value for seeds: 1 twice, expected different seeds (a repeated seed repeats its run and narrows the spread)")
        #expect(attempt(0..<101) == "invalid value for seeds: 101 seeds, expected at most 100 seeds")
        #expect(attempt(0..<Int.max) == "invalid value for seeds: 9223372036854775807 seeds, expected at most 100 seeds")
        #expect(calls == 0)
    }

    @Test func theBlockMustCompareTheSameRunsAndUseItsSeed() throws {
        func message(_ body: (Int) throws -> Comparison) -> String {
            do { _ = try overSeeds([1, 2], body); return "no error" } catch { return "\(error)" }
        }
        let ignored = message { _ in try minimize(Quadratic(), from: [1, 1], steps: 2) { GD(lr: 0.1) } }
        #expect(ignored.hasPrefix("invalid value for the block: the same runs for every seed"), "\(ignored)")
        let changed = message { seed in
            try minimize(Quadratic(), from: [Double(seed), 1], steps: 2, optimizers: seed == 1 ? [GD(lr: 0.1)] : [GD(lr: 0.2)])
        }
        #expect(changed == "invalid value for the runs of seed 2: [GD(lr: 0.2)], expected the runs of seed 1, [GD(lr: 0.1)]: every seed must compare the same optimizers", "\(changed)")
        let train = try moons().0
        let mixed = message { seed in
            if seed == 1 { return try minimize(Quadratic(), from: [1, 1], steps: 2) { GD(lr: 0.1) } }
            return try fit(network(seed: seed), on: train, loss: .bceWithLogits, epochs: 1) { GD(lr: 0.1) }
        }
        #expect(mixed == "invalid value for the comparison of seed 2: a fit comparison, expected a minimize comparison like seed 1's", "\(mixed)")
    }

    @Test func aDivergedSeedEndsTheMeanCurve() throws {
        // GD(lr: 1.1) on x² + y² multiplies x by −1.2 each step, the loss by 1.44: from x = 1e154
        // the loss is 1e308, then 1.44e308, then past the largest Double (1.8e308) at step 2.
        let seeded = try overSeeds([1, 2]) { seed in
            try minimize(Quadratic(), from: seed == 1 ? [1e154, 0] : [1, 0], steps: 10) { GD(lr: 1.1) }
        }
        let run = try #require(seeded.runs.first)
        let diverged = try #require(seeded.comparisons[0].runs[0].divergedAt)
        #expect(diverged == 2)
        #expect(run.loss.count == diverged + 1, "the curve ends where the shorter run ended")
        #expect(run.loss.last.map { !$0.mean.isFinite } == true)
        #expect(run.loss.dropLast().allSatisfy { $0.mean.isFinite })
    }
}
