import Descent
import Foundation

/// The Descent benchmark: release-built, printed beside PyTorch's figures from one `make bench` run.
///
/// Usage: `descent-bench [--torch FILE.json]`, where the JSON comes from
/// `scripts/bench-torch.py --json`. Figures are medians over repeated runs.
/// `descent-bench --only adam|moons|digits [--two-threads]` runs one benchmark alone, for a profiler.
struct Benchmark {
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func medianTime(repeats: Int, warmup: Int = 2, _ body: () throws -> Void) rethrows -> Double {
        for _ in 0..<warmup { try body() }
        return median(try (0..<repeats).map { _ in try seconds(body) })
    }

    /// Nanoseconds per parameter for one Adam step on 10^7 parameters.
    static func adamStep() throws -> Double {
        let n = 10_000_000
        var random = RandomSource(seed: 0)
        var parameters = [Tensor((0..<n).map { _ in random.normal() })]
        let gradients = [Tensor((0..<n).map { _ in random.normal() })]
        var adam = Adam(lr: 1e-3)
        return try medianTime(repeats: 15) { try adam.step(&parameters, gradients: gradients) } / Double(n) * 1e9
    }

    /// Microseconds per training step of a model on minibatches of a data set.
    static func trainingStep(_ model: Sequential, _ data: Dataset, loss: Loss, optimizer: any Optimizing, batch: Int) throws -> Double {
        var optimizer = optimizer
        var parameters = model.parameters
        var context = ForwardContext(training: true)
        let batches = try data.batches(size: batch, seed: 0).filter { $0.count == batch }
        let steps = 300
        let inputs = try (0..<steps).map { try data.batch(batches[$0 % batches.count]) }
        let time = try medianTime(repeats: 7) {
            for (x, y) in inputs {
                let gradients = try Self.gradients(model, parameters, x, y, loss: loss, context: &context)
                try optimizer.step(&parameters, gradients: gradients)
            }
        }
        return time / Double(steps) * 1e6
    }

    /// The loss gradients at `parameters`, in a function of their own as in `fit`: the graph is
    /// gone when it returns, so the optimizer updates the parameters in place instead of copying
    /// the arrays the graph still shared.
    static func gradients(_ model: Sequential, _ parameters: [Tensor], _ x: Tensor, _ y: Tensor, loss: Loss,
                          context: inout ForwardContext) throws -> [Tensor] {
        let variables = parameters.map { Variable($0, requiresGrad: true) }
        let output = try model.forward(Variable(x), parameters: variables[...], context: &context)
        try loss(output, y).backward()
        return variables.map { $0.grad ?? $0.value.zerosLike }
    }

    static func moonsMLP() throws -> Double {
        let model = Sequential(seed: 0) {
            Dense(2, 64, init: .he)
            ReLU()
            Dense(64, 64, init: .he)
            ReLU()
            Dense(64, 1, init: .xavier)
        }
        let data = try Moons(count: 10_000, noise: 0.2, seed: 1)
        return try trainingStep(model, data, loss: .bceWithLogits, optimizer: Adam(lr: 1e-3), batch: 32)
    }

    static func digitsMLP() throws -> Double {
        let model = Sequential(seed: 0) {
            Dense(64, 128, init: .he)
            ReLU()
            Dense(128, 10, init: .xavier)
        }
        var data = try Digits()
        data.x = data.x / 16
        return try trainingStep(model, data, loss: .crossEntropy, optimizer: SGD(lr: 0.05, momentum: 0.9), batch: 64)
    }

    static func torchFigures() -> [String: Double] {
        let arguments = CommandLine.arguments
        guard let index = arguments.firstIndex(of: "--torch"), index + 1 < arguments.count,
              let data = FileManager.default.contents(atPath: arguments[index + 1]),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object.compactMapValues { $0 as? Double }
    }

    static func run() throws {
        let arguments = CommandLine.arguments
        if let index = arguments.firstIndex(of: "--only"), index + 1 < arguments.count {
            let settings = arguments.contains("--two-threads") ? ComputeSettings.twoThreads : .automatic
            try ComputeSettings.$current.withValue(settings) {
                switch arguments[index + 1] {
                case "adam": print(try adamStep(), "ns/param")
                case "moons": print(try moonsMLP(), "us/step")
                case "digits": print(try digitsMLP(), "us/step")
                default: throw BenchmarkError.unknown(arguments[index + 1])
                }
            }
            return
        }
        let torch = torchFigures()
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        func row(_ name: String, _ ours: Double, _ unit: String, _ reference: Double?) {
            let theirs = reference.map { String(format: "%10.2f", $0) } ?? "         -"
            let ratio = reference.map { String(format: "%7.2fx", $0 / ours) } ?? "       -"
            print(pad(name, 48) + String(format: "%10.2f", ours) + " " + theirs + "  " + pad(unit, 9) + ratio)
        }
        func note(_ name: String, _ value: Double, _ unit: String) {
            print(pad(name, 48) + String(format: "%10.2f", value) + "            " + unit)
        }
        print("load average at start: \(Hardware.loadAverage)")
        print(pad("benchmark (median of runs)", 48) + "   Descent      torch  unit     torch/Descent")
        // The headline figures use both cores, as the kernels can; lessons run them on one (ComputeSettings.automatic).
        let (adam, moons, digits) = try ComputeSettings.$current.withValue(.twoThreads) { (try adamStep(), try moonsMLP(), try digitsMLP()) }
        row("Adam step, 1e7 params (vs torch default)", adam, "ns/param", torch["adam_ns_per_param_default"])
        row("Adam step, 1e7 params (vs torch fused)", adam, "ns/param", torch["adam_ns_per_param_fused"])
        row("MLP 2-64-64-1, BCE logits, Adam, batch 32", moons, "us/step ", torch["mlp_moons_us_per_step"])
        row("  (torch on 1 thread)", moons, "us/step ", torch["mlp_moons_us_per_step_1thread"])
        row("MLP 64-128-10, softmax CE, SGD mom., batch 64", digits, "us/step ", torch["mlp_digits_us_per_step"])
        row("  (torch on 1 thread)", digits, "us/step ", torch["mlp_digits_us_per_step_1thread"])
        print("Descent with less of the machine (same bits; thresholds as shipped):")
        let single = ComputeSettings(path: .best, threads: 1, elementThreshold: .max, productThreshold: .max)
        var scalar = single
        scalar.path = .scalar
        for (label, settings) in [("\(VectorPath.best), 1 thread", single), ("scalar path, 1 thread", scalar)] {
            try ComputeSettings.$current.withValue(settings) {
                note("  Adam step, \(label)", try adamStep(), "ns/param")
                note("  MLP moons, \(label)", try moonsMLP(), "us/step")
                note("  MLP digits, \(label)", try digitsMLP(), "us/step")
            }
        }
        print("limits, measured in this run:")
        let triad2 = Hardware.triadBandwidth(threads: 2), triad1 = Hardware.triadBandwidth(threads: 1)
        note("  memory triad, 2 threads / 1 thread", triad2, String(format: "GB/s  / %.1f", triad1))
        note("  Adam at that bandwidth (56 bytes/param)", 56 / triad2, "ns/param")
        let moonsFlops = Hardware.stepFlops(widths: [2, 64, 64, 1], batch: 32)
        let digitsFlops = Hardware.stepFlops(widths: [64, 128, 10], batch: 64)
        note("  MLP moons, products only", moonsFlops / moons / 1e3, "GFLOP/s")
        note("  MLP digits, products only", digitsFlops / digits / 1e3, "GFLOP/s")
        note("  Descent matmul 256x256x256", try Hardware.productRate(), "GFLOP/s")
        if let ghz = Hardware.nominalGHz {
            // AVX2 without fused multiply-add: 4 doubles x (1 add + 1 multiply) x 2 pipes per cycle.
            note("  peak, 16 flop/cycle at nominal clock, 1 core", 16 * ghz, "GFLOP/s")
        }
        print("load average at end: \(Hardware.loadAverage)")
    }
}

enum BenchmarkError: Error, CustomStringConvertible {
    case unknown(String)
    var description: String {
        switch self {
        case let .unknown(name): "unknown benchmark \(name): use adam, moons or digits"
        }
    }
}

do {
    try Benchmark.run()
} catch {
    FileHandle.standardError.write(Data("descent-bench: \(error)\n".utf8))
    exit(1)
}
