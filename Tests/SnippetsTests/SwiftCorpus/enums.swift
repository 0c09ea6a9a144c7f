// Enums: raw values, associated values, methods, computed properties, CaseIterable, switch over cases.
enum Planet: Int, CaseIterable {
    case mercury = 1, venus, earth, mars

    var isInner: Bool { self.rawValue <= 2 }

    func next() -> Planet? { Planet(rawValue: rawValue + 1) }
}

print(Planet.allCases.count, Planet.earth.rawValue, Planet.mars.isInner, Planet.venus.isInner)
print(Planet.allCases.map { $0.rawValue })
if let after = Planet.earth.next() { print("after earth:", after) }
print(Planet.mars.next() == nil)

enum Suit: String, CaseIterable {
    case hearts = "♥", spades = "♠", diamonds, clubs
    var isRed: Bool {
        switch self {
        case .hearts, .diamonds: return true
        case .spades, .clubs: return false
        }
    }
}
print(Suit.allCases.map { $0.rawValue })
print(Suit.allCases.filter { $0.isRed }.count, Suit(rawValue: "♠") == .spades)

enum Activation {
    case relu
    case leaky(slope: Double)
    case clipped(low: Double, high: Double)

    func apply(_ x: Double) -> Double {
        switch self {
        case .relu: return max(0, x)
        case .leaky(let slope): return x > 0 ? x : slope * x
        case let .clipped(low, high): return min(max(x, low), high)
        }
    }

    var name: String {
        switch self {
        case .relu: return "relu"
        case .leaky(slope: let s) where s == 0.01: return "leaky (default)"
        case .leaky: return "leaky"
        case .clipped: return "clipped"
        }
    }
}

let activations: [Activation] = [.relu, .leaky(slope: 0.01), .leaky(slope: 0.2), .clipped(low: -1, high: 1)]
for a in activations {
    print(a.name, [-2.0, 0.5, 3.0].map { a.apply($0) })
}
print(Activation.clipped(low: 0, high: 6))
var count = 0
for case .leaky(let s) in activations where s > 0.1 { count += 1 }
print(count)
if case .clipped(_, let high) = activations[3] { print("high", high) }
