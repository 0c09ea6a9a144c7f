import Foundation
import Testing
@testable import Descent

/// torch.optim runs recorded by scripts/make-fixtures.py (Fixtures/optimizers.json).
struct OptimizerFixture: Decodable {
    struct Case: Decodable {
        struct ScheduleSpec: Decodable {
            let kind: String
            let every: Int?
            let factor: Double?
            let T: Double?
            let minLR: Double?
        }

        let name: String
        let optimizer: String
        let options: [String: OptionValue]
        let torch: String
        /// gradients[step][parameter]: the flat gradient torch computed before that step.
        let gradients: [[[Double]]]
        /// parameters[step][parameter]: the flat parameters after that step.
        let parameters: [[[Double]]]
        /// rates[step]: the learning rate torch used for that step.
        let rates: [Double]
        let schedule: ScheduleSpec?

        var swiftSchedule: Schedule? {
            guard let schedule else { return nil }
            switch schedule.kind {
            case "step": return .step(every: schedule.every ?? 0, factor: schedule.factor ?? 0)
            case "cosine": return .cosine(T: schedule.T ?? 0, minLR: schedule.minLR ?? 0)
            default: return nil
            }
        }
    }

    /// A JSON option: a number or a flag.
    enum OptionValue: Decodable {
        case number(Double)
        case flag(Bool)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }
    }

    let torch: String
    let steps: Int
    let shapes: [[Int]]
    let initial: [[Double]]
    let cases: [Case]

    static func load() throws -> OptimizerFixture {
        let url = try #require(Bundle.module.url(forResource: "optimizers", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(OptimizerFixture.self, from: Data(contentsOf: url))
    }

    /// Case names for parameterized tests; a placeholder that fails if the fixture is missing.
    static let caseNames: [String] = shared?.cases.map(\.name) ?? ["<optimizers.json missing or unreadable>"]

    /// Loaded once: the file holds 38 runs of 100 steps.
    static let shared: OptimizerFixture? = try? load()

    func initialParameters() throws -> [Tensor] {
        try zip(shapes, initial).map { try Tensor(shape: $0, scalars: $1) }
    }

    func tensors(_ flat: [[Double]]) throws -> [Tensor] {
        try zip(shapes, flat).map { try Tensor(shape: $0, scalars: $1) }
    }
}

extension OptimizerFixture.Case {
    func number(_ key: String, _ fallback: Double) -> Double {
        if case let .number(value)? = options[key] { return value }
        return fallback
    }

    func flag(_ key: String, _ fallback: Bool) -> Bool {
        if case let .flag(value)? = options[key] { return value }
        return fallback
    }

    func has(_ key: String) -> Bool { options[key] != nil }

    /// The Swift optimizer for this case: only the options given are passed, so the
    /// Swift defaults are what an option-free case checks against torch's.
    func makeOptimizer() throws -> any Optimizing {
        // Each branch passes only given options by falling back to the Swift type's own default:
        // a case with no options builds the optimizer with no arguments at all.
        switch optimizer {
        case "GD":
            return has("lr") ? GD(lr: number("lr", .nan)) : GD()
        case "SGD":
            let d = SGD()
            return SGD(lr: number("lr", d.lr), momentum: number("momentum", d.momentum),
                       dampening: number("dampening", d.dampening), nesterov: flag("nesterov", d.nesterov),
                       weightDecay: number("weightDecay", d.weightDecay))
        case "AdaGrad":
            let d = AdaGrad()
            return AdaGrad(lr: number("lr", d.lr), lrDecay: number("lrDecay", d.lrDecay),
                           weightDecay: number("weightDecay", d.weightDecay),
                           initialAccumulatorValue: number("initialAccumulatorValue", d.initialAccumulatorValue),
                           eps: number("eps", d.eps))
        case "RMSProp":
            let d = RMSProp()
            return RMSProp(lr: number("lr", d.lr), alpha: number("alpha", d.alpha), eps: number("eps", d.eps),
                           weightDecay: number("weightDecay", d.weightDecay), momentum: number("momentum", d.momentum),
                           centered: flag("centered", d.centered))
        case "AdaDelta":
            let d = AdaDelta()
            return AdaDelta(lr: number("lr", d.lr), rho: number("rho", d.rho), eps: number("eps", d.eps),
                            weightDecay: number("weightDecay", d.weightDecay))
        case "Adam":
            let d = Adam()
            return Adam(lr: number("lr", d.lr), beta1: number("beta1", d.beta1), beta2: number("beta2", d.beta2),
                        eps: number("eps", d.eps), weightDecay: number("weightDecay", d.weightDecay),
                        amsgrad: flag("amsgrad", d.amsgrad),
                        decoupledWeightDecay: flag("decoupledWeightDecay", d.decoupledWeightDecay))
        case "AdamW":
            let d = AdamW()
            return AdamW(lr: number("lr", d.lr), beta1: number("beta1", d.beta1), beta2: number("beta2", d.beta2),
                         eps: number("eps", d.eps), weightDecay: number("weightDecay", d.weightDecay),
                         amsgrad: flag("amsgrad", d.amsgrad))
        case "NAdam":
            let d = NAdam()
            return NAdam(lr: number("lr", d.lr), beta1: number("beta1", d.beta1), beta2: number("beta2", d.beta2),
                         eps: number("eps", d.eps), weightDecay: number("weightDecay", d.weightDecay),
                         momentumDecay: number("momentumDecay", d.momentumDecay),
                         decoupledWeightDecay: flag("decoupledWeightDecay", d.decoupledWeightDecay))
        default:
            throw DescentError.invalidArgument(name: "optimizer", value: optimizer, expected: "a Descent optimizer")
        }
    }
}

/// The largest element difference relative to the reference's largest magnitude.
func relativeError(_ actual: [Double], _ expected: [Double]) -> Double {
    guard actual.count == expected.count else { return .infinity }
    var difference = 0.0
    var scale = 0.0
    for (a, b) in zip(actual, expected) {
        difference = Swift.max(difference, Swift.abs(a - b))
        scale = Swift.max(scale, Swift.abs(b))
    }
    if difference.isNaN { return .infinity }
    return difference / Swift.max(scale, 1e-300)
}
