import ArgumentParser
import Foundation
import Kernel
import Lessons
import Snippets

/// `gradus kernel`: a sandboxed worker that runs cells for the command that started it.
///
/// Started by every command that runs cells, never by hand: it speaks length-prefixed JSON on
/// standard input and output (docs/sandbox.md).
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kernel", shouldDisplay: false)

    @Option(help: "The address-space limit in bytes.")
    var memory: Int = KernelLimits.standard.memoryBytes

    @Option(help: "The processor-time limit in seconds.")
    var cpu: Int = KernelLimits.standard.cpuSeconds

    @Option(help: .hidden)
    var crashBeforeCell: Int?

    @Option(help: .hidden)
    var hangBeforeCell: Int?

    @Option(help: .hidden)
    var garbageBeforeCell: Int?

    @Option(help: .hidden)
    var trapBeforeCell: Int?

    func run() throws {
        let faults = KernelFaults(crash: crashBeforeCell.map { ($0, SIGSEGV) }, hang: hangBeforeCell, garbage: garbageBeforeCell,
                                  trap: trapBeforeCell)
        let server = KernelServer(limits: KernelLimits(memoryBytes: memory, cpuSeconds: cpu), faults: faults)
        throw ExitCode(server.serve())
    }
}

/// `--memory SIZE`: the options every command that runs cells shares.
struct KernelOptions: ParsableArguments {
    @Option(help: "Memory each kernel may use, e.g. 2G or 1.5G (default 2G; a lesson's `memory:` wins).")
    var memory: String?

    /// Benchmarks only: run cells in this process, unprotected, to measure what kernels cost.
    @Flag(help: .hidden)
    var inProcess = false

    func validate() throws {
        if let memory, MemorySize.bytes(memory) == nil {
            throw ValidationError("--memory must be \(MemorySize.advice), not '\(memory)'")
        }
    }

    /// What runs the cells: a pool of `width` kernels started from this executable (ended when
    /// the pool is released), or this process under the benchmark-only `--in-process`.
    func executor(width: Int, reuse: Bool = true) -> any CellExecutor {
        if inProcess { return InProcessExecutor() }
        var limits = KernelLimits.standard
        if let bytes = memory.flatMap(MemorySize.bytes) { limits.memoryBytes = bytes }
        return KernelPool(executable: Self.executable, width: width, limits: limits, reuse: reuse)
    }

    /// This executable, started again as each kernel.
    static var executable: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
