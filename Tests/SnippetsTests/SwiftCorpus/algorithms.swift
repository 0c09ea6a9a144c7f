// Collection algorithms with closures, tuple destructuring, stride, numeric printing.
let xs = [3.0, 1.5, 4.0, 1.0, 5.5]
let ys = [2.0, 0.5, 1.0, 3.0, 2.5]

let dot = zip(xs, ys).map { $0 * $1 }.reduce(0, +)
let sums = zip(xs, ys).map { (x, y) in x + y }
let diffs = zip(xs, ys).map { $0.0 - $0.1 }
print(dot, sums, diffs)

for (i, x) in xs.enumerated() where x > 3 { print(i, x) }
let labelled = xs.enumerated().map { i, x in "\(i):\(x)" }
print(labelled.joined(separator: " "))

print(xs.sorted(), xs.sorted(by: >), xs.min()!, xs.max()!)
print(xs.filter { $0 > 2 }.count, xs.contains(where: { $0 > 5 }), xs.allSatisfy { $0 > 0 })
print(xs.first(where: { $0 > 3.5 })!, xs.firstIndex(of: 4.0)!, Array(xs.reversed().prefix(2)))

let words = ["gradient", "descent", "adam", "momentum", "sgd", "nesterov"]
let byLength = words.reduce(into: [Int: [String]]()) { groups, w in groups[w.count, default: []].append(w) }
for length in byLength.keys.sorted() { print(length, byLength[length]!) }
let shortest = words.min(by: { $0.count < $1.count })!
let longest = words.max { $0.count < $1.count }!
print(shortest, longest)
print(words.map { $0.count }.reduce(into: 0) { $0 += $1 })
print([[1, 2], [3], [4, 5, 6]].flatMap { $0 }, [[1, 2], [3]].map { $0.count })

var ranks = [5, 3, 8, 1]
ranks.swapAt(0, 3)
ranks.sort()
print(ranks)

let squares = stride(from: 0, to: 10, by: 3).map { $0 * $0 }
print(squares, Array(1...4).map { Double($0) / 4 })
print(1.0 / 3.0, 2.0 / 3.0, 1e-5, 1e16, 123456789.0 * 1000, 0.1 + 0.2, Double(7) / 2, 7 / 2, -7 % 3)
print(Int.max, Double.pi, (2.0).squareRoot(), 10.0.truncatingRemainder(dividingBy: 3))
let unique: Set<Int> = [1, 2, 2, 3, 3, 3]
print(unique.count, unique.contains(3), Set(words.map { $0.count }).count)
