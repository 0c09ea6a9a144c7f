// Optionals in the data structures students build: a binary tree with optional children, an inventory
// whose take returns nil, chains of ?? and lookups, a queue drained with while let (compiled by swiftc).
final class TreeNode {
    var value: Int
    var left: TreeNode?
    var right: TreeNode?
    init(_ value: Int) { self.value = value }

    func insert(_ v: Int) {
        if v < value {
            if let left { left.insert(v) } else { left = TreeNode(v) }
        } else {
            if let right { right.insert(v) } else { right = TreeNode(v) }
        }
    }

    var minimum: Int { left?.minimum ?? value }
    var height: Int { 1 + max(left?.height ?? 0, right?.height ?? 0) }
}

let root = TreeNode(5)
for v in [3, 8, 1, 4, 9] { root.insert(v) }
print(root.minimum, root.height, root.left?.right?.value, root.right?.left?.value)

struct Inventory: CustomStringConvertible {
    var counts: [String: Int] = [:]
    mutating func add(_ item: String, _ n: Int = 1) { counts[item, default: 0] += n }
    mutating func take(_ item: String) -> Int? {
        guard let have = counts[item], have > 0 else { return nil }
        counts[item] = have - 1
        return have - 1
    }
    var description: String { counts.keys.sorted().map { "\($0)=\(counts[$0]!)" }.joined(separator: ",") }
}
var inv = Inventory()
inv.add("apple", 2)
inv.add("pear")
print(inv.take("apple"), inv.take("kiwi"), inv, inv.counts["pear"])

let words = ["delta", "alpha", "charlie", "bravo"]
let sorted = words.sorted()
print(sorted.first, sorted.last?.uppercased(), words.first { $0.hasPrefix("c") }?.count)
let lookup = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })
print(lookup["bravo"], lookup["zulu"] ?? -1, lookup["alpha"].map { $0 + 100 })
let a: Int? = nil, b: Int? = 7, c = 3
print(a ?? b ?? c, a ?? c, (a ?? 0) + (b ?? 0))
let parsed = ["4", "x", "15"].map { Int($0) }
print(parsed, parsed.compactMap { $0 }.reduce(0, +))
let pairs = zip(["a", "b"], [Int("1"), nil]).map { ($0, $1 ?? 0) }
print(pairs.map { $0.1 })
var queue: [Int] = [1, 2, 3]
var order: [Int] = []
while let head = queue.first {
    order.append(head)
    queue.removeFirst()
}
print(order, queue.first, queue.isEmpty)
func safeDivide(_ a: Double, _ b: Double) -> Double? { b == 0 ? nil : a / b }
print(safeDivide(1, 4), safeDivide(1, 0), safeDivide(9, 3).map { $0 * 2 } ?? 0)
if let q = safeDivide(3, 2), q > 1 { print("q", q) }
let maybeWords: [String]? = words
print(maybeWords?.count, maybeWords?.first, maybeWords?[1])
