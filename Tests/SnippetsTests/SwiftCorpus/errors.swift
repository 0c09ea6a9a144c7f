// Errors, defer and inout: a tiny validated training-config parser.
enum ConfigError: Error {
    case missing(String)
    case outOfRange(name: String, value: Double)
}

func value(_ name: String, in config: [String: Double]) throws -> Double {
    guard let v = config[name] else { throw ConfigError.missing(name) }
    return v
}

func learningRate(_ config: [String: Double]) throws -> Double {
    let lr = try value("lr", in: config)
    if lr <= 0 || lr > 1 { throw ConfigError.outOfRange(name: "lr", value: lr) }
    return lr
}

func describe(_ config: [String: Double], checks: inout Int) -> String {
    defer { checks += 1 }
    do {
        let lr = try learningRate(config)
        return "lr = \(lr)"
    } catch ConfigError.missing(let name) {
        return "missing \(name)"
    } catch let ConfigError.outOfRange(name, v) where v > 1 {
        return "\(name) too large: \(v)"
    } catch {
        return "other: \(error)"
    }
}

var checks = 0
print(describe(["lr": 0.01], checks: &checks))
print(describe([:], checks: &checks))
print(describe(["lr": 5], checks: &checks))
print(describe(["lr": -1], checks: &checks))
print(checks)
print((try? learningRate(["lr": 2])) == nil, (try? learningRate(["lr": 0.5])) ?? 0.0, try! learningRate(["lr": 0.25]))

func clip(_ values: inout [Double], limit: Double) -> Int {
    var clipped = 0
    for i in values.indices where abs(values[i]) > limit {
        values[i] = values[i] > 0 ? limit : -limit
        clipped += 1
    }
    return clipped
}
func accumulate(_ total: inout Double, _ xs: [Double]) {
    for x in xs { total += x }
}
var grads = [0.5, -4.0, 2.5, -0.1]
let n = clip(&grads, limit: 1)
var sum = 0.0
accumulate(&sum, grads)
print(n, grads, sum)
var a = 1, b = 2
swap(&a, &b)
print(a, b)

func order() -> [String] {
    var steps: [String] = []
    for i in 1...3 {
        defer { steps.append("end \(i)") }
        if i == 2 { continue }
        steps.append("body \(i)")
    }
    return steps
}
print(order())
