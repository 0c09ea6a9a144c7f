// Protocols with requirements and default implementations, extensions of the
// lesson's types and of Swift's, generic functions and types, typealias,
// variadic parameters, `is` and `as?` (issue 13).

protocol Shape {
    var area: Double { get }
    var name: String { get }
    func scaled(by factor: Double) -> Self
}

extension Shape {
    var name: String { "shape" }
    func describe() -> String { "\(name) with area \(area)" }
    func isLarger(than other: some Shape) -> Bool { area > other.area }
}

struct Square: Shape {
    var side: Double
    var area: Double { side * side }
    var name: String { "square" }
    func scaled(by factor: Double) -> Square { Square(side: side * factor) }
}

struct Disc: Shape {
    var radius: Double
    var area: Double { 3.0 * radius * radius }
    func scaled(by factor: Double) -> Disc { Disc(radius: radius * factor) }
}

let shapes: [any Shape] = [Square(side: 2), Disc(radius: 1), Square(side: 0.5)]
for shape in shapes { print(shape.describe()) }
print(shapes.map { $0.scaled(by: 2).area })
print(Square(side: 2).isLarger(than: Disc(radius: 1)))
let discs = shapes.filter { $0 is Disc }
print(discs.count)
if let square = shapes[2] as? Square { print("third is a square of side", square.side) }
print(shapes[1] as? Square == nil)

func totalArea(_ shapes: [any Shape]) -> Double {
    shapes.reduce(0) { $0 + $1.area }
}
print(totalArea(shapes))

extension Square: CustomStringConvertible {
    var description: String { "Square(\(side))" }
    init(area: Double) { self.init(side: area.squareRoot()) }
}
print(Square(area: 9), Square(side: 1.5))

extension Array where Element == Double {
    func mean() -> Double { isEmpty ? 0 : reduce(0, +) / Double(count) }
    var spread: Double { (self.max() ?? 0) - (self.min() ?? 0) }
    mutating func normalize() {
        let total = reduce(0, +)
        self = map { $0 / total }
    }
}
var weights = [1.0, 3.0, 4.0]
print(weights.mean(), weights.spread)
weights.normalize()
print(weights)

extension Double {
    var squared: Double { self * self }
    func clamped(_ lower: Double, _ upper: Double) -> Double { Swift.min(Swift.max(self, lower), upper) }
}
print(3.0.squared, 7.5.clamped(0, 5), (-1.0).clamped(0, 5))

extension Int {
    var isEven: Bool { self % 2 == 0 }
}
print((1...6).filter { $0.isEven })

func largest<T: Comparable>(_ items: [T]) -> T? {
    guard var best = items.first else { return nil }
    for item in items where item > best { best = item }
    return best
}
print(largest([3, 9, 2]) ?? 0, largest(["b", "a"]) ?? "", largest([0.5, -1.0]) ?? 0)

func swapped<A, B>(_ pair: (A, B)) -> (B, A) { (pair.1, pair.0) }
let flipped = swapped((1, "one"))
print(flipped.0, flipped.1)

struct Stack<Element> {
    var items: [Element] = []
    mutating func push(_ item: Element) { items.append(item) }
    mutating func pop() -> Element? { items.popLast() }
    var top: Element? { items.last }
}
var stack = Stack<Int>()
stack.push(1)
stack.push(2)
print(stack.pop() ?? -1, stack.top ?? -1, stack.items.count)

typealias Vector = [Double]
typealias Pair = (x: Double, y: Double)
let v: Vector = [1, 2]
let p: Pair = (x: 3, y: 4)
print(v, p.x + p.y)

func sum(_ values: Double...) -> Double { values.reduce(0, +) }
func describe(_ label: String, _ numbers: Int..., unit: String = "") -> String {
    "\(label): \(numbers.map(String.init).joined(separator: ",")) \(unit)"
}
print(sum(), sum(1, 2, 3.5), describe("n", 1, 2, 3, unit: "kg"))
