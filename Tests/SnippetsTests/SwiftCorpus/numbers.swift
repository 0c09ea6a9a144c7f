// Int meeting Double where swiftc accepts it: literals take the type their context needs.
struct Shape {
    var area: Double
}
struct Account {
    var balance: Double = 0
    var deposits = 0
}
func half(_ x: Double) -> Double { x / 2 }
func scale<T: Numeric>(_ x: T, by k: T) -> T { x * k }
let a = 3 * 0.5
let b: Double = 3
let c = [1, 2.5]
print(a, b, c, half(3))
let shapes = [Shape(area: 1.5), Shape(area: 2)]
print(shapes.reduce(0) { $0 + $1.area }, shapes.reduce(0.0) { total, shape in total + shape.area })
print(Account().balance, Account().deposits, Account(balance: 2, deposits: 1).balance)
print((1 + 2) * 0.5, -3 * 0.5, 7 / 2 * 1.0, 1 / 2 + 0.25, 2.0 * (10 - 4) / 4)
var total = 0.0
total += 1
total += 7 / 2
total -= 2 * 3
print(total)
print([1, 2, 3].map { $0 * 0.5 }, zip([1, 2], [0.5, 1.5]).map { $0 * $1 }, [4, 8].map { x in x / 2.5 })
let flag = true
let picked = flag ? 1 : 2.5, other = !flag ? 1 : 2.5
let rates = ["a": 1, "b": 2.5]
print(picked, other, rates["a"] ?? 0)
print(scale(2, by: 0.5), scale(2, by: 3), scale(1.5, by: 2))
var x = 0.5
x = 2
print(x, x > 1, x == 2, 3 < x, max(0, -x), min(1, x))
let n = 7
print(Double(n) * 0.5, Double(n) / 2, n / 2, n % 4, Double(n / 2) * 0.5)
let mean = [0.5, 1.5, 4.0].reduce(0, +) / Double(3)
print(mean, [0.5, 1.5].reduce(0) { $0 + $1 * 2 })
let grid = [[0, 1], [1.5, 2]]
print(grid, grid[0][1] * 0.5)
let ints = [1, 2, 3]
let weights: [Double] = [1, 2]
print([1, 2].sorted().map { $0 * 0.5 }, [1, 2].map { $0 * 2 }.map { $0 * 0.5 }, Array(repeating: 1, count: 2).map { $0 * 0.5 })
print(ints.map { Double($0) * 0.5 }, ints.reduce(0) { $0 + $1 }, ints.reduce(0.0) { $0 + Double($1) }, weights.map { $0 * 0.5 })
print(zip([1, 2], [3, 4]).map { $0 * 0.5 + $1 }, ["a": 1].mapValues { $0 * 0.5 }, [1, 2].enumerated().map { $0.element * 0.5 })
print(stride(from: 0, to: 2, by: 1).map { $0 * 0.5 }, [[1, 2]].map { $0.map { $0 * 0.5 } }, [1, 2].reduce(into: 0) { $0 += $1 * 0.5 })
var sums: [String: Double] = [:]
sums["a", default: 0] += 1.5
sums["a", default: 0] += 0.25
var counts = [0, 0]
counts[1] += 2
print(sums, counts, flag ? 1 : 2.5, !flag ? 1 : 2.5, [flag ? 1 : 2.5])
var samples = [0.5]
samples.append(1)
samples.insert(2, at: 0)
samples.append(contentsOf: [3, 4])
var zeros = Array<Double>(repeating: 0, count: 2)
zeros[1] += 0.5
let ones = [Double](repeating: 1, count: 2)
print(samples, zeros, ones, ones.map { $0 * 0.5 }, samples.map { $0 / 2 })
let mask = 12, bits = 10
print(mask & bits, mask | bits, mask ^ bits, mask << 2, mask >> 1, 1 << 70, -8 >> 100, 1 << -1, ~mask)
print(Int.max &+ 1 == Int.min, 3 &* 4, 5 &- 7)
