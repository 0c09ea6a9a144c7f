import Foundation
import Kernel
import Lessons
import Snippets

/// The built `gradus` binary (whose `kernel` command the pools start) and lessons made in a test.
enum KernelSupport {
    /// The `gradus` binary in the build products directory, as the GradusTests find it.
    static var binary: String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("gradus")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("gradus").path
    }

    /// A pool of one real kernel with extra `kernel` arguments (the test-only faults).
    static func pool(_ extra: [String] = [], limits: KernelLimits = .standard) -> KernelPool {
        KernelPool(executable: binary, arguments: ["kernel"] + extra, width: 1, limits: limits, warn: { _ in })
    }

    /// A lesson of one swift cell per element of `cells`, each fenced with `fence` attributes.
    static func lesson(_ cells: [String], fence: String = "swift timeout=2", path: String = "k.md") -> Lesson {
        let text = cells.map { "```\(fence)\n\($0)\n```\n" }.joined(separator: "\n")
        return Lesson.parse(source: text, path: path)
    }

    /// What a cell printed, as one string.
    static func printed(_ result: CellResult?) -> String {
        (result?.outputs ?? []).compactMap { output -> String? in
            if case let .text(text) = output { return text }
            return nil
        }.joined(separator: "\n")
    }
}
