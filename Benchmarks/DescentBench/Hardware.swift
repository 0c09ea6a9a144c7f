import Descent
import Dispatch
import Foundation

/// What the machine can do at best, measured in the same run: the limits the
/// benchmark figures are read against.
enum Hardware {
    /// Memory bandwidth in GB/s of the STREAM triad a[i] = b[i] + s·c[i] on arrays of
    /// 10^7 doubles (far larger than the caches), on `threads` threads, counting 24 bytes per element.
    static func triadBandwidth(threads: Int) -> Double {
        let n = 10_000_000
        var a = [Double](repeating: 0, count: n)
        let b = [Double](repeating: 1, count: n), c = [Double](repeating: 2, count: n)
        let time = a.withUnsafeMutableBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeBufferPointer { cp in
                    // Addresses as integers: Dispatch's closure must be Sendable, and the chunks are disjoint.
                    let (aa, ba, ca) = (Int(bitPattern: ap.baseAddress), Int(bitPattern: bp.baseAddress),
                                        Int(bitPattern: cp.baseAddress))
                    return Benchmark.medianTime(repeats: 9) {
                        DispatchQueue.concurrentPerform(iterations: threads) { t in
                            guard let a = UnsafeMutablePointer<Double>(bitPattern: aa),
                                  let b = UnsafePointer<Double>(bitPattern: ba),
                                  let c = UnsafePointer<Double>(bitPattern: ca) else { return }
                            let chunk = (n + threads - 1) / threads
                            let start = t * chunk, end = Swift.min(start + chunk, n)
                            for i in start..<end { a[i] = b[i] + 3 * c[i] }
                        }
                    }
                }
            }
        }
        return Double(24 * n) / time / 1e9
    }

    /// GFLOP/s of Descent's own matrix product on 256×256 matrices (in cache), all threads.
    static func productRate() throws -> Double {
        var random = RandomSource(seed: 2)
        let a = try Tensor(shape: [256, 256], scalars: (0..<65_536).map { _ in random.normal() })
        let b = try Tensor(shape: [256, 256], scalars: (0..<65_536).map { _ in random.normal() })
        let time = try Benchmark.medianTime(repeats: 15) { _ = try a.matmul(b) }
        return 2 * 256 * 256 * 256 / time / 1e9
    }

    /// Multiply-adds in one training step of a dense network: the forward product, the weight
    /// gradient, and the input gradient of every layer but the first (whose input is data).
    static func stepFlops(widths: [Int], batch: Int) -> Double {
        var macs = 0
        for (index, (inputs, outputs)) in zip(widths, widths.dropFirst()).enumerated() {
            macs += batch * inputs * outputs * (index == 0 ? 2 : 3)
        }
        return Double(2 * macs)
    }

    /// The CPU's clock in GHz as the kernel reports it (nominal; turbo may run higher), or nil.
    static var nominalGHz: Double? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu MHz") }),
              let value = line.split(separator: ":").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) })
        else { return nil }
        return value / 1000
    }

    /// The system's one-minute load average, which says how much other work shared the cores.
    static var loadAverage: String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
    }
}
