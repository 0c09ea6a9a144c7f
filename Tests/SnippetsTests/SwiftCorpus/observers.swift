// Property observers, lazy properties and key paths used as functions (issue 13).

struct Rate {
    var value = 0.1 {
        willSet { print("will set", newValue) }
        didSet {
            if value > 1 { value = 1 }
            changes += 1
        }
    }
    var changes = 0
    init(value: Double) { self.value = value }
}
var rate = Rate(value: 0.5)
print(rate.changes) // expect: 0
rate.value = 2 // expect: will set 2.0
rate.value *= 0.5 // expect: will set 0.5
print(rate.value, rate.changes) // expect: 0.5 2
struct Log {
    var entries: [String] = [] {
        didSet(previous) { print(previous.count, "->", entries.count) }
    }
}
var log = Log()
log.entries.append("a") // expect: 0 -> 1
struct Grid {
    var size: Int
    lazy var cells: Int = size * size
}
var grid = Grid(size: 3)
print(grid) // expect: Grid(size: 3, $__lazy_storage_$_cells: nil)
print(grid.cells) // expect: 9
grid.size = 10
print(grid.cells, grid) // expect: 9 Grid(size: 10, $__lazy_storage_$_cells: Optional(9))
grid.cells += 1
print(grid.cells) // expect: 10

struct Run { var name: String; var loss: Double }
let runs = [Run(name: "sgd", loss: 0.5), Run(name: "adam", loss: 0.25)]
print(runs.map(\.name), runs.map(\.loss).reduce(0, +), runs.map(\.name.count))
