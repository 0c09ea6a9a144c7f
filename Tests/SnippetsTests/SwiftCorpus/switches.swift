// switch over integers, strings, tuples, ranges; where clauses; fallthrough; switch expressions.
func classify(_ n: Int) -> String {
    switch n {
    case Int.min..<0: return "negative"
    case 0: return "zero"
    case 1...9: return "digit"
    case let x where x % 2 == 0: return "even"
    default: return "odd"
    }
}
print([-5, 0, 7, 12, 13].map(classify))

func quadrant(_ p: (Double, Double)) -> String {
    switch p {
    case (0, 0): return "origin"
    case (_, 0), (0, _): return "axis"
    case let (x, y) where x > 0 && y > 0: return "first"
    case (..<0, 0...): return "second"
    default: return "other"
    }
}
print(quadrant((0, 0)), quadrant((2, 0)), quadrant((1, 1)), quadrant((-1, 2)), quadrant((1, -1)))

let command = "stop"
switch command {
case "go", "start":
    print("starting")
case "stop":
    print("stopping")
    fallthrough
case "pause":
    print("paused")
default:
    print("unknown")
}

let temperature = 23.5
let feel = switch temperature {
case ..<0: "freezing"
case 0..<15: "cold"
case 15..<25: "mild"
default: "hot"
}
print(feel)

var total = 0
for i in 1...20 {
    switch i % 5 {
    case 0: continue
    case 1: total += 100
    default: total += i
    }
}
print(total)

let grid = [(1, "a"), (2, "b"), (3, "a")]
for case let (n, "a") in grid { print("a at", n) }
