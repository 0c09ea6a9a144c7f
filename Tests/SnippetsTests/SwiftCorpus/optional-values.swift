// Optionals as compiled Swift prints and uses them: present values print as Optional(...).
struct Student {
    var name: String
    var nickname: String?
    var score: Double?

    func greeting() -> String { "Hi, \(nickname ?? name)" }
}

final class Node {
    let value: Int
    var next: Node?
    init(_ value: Int, next: Node? = nil) {
        self.value = value
        self.next = next
    }
}

enum Grade { case pass, fail }

func firstNegative(_ xs: [Int]) -> Int? {
    for x in xs where x < 0 { return x }
    return nil
}

func parse(_ text: String) throws -> Int {
    guard let n = Int(text) else { throw ParseError.notANumber(text) }
    return n
}

enum ParseError: Error { case notANumber(String) }

let xs = [4, -2, 7, -9]
print(xs.first, xs.last, xs.min(), xs.max())
print(xs.firstIndex(of: 7), xs.firstIndex(of: 100), xs.first(where: { $0 > 5 }), xs.last(where: { $0 > 50 }))
print(firstNegative(xs), firstNegative([1, 2]))
print(Int("42"), Int("x"), Double("2.5"))
let scores = ["ann": 3, "bob": 5]
print(scores["ann"], scores["zed"], scores["zed", default: 0])

var best: Double? = nil
print(best)
best = 1
print(best)
best = 2.5
print(best, best! * 2, best ?? 0)
var count: Int?
print(count)
count = 3
print(count, "\(count)", String(describing: count))

var found = xs.first
found = 11
print(found)
found = nil
print(found, found == nil)

let ann = Student(name: "Ann", nickname: nil, score: 9.5)
let bo = Student(name: "Robert", nickname: "Bo", score: nil)
print(ann)
print(bo.nickname, bo.score, ann.score, ann.greeting(), bo.greeting())
let maybeStudent: Student? = bo
let nobody: Student? = nil
print(maybeStudent?.name, maybeStudent?.nickname, maybeStudent?.name.count, nobody?.name)
print(maybeStudent?.greeting(), nobody?.greeting(), maybeStudent?.nickname?.count)

let list = Node(1, next: Node(2, next: Node(3)))
print(list.next?.value, list.next?.next?.value, list.next?.next?.next?.value)
var walked: [Int] = []
var cursor: Node? = list
while let node = cursor {
    walked.append(node.value)
    cursor = node.next
}
print(walked, cursor === nil)

let holes: [Int?] = [1, nil, 3]
print(holes, holes.compactMap { $0 }, holes.count)
var filled = holes
filled[1] = 2
print(filled, filled[0] == 1, filled.contains(nil))
for case let value? in holes { print("value", value) }
print([1, nil, 3], [nil, "b"])

let flag = true
let picked = flag ? 3 : nil
print(picked, flag ? nil : "no")
print(try? parse("12"), try? parse("zz"))
let anything: Any = 3
print(anything as? Int, anything as? String)
print(xs.first.map { $0 * 10 }, xs.first.flatMap { $0 > 100 ? $0 : nil }, Optional(5))
print(xs.first == 4, xs.first != 4, nil == xs.last, xs.last == xs.first)

for candidate in [xs.first, nil, Optional(8)] {
    switch candidate {
    case .some(4): print("four")
    case let value?: print("other", value)
    case nil: print("none")
    }
}
let grade: Grade? = .pass
if case .pass? = grade { print("passed", grade) }
guard let top = xs.max() else { fatalError() }
print(top, [[1, 2]].first?.first, [[Int]]().first?.first)
var stack = [1, 2]
print(stack.popLast(), stack.popLast(), stack.popLast())
var tags: Set = ["a"]
print(tags.remove("a"), tags.remove("z"))
var table = ["x": 1.5]
print(table.removeValue(forKey: "x"), table.removeValue(forKey: "x"))
let typed: (Int, Int?) = (1, 2)
let sparse = ["a": nil, "b": 1]
func describe(_ x: Int? = nil) -> String { "\(x)" }
print(typed, sparse.count, describe(), describe(5), sparse["b"], sparse["a"])
let repeated: [Int?] = [1, nil, 1, 3]
let unique = Set(repeated)
print(unique.count, unique.contains(nil), unique.contains(3))
var byFirst: [Int?: String] = [:]
byFirst[[5].first] = "five"
byFirst[[Int]().first] = "none"
print(byFirst.count, byFirst[5], byFirst[nil])
