import Foundation
import Lessons
import Snippets

/// Runs lessons in sandboxed kernel processes, reusing warm ones: the `CellExecutor` of the commands.
///
/// The parent never evaluates a cell. A kernel that dies, babbles or misses a cell's deadline by
/// more than a second costs only that cell: it gets a located error naming what happened, a fresh
/// kernel runs the cells before it again (they are deterministic) and the lesson goes on after it.
public final class KernelPool: CellExecutor, @unchecked Sendable {
    /// The program and arguments that start a kernel (`gradus kernel`).
    public let executable: String
    public let arguments: [String]
    /// Kernels running at once; callers beyond it wait.
    public let width: Int
    /// Limits for jobs that do not name their own memory.
    public let limits: KernelLimits
    /// Whether a kernel that finished a job serves the next; false gives every job a fresh process.
    public let reuse: Bool
    /// Where the pool says once which sandbox layers are missing.
    private let warn: @Sendable (String) -> Void

    private let lock = NSLock()
    private let slots: DispatchSemaphore
    private var idle: [KernelProcess] = []
    private var warned = false
    /// The sandbox layers the last kernel started could not apply (empty when all held).
    public private(set) var missingLayers: [String] = []

    /// A kernel retires after this many jobs, so processor time and heap growth stay bounded.
    static let jobsPerKernel = 64

    public init(executable: String, arguments: [String] = ["kernel"], width: Int, limits: KernelLimits = .standard,
                reuse: Bool = true, warn: @escaping @Sendable (String) -> Void = KernelPool.standardError) {
        self.executable = executable
        self.arguments = arguments
        self.width = max(1, width)
        self.limits = limits
        self.reuse = reuse
        self.warn = warn
        self.slots = DispatchSemaphore(value: max(1, width))
        // A kernel that dies while the parent writes to it must cost a cell, not the parent.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit { shutdown() }

    /// Writes `text` and a newline to standard error.
    public static let standardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Ends every idle kernel.
    public func shutdown() {
        let kernels = lock.withLock { () -> [KernelProcess] in
            defer { idle.removeAll() }
            return idle
        }
        for kernel in kernels { kernel.close() }
    }

    public func run(_ job: NotebookJob) -> NotebookResult {
        slots.wait()
        defer { slots.signal() }
        let limits = job.memoryBytes.map { KernelLimits(memoryBytes: $0, cpuSeconds: self.limits.cpuSeconds) } ?? self.limits
        var session = KernelSession(job: job)
        while let attempt = session.nextAttempt() {
            let kernel: KernelProcess
            do {
                kernel = try acquire(limits)
            } catch {
                session.failRemaining("the cell could not run: \(error.message)")
                break
            }
            switch session.drive(kernel, attempt) {
            case .finished:
                release(kernel)
            case .replace:
                kernel.kill()
            }
        }
        return session.result
    }

    /// Starts a kernel and returns the sandbox layers it could not apply (empty when all hold).
    public func missingSandboxLayers() throws -> [String] {
        let kernel = try start(limits)
        defer { kernel.close() }
        return kernel.missing
    }

    /// Test-only: asks a fresh kernel to try `action` (see `KernelRequest.probe`) and returns its answer.
    public func probe(_ action: String) throws -> String {
        let kernel = try start(limits)
        defer { kernel.kill() }
        guard kernel.send(.probe(action)) else { throw KernelFailure("the kernel closed its input") }
        switch kernel.next(deadline: DispatchTime.now().uptimeNanoseconds + 30_000_000_000) {
        case let .success(.probe(answer)): return answer
        case let .failure(failure): return "the kernel stopped: \(kernel.describe(failure))"
        case .success: throw KernelFailure("the kernel answered a probe with something else")
        }
    }

    private func acquire(_ limits: KernelLimits) throws(KernelFailure) -> KernelProcess {
        let warm = lock.withLock { () -> KernelProcess? in
            guard let index = idle.firstIndex(where: { $0.limits == limits }) else { return nil }
            return idle.remove(at: index)
        }
        if let warm { return warm }
        return try start(limits)
    }

    private func start(_ limits: KernelLimits) throws(KernelFailure) -> KernelProcess {
        let kernel = try KernelProcess.start(executable: executable, arguments: arguments, limits: limits)
        let first = lock.withLock { () -> Bool in
            missingLayers = kernel.missing
            defer { warned = true }
            return !warned
        }
        if first, !kernel.missing.isEmpty {
            warn("warning: cells run with only part of the sandbox; missing: " + kernel.missing.joined(separator: "; "))
        }
        return kernel
    }

    private func release(_ kernel: KernelProcess) {
        kernel.jobsRun += 1
        guard reuse, kernel.jobsRun < Self.jobsPerKernel else {
            kernel.close()
            return
        }
        let extra = lock.withLock { () -> KernelProcess? in
            idle.append(kernel)
            // Keep at most `width` warm kernels.
            return idle.count > width ? idle.removeFirst() : nil
        }
        extra?.close()
    }
}
