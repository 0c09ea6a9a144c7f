import ArgumentParser
import Descent
import Foundation
import Snippets

/// `gradus bench`: the lesson example that trains four optimizers on moons, compiled and through `gradus run`.
///
/// Interpreting must add little: the issue allows `gradus run` at most 1.2 times
/// the compiled training. Both figures are the best of several runs, printed together.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the moons example compiled against Descent and through `gradus run`.",
        shouldDisplay: false
    )

    @Option(help: "Repetitions of each measurement; the best is reported.")
    var repetitions = 3

    static let lesson = """
        ```swift
        let data = Moons(count: 1000, noise: 0.2, seed: 1).standardized()
        let (train, test) = data.split(0.8, seed: 2)
        let model = Sequential(seed: 3) {
            Dense(2, 32, init: .he)
            ReLU()
            Dense(32, 1, init: .xavier)
        }
        fit(model, on: train, validation: test, loss: .bceWithLogits, epochs: 20, batchSize: 32, seed: 4) {
            SGD(lr: 0.1)
            SGD(lr: 0.1, momentum: 0.9)
            RMSProp(lr: 0.01)
            Adam(lr: 0.01)
        }
        ```
        """

    /// The same training written in compiled Swift.
    static func compiled() throws -> Comparison {
        let data = try Moons(count: 1000, noise: 0.2, seed: 1).standardized()
        let (train, test) = try data.split(0.8, seed: 2)
        let model = Sequential(seed: 3) {
            Dense(2, 32, init: .he)
            ReLU()
            Dense(32, 1, init: .xavier)
        }
        return try fit(model, on: train, validation: test, loss: .bceWithLogits, epochs: 20, batchSize: 32, seed: 4) {
            SGD(lr: 0.1)
            SGD(lr: 0.1, momentum: 0.9)
            RMSProp(lr: 0.01)
            Adam(lr: 0.01)
        }
    }

    func run() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-bench-\(ProcessInfo.processInfo.processIdentifier).md").path
        try Self.lesson.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var compiledBest = Double.infinity, interpretedBest = Double.infinity
        for _ in 0..<max(1, repetitions) {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try Self.compiled()
            compiledBest = min(compiledBest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        for _ in 0..<max(1, repetitions) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["run", path, "--format", "json"]
            process.standardOutput = FileHandle.nullDevice
            let start = DispatchTime.now().uptimeNanoseconds
            try process.run()
            process.waitUntilExit()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            guard process.terminationStatus == 0 else { throw ExitCode.failure }
            interpretedBest = min(interpretedBest, elapsed)
        }
        let ratio = interpretedBest / compiledBest
        print(String(format: "compiled Swift against Descent: %.3f s", compiledBest))
        print(String(format: "gradus run (interpreted):       %.3f s", interpretedBest))
        print(String(format: "ratio: %.2fx (allowed: 1.20x)", ratio))
        if ratio > 1.2 { throw ExitCode.failure }
    }
}
