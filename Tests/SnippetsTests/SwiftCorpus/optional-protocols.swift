// Optionals through protocols and tuples: a dictionary of any Schedule, as? casts, min over labelled tuples,
// optional chains into nested arrays and a dictionary of arrays (compiled by swiftc).
protocol Schedule { func rate(at step: Int) -> Double }
struct StepDecay: Schedule {
    var base: Double
    var every: Int
    func rate(at step: Int) -> Double { base / Double(1 << (step / every)) }
}
struct Warmup: Schedule {
    var target: Double
    var steps: Int
    func rate(at step: Int) -> Double { step < steps ? target * Double(step + 1) / Double(steps) : target }
}
let schedules: [String: any Schedule] = ["decay": StepDecay(base: 0.1, every: 10), "warm": Warmup(target: 0.05, steps: 5)]
let decay = schedules["decay"]
print(decay?.rate(at: 25), schedules["none"]?.rate(at: 1))
if let warm = schedules["warm"] as? Warmup { print(warm.steps, warm.rate(at: 2)) }
let rates = (0..<4).map { schedules["warm"]?.rate(at: $0) ?? 0 }
print(rates)
var history: [(step: Int, loss: Double)] = []
for step in 0..<5 { history.append((step: step, loss: 1.0 / Double(step + 1))) }
let best = history.min { $0.loss < $1.loss }
print(best?.step, best.map { "\($0.loss)" } ?? "none")
let firstBelow = history.first { $0.loss < 0.4 }?.step
print(firstBelow, history.last?.loss)
let names = ["sgd", "adam", nil, "rmsprop"]
print(names.compactMap { $0?.uppercased() }, names.map { $0?.count ?? 0 })
let nested: [[Double]]? = [[1, 2], [3]]
print(nested?.first?.last, nested?.count, nested?[1].first)
var cache: [String: [Double]] = [:]
cache["a", default: []].append(1.5)
cache["a"]?.append(2.5)
print(cache["a"], cache["a"]?.count, cache["b"]?.isEmpty)
