import Foundation
import Testing
@testable import Descent

/// Warm-up, one-cycle and gradient clipping against torch (scripts/make-fixtures.py), and in use.
@Suite("Warm-up, one-cycle and clipping")
struct TrainingRulesTests {
    struct Fixture: Decodable {
        struct Then: Decodable { let T: Double; let minLR: Double }
        struct Warmup: Decodable { let base: Double; let steps: Int; let from: Double; let then: Then?; let rates: [Double] }
        struct OneCycle: Decodable {
            let base: Double; let total: Int; let pctStart: Double; let divFactor: Double; let finalDivFactor: Double; let rates: [Double]
        }
        struct Clip: Decodable {
            let kind: String; let limit: Double; let shapes: [[Int]]; let before: [[Double]]; let after: [[Double]]; let totalNorm: Double?
        }
        struct Plateau: Decodable {
            let base: Double; let factor: Double; let patience: Int; let threshold: Double; let cooldown: Int; let minLR: Double
            let metrics: [Double]; let rates: [Double]
        }
        let torch: String
        let plateaus: [Plateau]
        let warmups: [Warmup]
        let oneCycles: [OneCycle]
        let clipping: [Clip]
    }

    static func fixture() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "training-rules", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test("warmup matches LinearLR and SequentialLR(LinearLR, CosineAnnealingLR)")
    func warmups() throws {
        let fixture = try Self.fixture()
        #expect(fixture.torch.hasPrefix("2.13"))
        #expect(fixture.warmups.count == 3)
        for warmup in fixture.warmups {
            let then: Schedule = warmup.then.map { .cosine(T: $0.T, minLR: $0.minLR) } ?? .constant
            let schedule = Schedule.warmup(steps: warmup.steps, from: warmup.from, then: then)
            try schedule.validate()
            for (step, expected) in warmup.rates.enumerated() {
                let actual = schedule.lr(at: step, base: warmup.base)
                #expect(Swift.abs(actual - expected) <= 1e-12 * warmup.base, "\(schedule) at step \(step): \(actual) vs torch \(expected)")
            }
        }
    }

    @Test("oneCycle matches OneCycleLR")
    func oneCycles() throws {
        for cycle in try Self.fixture().oneCycles {
            let schedule = Schedule.oneCycle(total: cycle.total, pctStart: cycle.pctStart, divFactor: cycle.divFactor, finalDivFactor: cycle.finalDivFactor)
            try schedule.validate()
            for (step, expected) in cycle.rates.enumerated() {
                let actual = schedule.lr(at: step, base: cycle.base)
                #expect(Swift.abs(actual - expected) <= 1e-12 * cycle.base, "\(schedule) at step \(step): \(actual) vs torch \(expected)")
            }
            let last = try #require(cycle.rates.last)
            #expect(schedule.lr(at: cycle.total + 50, base: cycle.base) == schedule.lr(at: cycle.total - 1, base: cycle.base))
            #expect(Swift.abs(last - cycle.base / cycle.divFactor / cycle.finalDivFactor) <= 1e-15)
        }
    }

    @Test("reduceOnPlateau matches ReduceLROnPlateau on the same losses")
    func plateaus() throws {
        let cases = try Self.fixture().plateaus
        #expect(cases.count == 3)
        for item in cases {
            let schedule = Schedule.reduceOnPlateau(factor: item.factor, patience: item.patience, threshold: item.threshold,
                                                    cooldown: item.cooldown, minLR: item.minLR)
            try schedule.validate()
            var tracker = try #require(PlateauTracker(schedule, base: item.base))
            for (step, (metric, expected)) in zip(item.metrics, item.rates).enumerated() {
                #expect(Swift.abs(tracker.lr - expected) <= 1e-12 * item.base, "\(schedule) at step \(step): \(tracker.lr) vs torch \(expected)")
                tracker.observe(metric)
            }
            #expect(Set(item.rates).count > 1, "the fixture lowers the rate at least once")
        }
        #expect(PlateauTracker(.cosine(T: 10), base: 1) == nil)
    }

    @Test("minimize lowers the rate once the loss stops falling")
    func plateauInMinimize() throws {
        // Plain GD with a rate too large for the bowl bounces between ±1 and never improves: the rate must fall.
        let comparison = try minimize(Quadratic(a: 1, b: 1), from: [1, 1], steps: 12, schedule: .reduceOnPlateau(factor: 0.5, patience: 1),
                                      optimizers: [GD(lr: 1)])
        let rates = try #require(comparison.runs.first).learningRate
        #expect(rates.first == 1)
        #expect(rates.contains(0.5) && (rates.last ?? 1) < 0.5)
    }

    @Test("clipping matches clip_grad_norm_ and clip_grad_value_")
    func clipping() throws {
        let cases = try Self.fixture().clipping
        #expect(cases.count == 5)
        for item in cases {
            let before = try zip(item.shapes, item.before).map { try Tensor(shape: $0, scalars: $1) }
            let rule: GradientClipping = item.kind == "norm" ? .norm(item.limit) : .value(item.limit)
            try rule.validate()
            let after = rule.apply(before)
            for (mine, theirs) in zip(after, item.after) {
                for (a, b) in zip(mine.scalars, theirs) { #expect(Swift.abs(a - b) <= 1e-12 * (1 + Swift.abs(b)), "\(rule): \(a) vs torch \(b)") }
            }
            if let total = item.totalNorm { #expect(Swift.abs(GradientClipping.totalNorm(before) - total) <= 1e-12 * total) }
        }
    }

    @Test("bad parameters name themselves")
    func validation() {
        let schedules: [(Schedule, String)] = [
            (.warmup(steps: 0), "steps"), (.warmup(steps: 5, from: 0), "from"), (.warmup(steps: 5, from: 1.5), "from"),
            (.warmup(steps: 5, then: .cosine(T: -1)), "T"), (.oneCycle(total: 1), "total"), (.oneCycle(total: 100, pctStart: 1), "pctStart"),
            (.oneCycle(total: 4, pctStart: 0.3), "pctStart"), (.oneCycle(total: 100, divFactor: 0.5), "divFactor"),
            (.reduceOnPlateau(factor: 1), "factor"), (.reduceOnPlateau(patience: -1), "patience"), (.reduceOnPlateau(minLR: -1), "minLR"),
        ]
        for (schedule, name) in schedules {
            #expect(throws: DescentError.self, "\(schedule)") { try schedule.validate() }
            do { try schedule.validate() } catch { #expect("\(error)".contains(name), "\(schedule): \(error)") }
        }
        for rule in [GradientClipping.norm(0), .norm(.infinity), .value(-1), .value(.nan)] {
            #expect(throws: DescentError.self, "\(rule)") { try rule.validate() }
        }
        #expect(Schedule.warmup(steps: 5, from: 0.1, then: .cosine(T: 10)).description == ".warmup(steps: 5, from: 0.1, then: .cosine(T: 10.0, minLR: 0.0))")
    }

    @Test("fit clips each minibatch's gradients before the step")
    func fitClips() throws {
        let x = try Tensor(shape: [4, 1], scalars: [1, 2, 3, 4])
        let y = try Tensor(shape: [4, 1], scalars: [20, 40, 60, 80])
        let data = try Dataset(x: x, y: y)
        let model = Sequential(seed: 1, layers: [Dense(1, 1)])
        let start = model.parameters
        let clipped = try fit(model, on: data, loss: .mse, epochs: 1, clip: .norm(0.5), optimizers: [SGD(lr: 1)])
        let free = try fit(model, on: data, loss: .mse, epochs: 1, optimizers: [SGD(lr: 1)])
        func moved(_ comparison: Comparison) throws -> Double {
            let trained = try #require(comparison.runs.first?.trainedModel).parameters
            return GradientClipping.totalNorm(try zip(trained, start).map { try $0 - $1 })
        }
        // One full-batch SGD step of rate 1 moves the weights by the clipped gradient: norm 0.5 (less torch's 1e-6).
        #expect(Swift.abs(try moved(clipped) - 0.5) < 1e-5)
        #expect(try moved(free) > 10)
        #expect(throws: DescentError.self) { try fit(model, on: data, loss: .mse, epochs: 1, clip: .value(0), optimizers: [SGD(lr: 1)]) }
    }
}
