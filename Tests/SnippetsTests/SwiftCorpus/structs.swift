// Structs: stored and computed properties, memberwise and custom init, methods, mutating, static, value semantics.
struct Vector: Equatable, CustomStringConvertible {
    var x: Double
    var y: Double

    static let zero = Vector(x: 0, y: 0)

    var length: Double { (x * x + y * y).squareRoot() }
    var description: String { "<\(x), \(y)>" }

    func dot(_ other: Vector) -> Double { x * other.x + y * other.y }
    func scaled(by factor: Double) -> Vector { Vector(x: x * factor, y: y * factor) }

    mutating func normalize() {
        let l = length
        x /= l
        y /= l
    }

    static func + (lhs: Vector, rhs: Vector) -> Vector { Vector(x: lhs.x + rhs.x, y: lhs.y + rhs.y) }
    static func - (lhs: Vector, rhs: Vector) -> Vector { Vector(x: lhs.x - rhs.x, y: lhs.y - rhs.y) }
}

struct Particle {
    var position: Vector
    var velocity: Vector
    let mass: Double
    private(set) var steps = 0

    init(at position: Vector, mass: Double = 1) {
        self.position = position
        self.velocity = .zero
        self.mass = mass
    }

    mutating func push(_ force: Vector, dt: Double) {
        velocity = velocity + force.scaled(by: dt / mass)
        position = position + velocity.scaled(by: dt)
        steps += 1
    }
}

var v = Vector(x: 3, y: 4)
let w = v
v.normalize()
print(v, w, w.length)
print(v == w, w == Vector(x: 3, y: 4), Vector.zero)
print(w.dot(Vector(x: 1, y: 1)), (w - v).length > 4)

var p = Particle(at: Vector(x: 0, y: 10), mass: 2)
for _ in 0..<5 {
    p.push(Vector(x: 1, y: -9.8), dt: 0.1)
}
print(p.steps, p.position.x, p.position.y > 9)
var q = p
q.push(Vector(x: 100, y: 0), dt: 1)
print(p.steps, q.steps, p.velocity.x < q.velocity.x)

var swarm = [Particle(at: .zero), Particle(at: Vector(x: 1, y: 1), mass: 4)]
for i in swarm.indices {
    swarm[i].push(Vector(x: 4, y: 0), dt: 0.5)
}
print(swarm.map { $0.position.x })
print(swarm.map { $0.velocity }.description)

struct Stats {
    var values: [Double] = []
    var count: Int { values.count }
    var mean: Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
    mutating func add(_ value: Double) { values.append(value) }
}
var stats = Stats()
for value in [2.0, 4.0, 9.0] { stats.add(value) }
print(stats.count, stats.mean)
