/// A seeded pseudo-random generator: SplitMix64.
///
/// SplitMix64 (Steele, Lea and Flood, 2014) is a 64-bit state generator whose
/// output depends only on the seed and the number of draws, with integer
/// arithmetic alone, so the same seed gives the same bits on every machine.
/// Descent has no global generator: every function that draws numbers takes a
/// seed or a `RandomSource` and owns its copy, so results never depend on the
/// order in which independent runs are scheduled.
///
/// Derived draws are defined exactly:
/// - `nextDouble()` is `(next() >> 11) * 2^-53`, uniform in [0, 1).
/// - `normal()` is Box–Muller on two uniforms, using the cosine branch only.
/// - `nextInt(below:)` uses Lemire's multiply-shift with rejection.
public struct RandomSource: RandomNumberGenerator, Sendable, Equatable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public init(seed: Int) {
        state = UInt64(bitPattern: Int64(seed))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * nextDouble()
    }

    /// A standard normal draw (mean 0, standard deviation 1) by Box–Muller.
    public mutating func normal() -> Double {
        // 1 - u keeps the argument of log in (0, 1].
        let u1 = 1 - nextDouble()
        let u2 = nextDouble()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// A normal draw with the given mean and standard deviation.
    public mutating func normal(mean: Double, std: Double) -> Double {
        mean + std * normal()
    }

    /// A uniform integer in 0..<bound, without modulo bias.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        while true {
            let product = next().multipliedFullWidth(by: b)
            if product.low >= (0 &- b) % b {
                return Int(product.high)
            }
        }
    }

    /// A Fisher–Yates permutation of 0..<count.
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        if count < 2 { return indices }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            indices.swapAt(i, j)
        }
        return indices
    }

    /// A new, independent generator derived from this one (for a sub-task).
    public mutating func split() -> RandomSource {
        RandomSource(seed: next())
    }
}

import Foundation
