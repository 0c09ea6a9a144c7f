// Generic functions with the usual constraints, as students write them.
func mean<T: BinaryFloatingPoint>(_ xs: [T]) -> T { xs.reduce(0, +) / T(xs.count) }
func half<T: BinaryFloatingPoint>(_ x: T) -> T { x / 2 }
func largest<T: Comparable>(_ items: [T]) -> T? {
    guard var best = items.first else { return nil }
    for item in items where item > best { best = item }
    return best
}
func total<T: Numeric>(_ xs: [T]) -> T { xs.reduce(0, +) }
func countDistinct<T: Hashable>(_ xs: [T]) -> Int { Set(xs).count }
func firstIndex<T: Equatable>(of target: T, in xs: [T]) -> Int? {
    for (i, x) in xs.enumerated() where x == target { return i }
    return nil
}
func describe<T>(_ x: T) -> String where T: CustomStringConvertible { "<" + x.description + ">" }
struct Loss: Comparable, Hashable, CustomStringConvertible {
    var value: Double
    static func < (a: Loss, b: Loss) -> Bool { a.value < b.value }
    var description: String { "loss \(value)" }
}
print(mean([1.0, 2.0, 4.5]), mean([1, 2, 4]), half(3), half(0.5))
print(largest([3, 9, 2]) ?? 0, largest(["sgd", "adam"]) ?? "", largest([Loss(value: 0.3), Loss(value: 0.1)])?.value ?? 0)
print(total([1, 2, 3]), total([0.5, 0.25]), countDistinct([1, 2, 2, 3]), countDistinct([Loss(value: 1), Loss(value: 1)]))
print(firstIndex(of: "adam", in: ["sgd", "adam"]) ?? -1, firstIndex(of: 4, in: [1, 2]) ?? -1)
print(describe(42), describe(Loss(value: 2)), describe(1.5))
enum Phase: Comparable { case warmup, train, decay }
print(Phase.warmup < .decay, Phase.decay >= .train, Phase.train > .decay, largest([Phase.train, .decay, .warmup]) == .decay)
print(Loss(value: 1) > Loss(value: 2), Loss(value: 1) <= Loss(value: 1), Loss(value: 3) >= Loss(value: 2))
let losses = [Loss(value: 2), Loss(value: 1), Loss(value: 3)]
print(losses.sorted().map(\.value), losses.max()?.value ?? 0, losses.min()?.value ?? 0, losses.sorted(by: >).map(\.value))
// (An enum inside an array prints with its module's name in compiled Swift, so cases print one by one.)
print([Phase.decay, .warmup, .train].sorted().map { "\($0)" }, [Phase.train, .decay].max() ?? .warmup, max(Loss(value: 1), Loss(value: 5)).value, min(Phase.train, .warmup))
