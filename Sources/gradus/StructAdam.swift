import Foundation

/// A hand-written Adam as a struct with a `mutating` step: the student code of issue 13's benchmark.
///
/// The same source runs through the interpreter (`lesson`) and compiled (`train`), so
/// `gradus bench` reports what struct-heavy interpreted code costs beside compiled Swift.
enum StructAdam {
    static let weights = 200
    static let steps = 50

    static let lesson = """
        ```swift
        struct HandAdam {
            var lr = 0.01, beta1 = 0.9, beta2 = 0.999
            var m: [Double]
            var v: [Double]
            var t = 0
            init(count: Int) {
                m = Array(repeating: 0, count: count)
                v = m
            }
            mutating func step(_ w: inout [Double], _ g: [Double]) {
                t += 1
                let c1 = 1 - pow(beta1, Double(t)), c2 = 1 - pow(beta2, Double(t))
                for i in w.indices {
                    m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                    w[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-8)
                }
            }
        }
        var w = (0..<\(weights)).map { Double($0 % 7) - 3 }
        var adam = HandAdam(count: w.count)
        for _ in 0..<\(steps) {
            let g = w.map { 2 * $0 }
            adam.step(&w, g)
        }
        print(w.reduce(0, +))
        ```
        """

    struct HandAdam {
        var lr = 0.01, beta1 = 0.9, beta2 = 0.999
        var m: [Double]
        var v: [Double]
        var t = 0
        init(count: Int) {
            m = Array(repeating: 0, count: count)
            v = m
        }
        mutating func step(_ w: inout [Double], _ g: [Double]) {
            t += 1
            let c1 = 1 - pow(beta1, Double(t)), c2 = 1 - pow(beta2, Double(t))
            for i in w.indices {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                w[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-8)
            }
        }
    }

    /// The lesson's training compiled; returns what the lesson prints.
    static func train() -> Double {
        var w = (0..<weights).map { Double($0 % 7) - 3 }
        var adam = HandAdam(count: w.count)
        for _ in 0..<steps {
            let g = w.map { 2 * $0 }
            adam.step(&w, g)
        }
        return w.reduce(0, +)
    }
}
