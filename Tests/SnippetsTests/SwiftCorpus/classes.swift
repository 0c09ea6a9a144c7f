// Classes: reference semantics, inheritance, override, super, initializers,
// identity, class methods and observers (issue 13).

class Optimizer: CustomStringConvertible {
    var lr: Double
    private(set) var steps = 0
    init(lr: Double) { self.lr = lr }
    func update(_ w: Double, _ g: Double) -> Double { w - lr * g }
    func step(_ w: Double, _ g: Double) -> Double {
        steps += 1
        return update(w, g)
    }
    var name: String { "SGD" }
    var description: String { "\(name)(lr: \(lr), steps: \(steps))" }
    class func named(_ name: String) -> String { "optimizer " + name }
}

final class Momentum: Optimizer {
    var mu: Double
    var velocity = 0.0
    init(lr: Double, mu: Double = 0.9) {
        self.mu = mu
        super.init(lr: lr)
    }
    override func update(_ w: Double, _ g: Double) -> Double {
        velocity = mu * velocity + g
        return w - lr * velocity
    }
    override var name: String { "Momentum(" + super.name + ")" }
}

let plain = Optimizer(lr: 0.1)
let heavy = Momentum(lr: 0.1, mu: 0.5)
var w1 = 1.0, w2 = 1.0
for _ in 0..<3 {
    w1 = plain.step(w1, 2 * w1)
    w2 = heavy.step(w2, 2 * w2)
}
print(w1, w2)
print(plain, heavy)
let optimizers: [Optimizer] = [plain, heavy]
print(optimizers.map(\.name), optimizers.map { $0.steps })
let alias = heavy
alias.lr = 0.5
print(heavy.lr, alias === heavy, alias === optimizers[0], optimizers[1] is Optimizer, optimizers[0] is Momentum)
if let m = optimizers[1] as? Momentum { print("velocity", m.velocity) }
print(Optimizer.named("x"))

func reset(_ optimizer: Optimizer) { optimizer.lr = 0 }
reset(plain)
print(plain.lr)

class Node {
    let value: Int
    var next: Node?
    init(_ value: Int, next: Node? = nil) {
        self.value = value
        self.next = next
    }
}
var list: Node? = nil
for value in 1...4 { list = Node(value, next: list) }
var values: [Int] = []
var cursor = list
while let node = cursor {
    values.append(node.value)
    cursor = node.next
}
print(values)

class Meter {
    var reading = 0.0 {
        willSet { print("from", reading, "to", newValue) }
        didSet { if reading < 0 { reading = 0 } }
    }
    lazy var label: String = "meter at \(reading)"
}
let meter = Meter()
meter.reading = 2
meter.reading = -1
print(meter.reading, meter.label)
meter.reading = 5
print(meter.label)
