import Foundation
import Testing
@testable import Descent

/// Learning-rate schedules against torch.optim.lr_scheduler and by hand.
@Suite("Learning-rate schedules")
struct ScheduleTests {
    struct TorchSequences: Decodable {
        struct Sequence: Decodable {
            let kind: String
            let base: Double
            let every: Int?
            let factor: Double?
            let T: Double?
            let minLR: Double?
            let rates: [Double]
        }
        let torch: String
        let schedules: [Sequence]
    }

    @Test("step and cosine match StepLR and CosineAnnealingLR")
    func torchSchedulers() throws {
        let url = try #require(Bundle.module.url(forResource: "schedules", withExtension: "json", subdirectory: "Fixtures"))
        let fixture = try JSONDecoder().decode(TorchSequences.self, from: Data(contentsOf: url))
        #expect(fixture.torch.hasPrefix("2.13"))
        #expect(fixture.schedules.count == 4)
        for sequence in fixture.schedules {
            let schedule: Schedule = sequence.kind == "step"
                ? .step(every: sequence.every ?? 0, factor: sequence.factor ?? 0)
                : .cosine(T: sequence.T ?? 0, minLR: sequence.minLR ?? 0)
            try schedule.validate()
            for (step, expected) in sequence.rates.enumerated() {
                let actual = schedule.lr(at: step, base: sequence.base)
                #expect(Swift.abs(actual - expected) <= 1e-12 * sequence.base,
                        "\(schedule) at step \(step): \(actual) vs torch \(expected)")
            }
        }
    }

    @Test("the notes' formulas by hand")
    func byHand() {
        #expect(Schedule.constant.lr(at: 57, base: 0.3) == 0.3)
        let step = Schedule.step(every: 10, factor: 0.5)
        #expect(step.lr(at: 0, base: 1) == 1 && step.lr(at: 9, base: 1) == 1)
        #expect(step.lr(at: 10, base: 1) == 0.5 && step.lr(at: 25, base: 1) == 0.25)
        let exponential = Schedule.exponential(T: 100)
        #expect(exponential.lr(at: 0, base: 0.2) == 0.2)
        #expect(Swift.abs(exponential.lr(at: 100, base: 0.2) - 0.2 / M_E) < 1e-16)
        #expect(Swift.abs(exponential.lr(at: 50, base: 1) - 0.6065306597126334) < 1e-15)
        let linear = Schedule.linear(T: 100)
        #expect(Swift.abs(linear.lr(at: 25, base: 0.4) - 0.3) < 1e-16)
        #expect(linear.lr(at: 100, base: 0.4) == 0 && linear.lr(at: 150, base: 0.4) == 0)
        let floor = Schedule.linear(T: 100, end: 0.05)
        #expect(Swift.abs(floor.lr(at: 50, base: 0.4) - 0.2) < 1e-16)
        #expect(floor.lr(at: 90, base: 0.4) == 0.05)
        let inverse = Schedule.inverseTime(k: 0.1)
        #expect(inverse.lr(at: 10, base: 1) == 0.5)
        #expect(Swift.abs(inverse.lr(at: 30, base: 1) - 0.25) < 1e-16)
        let cosine = Schedule.cosine(T: 100, minLR: 0.01)
        #expect(cosine.lr(at: 0, base: 0.11) == 0.11)
        #expect(Swift.abs(cosine.lr(at: 50, base: 0.11) - 0.06) < 1e-16)
        #expect(Swift.abs(cosine.lr(at: 100, base: 0.11) - 0.01) < 1e-16)
        #expect(Swift.abs(cosine.lr(at: 130, base: 0.11) - 0.01) < 1e-16, "stays at minLR after T")
        #expect(step.lr(at: -3, base: 1) == 1)
        let expected: [Double] = [1, 1 / 1.1, 1 / 1.2]
        #expect(inverse.rates(base: 1, count: 3) == expected)
    }

    @Test("bad parameters name themselves")
    func validation() {
        let cases: [(Schedule, String, Double)] = [
            (.step(every: 0, factor: 0.5), "every", 0),
            (.step(every: 5, factor: -0.5), "factor", -0.5),
            (.exponential(T: 0), "T", 0),
            (.linear(T: -1), "T", -1),
            (.linear(T: 10, end: -0.1), "end", -0.1),
            (.inverseTime(k: -0.1), "k", -0.1),
            (.cosine(T: .nan, minLR: 0), "T", .nan),
            (.cosine(T: 10, minLR: -1), "minLR", -1),
        ]
        for (schedule, name, value) in cases {
            do {
                try schedule.validate()
                Issue.record("\(schedule) validated")
            } catch let DescentError.invalidHyperparameter(badName, badValue, _) {
                #expect(badName == name)
                #expect(badValue == value || (badValue.isNaN && value.isNaN))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        #expect(throws: Never.self) { try Schedule.constant.validate() }
    }

    @Test("descriptions are the factory calls")
    func descriptions() {
        #expect(Schedule.step(every: 10, factor: 0.5).description == ".step(every: 10, factor: 0.5)")
        #expect(Schedule.exponential(T: 100).description == ".exponential(T: 100.0)")
        #expect(Schedule.linear(T: 100).description == ".linear(T: 100.0)")
        #expect(Schedule.cosine(T: 100, minLR: 0).description == ".cosine(T: 100.0, minLR: 0.0)")
        #expect(Schedule.constant.description == ".constant")
    }
}
