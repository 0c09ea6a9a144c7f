// Optionals in training code: try? and do/catch over runs, compactMapValues, a closure storing into a
// Double? variable, ?? with a literal that takes the optional's type (compiled by swiftc).
enum TrainingError: Error { case diverged(step: Int), empty }

func train(_ losses: [Double]) throws -> Double {
    guard let first = losses.first else { throw TrainingError.empty }
    if let bad = losses.firstIndex(where: { !$0.isFinite }) { throw TrainingError.diverged(step: bad) }
    return losses.last ?? first
}

var results: [String: Double?] = [:]
for (name, run) in [("a", [1.0, 0.5]), ("b", [1.0, .nan]), ("c", [])] {
    results[name] = try? train(run)
    do {
        let final = try train(run)
        print(name, "ends at", final)
    } catch TrainingError.diverged(let step) {
        print(name, "diverged at", step)
    } catch {
        print(name, "failed:", error)
    }
}
let best = results.compactMapValues { $0 }.min { $0.value < $1.value }
print(best?.key, best?.value)
var lastLoss: Double?
let recorder: (Double) -> Void = { lastLoss = $0 }
recorder(0.25)
print(lastLoss, lastLoss.map { $0 * 4 })
let threshold: Double? = nil
let passed = [0.3, 0.1].filter { $0 < (threshold ?? 0.2) }
print(passed, threshold == nil ? "default" : "custom")
struct Config { var lr: Double = 0.1; var decay: Double? }
var config = Config()
config.decay = 0.5
print(config, config.decay! * config.lr)
config.decay = nil
print(config.decay ?? 0, config)
var unset: Double?
print(unset ?? 0, unset ?? 1.5, [3].first ?? 0)
func lastLoss(_ xs: [Double]) -> Double? { xs.last }
print(lastLoss([]) ?? 0, lastLoss([0.5]) ?? 0)
