import Dispatch
import Foundation

/// What the interpreter does while running cells, to show it all still works inside the sandbox.
///
/// Each piece mirrors a real path: cells run on a Thread with a large stack, Descent runs
/// optimizers with `DispatchQueue.concurrentPerform`, results travel as JSON, and values are
/// shown through String(format:) and Double's description.
enum Workload {
    /// A 64 MiB-stack Thread that recurses deeply, plus a parallel loop over Dispatch's workers.
    static func threads() -> Outcome {
        let done = DispatchSemaphore(value: 0)
        let depth = Box(0)
        let thread = Thread {
            depth.value = recurse(100_000)
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        done.wait()
        let sums = Box([Double](repeating: 0, count: 8))
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            var sum = 0.0
            for k in 1...20_000 { sum += sin(Double(k * (index + 1))) * exp(-Double(k) / 1e4) }
            lock.lock()
            sums.value[index] = sum
            lock.unlock()
        }
        guard depth.value == 100_000, sums.value.allSatisfy(\.isFinite) else {
            return Outcome(line: "wrong: depth \(depth.value), sums \(sums.value)", status: 1)
        }
        return .ok("depth \(depth.value), \(sums.value.count) parallel sums")
    }

    /// A JSON round trip of nested values, as the kernel's protocol does.
    static func json() -> Outcome {
        struct Record: Codable, Equatable {
            var name: String
            var values: [Double]
            var tags: [String: Int]
        }
        let record = Record(name: "cell ✓", values: [0.1, 1e-300, -2.5, .pi], tags: ["a": 1, "b": -2])
        do {
            let data = try JSONEncoder().encode(record)
            let back = try JSONDecoder().decode(Record.self, from: data)
            let any = try JSONSerialization.jsonObject(with: data)
            guard back == record, any is [String: Any] else {
                return Outcome(line: "wrong: \(back)", status: 1)
            }
            return .ok("\(data.count) bytes")
        } catch {
            return Outcome(line: "failed: json: \(error)", status: 1)
        }
    }

    /// Printing numbers the ways the interpreter shows them.
    static func printing() -> Outcome {
        let text = String(format: "%.4f %e %5d %@", 3.14159265, 6.02e23, 42, "x")
            + " \(0.1 + 0.2) \(Float(1) / 3) \(Double.infinity) \(Int.max)"
            + " \(Date(timeIntervalSince1970: 0).timeIntervalSince1970)"
        print(text)
        return .ok()
    }

    /// Every piece in one process, plus hashing and random numbers.
    static func all() -> Outcome {
        for outcome in [threads(), json(), printing()] where outcome.status != 0 {
            return outcome
        }
        var generator = SystemRandomNumberGenerator()
        let set = Set((0..<1000).map { _ in Int.random(in: 0..<100, using: &generator) })
        let elapsed = Date().timeIntervalSince(Date(timeIntervalSinceNow: -1))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return .ok("\(set.count) distinct, elapsed \(elapsed > 0), \(cores) cores")
    }

    /// Counts down through `n` stack frames; big enough to need more than the 8 MiB default stack.
    private static func recurse(_ n: Int) -> Int {
        var padding = (n, n &+ 1, n &+ 2, n &+ 3, n &+ 4, n &+ 5, n &+ 6, n &+ 7)
        return withUnsafeMutableBytes(of: &padding) { bytes in
            n == 0 ? Int(bytes[0] & 0) : 1 + recurse(n - 1)
        }
    }
}

/// A mutable value shared with a thread's closure (the closure needs a reference).
final class Box<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
