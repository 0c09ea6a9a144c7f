// Set algebra as students write it. Swift's set order changes from run to run,
// so every printout goes through sorted() or a count.
let primes: Set<Int> = [2, 3, 5, 7, 11, 13]
let odds = Set(stride(from: 1, to: 14, by: 2))
print(primes.count, odds.count, primes.contains(9), odds.contains(9))
print(primes.union(odds).sorted())
print(primes.intersection(odds).sorted())
print(primes.subtracting(odds).sorted(), odds.subtracting(primes).sorted())
print(primes.symmetricDifference(odds).sorted())
print(primes.union([20, 2]).count, primes.intersection([2, 4, 6]).sorted())

var seen = Set<String>()
var repeats: [String] = []
for word in ["adam", "sgd", "adam", "rmsprop", "sgd", "adam"] {
    if !seen.insert(word).inserted { repeats.append(word) }
}
print(seen.count, repeats)
let result = seen.insert("nesterov")
print(result.inserted, result.memberAfterInsert, seen.insert("sgd").inserted)
print(seen.remove("adam") ?? "none", seen.remove("adagrad") ?? "none", seen.sorted())

var small: Set = [1, 2]
let big: Set = [1, 2, 3]
print(small.isSubset(of: big), big.isSuperset(of: small), small.isStrictSubset(of: small), big.isDisjoint(with: [4, 5]))
print(small == [2, 1], small == big, small != big)
small.formUnion([5, 6])
print(small.sorted())
small.formIntersection(big)
print(small.sorted())
small.subtract([1])
print(small.sorted(), small.isEmpty)
small.formSymmetricDifference([2, 9])
print(small.sorted(), small.isEmpty)

let evens = odds.filter { $0 > 5 }
print(evens.count, evens.sorted(), odds.map { $0 * 10 }.sorted())
print(odds.reduce(0, +), odds.min() ?? -1, odds.max() ?? -1, odds.sorted(by: >).prefix(2))
print(odds.contains(where: { $0 > 12 }), odds.allSatisfy { $0 % 2 == 1 }, odds.first(where: { $0 > 100 }) == nil)
var total = 0
for p in primes where p > 5 { total += p }
print(total, Array(primes).count, primes.sorted().first ?? 0)
let letters = Set("gradient")
print(letters.count, letters.sorted())
let grouped = Dictionary(grouping: primes.sorted(), by: { $0 % 3 })
print(grouped[1] ?? [], grouped[2] ?? [])
var empty: Set<Double> = []
empty.insert(0.5)
print(empty, empty.count, Set<Int>().isEmpty)
