// Failable initializers, generic functions and types returning optionals, switch over optional enums,
// optional values inside dictionaries and chains through them (compiled by swiftc).
enum Command {
    case move(dx: Int, dy: Int)
    case say(String)
    case stop

    init?(text: String) {
        let parts = text.split(separator: " ").map(String.init)
        guard let head = parts.first else { return nil }
        switch head {
        case "move":
            guard parts.count == 3, let dx = Int(parts[1]), let dy = Int(parts[2]) else { return nil }
            self = .move(dx: dx, dy: dy)
        case "say": self = .say(parts.dropFirst().joined(separator: " "))
        case "stop": self = .stop
        default: return nil
        }
    }
}

func firstMatch<T: Equatable>(_ items: [T], _ target: T) -> Int? {
    for (i, item) in items.enumerated() where item == target { return i }
    return nil
}

struct Stack<Element> {
    private var items: [Element] = []
    mutating func push(_ x: Element) { items.append(x) }
    mutating func pop() -> Element? { items.popLast() }
    var top: Element? { items.last }
    var isEmpty: Bool { items.isEmpty }
}

let commands = ["move 1 2", "say hi there", "jump", "move x 1", "stop"].map { Command(text: $0) }
print(commands.count, commands.compactMap { $0 }.count)
for command in commands {
    switch command {
    case let .move(dx, dy)?: print("move", dx + dy)
    case .say(let words)?: print("say", words)
    case .stop?: print("stop")
    case nil: print("unknown")
    }
}
print(firstMatch([3, 5, 7], 5), firstMatch(["a"], "z"), firstMatch([1.5], 1.5))
var stack = Stack<Int>()
print(stack.top, stack.pop(), stack.isEmpty)
stack.push(4)
stack.push(9)
print(stack.top, stack.pop(), stack.pop(), stack.pop())
struct Point: Equatable { var x: Double; var y: Double }
let points = [Point(x: 1, y: 2), Point(x: -1, y: 0.5)]
let closest = points.min { $0.x * $0.x + $0.y * $0.y < $1.x * $1.x + $1.y * $1.y }
print(closest, closest?.x, points.first(where: { $0.y > 5 }), points.firstIndex(of: Point(x: -1, y: 0.5)))
func fib(_ n: Int, _ memo: inout [Int: Int]) -> Int {
    if n < 2 { return n }
    if let known = memo[n] { return known }
    let value = fib(n - 1, &memo) + fib(n - 2, &memo)
    memo[n] = value
    return value
}
var memo: [Int: Int] = [:]
print(fib(30, &memo), memo[30], memo[31], memo.count)
let grades: [String: [Int]] = ["ann": [90, 80], "bob": []]
let averages = grades.mapValues { $0.isEmpty ? nil : Double($0.reduce(0, +)) / Double($0.count) }
print(averages["ann"], averages["bob"], averages["cy"])
let label: String? = grades["ann"]?.max().map { "best \($0)" }
print(label, grades["bob"]?.max(), grades["cy"]?.isEmpty)
