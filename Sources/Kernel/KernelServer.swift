import CTrapReport
import Descent
import Foundation
import Snippets

/// The kernel's side of the pipe: lock the process down, then run jobs and stream their results.
///
/// A kernel is `gradus kernel` started by a `KernelPool`. It reads requests on standard input and
/// writes events on standard output; nothing else is written there, so a cell can never forge an
/// event (its printed text is part of its result).
public struct KernelServer {
    public var limits: KernelLimits
    /// Test-only misbehaviour, to prove the parent survives a kernel that crashes, hangs or babbles.
    public var faults: KernelFaults

    public init(limits: KernelLimits, faults: KernelFaults = KernelFaults()) {
        self.limits = limits
        self.faults = faults
    }

    /// Serves requests until standard input closes; returns the exit status.
    public func serve() -> Int32 {
        warmUp()
        // Before the sandbox: it loads what a backtrace needs while loading is still allowed.
        _ = gradus_install_trap_report()
        let missing = KernelSandbox.enter(limits)
        guard send(.ready(missing: missing)) else { return 1 }
        var reader = FrameReader(fd: STDIN_FILENO)
        while case let .success(body) = reader.next(deadline: nil) {
            let request: KernelRequest
            do {
                request = try Framing.decode(KernelRequest.self, from: body)
            } catch {
                return 2
            }
            switch request {
            case let .run(job):
                if !run(job) { return 3 }
            case let .probe(action):
                guard send(.probe(KernelProbe.attempt(action))) else { return 1 }
            }
        }
        return 0
    }

    /// Runs one job; false when the kernel must exit (a stuck cell, a closed pipe).
    private func run(_ job: NotebookJob) -> Bool {
        var open = true
        let stuck = Notebook.stream(job, willRun: { cell in
            if open { open = send(.started(cell: cell)) }
            faults.trigger(beforeCell: cell)
        }, onResult: { result in
            if open { open = send(.result(result)) }
        })
        if let stuck {
            _ = send(.stuck(cell: stuck.cell))
            return false
        }
        return open && send(.finished)
    }

    private func send(_ event: KernelEvent) -> Bool {
        guard let bytes = try? Framing.encode(event) else { return false }
        return Framing.write(bytes, to: STDOUT_FILENO)
    }

    /// Does once, before the sandbox, what would otherwise open files later: the bundled data
    /// sets (and `Bundle.module` behind them), and the first use of JSON coding. It starts no
    /// thread: the network namespace can only be entered by a single-threaded process.
    private func warmUp() {
        preloadBundledDatasets()
        _ = try? Framing.encode(KernelEvent.finished)
    }
}

/// Ways a test can make a kernel misbehave on purpose; never set by the commands users run.
public struct KernelFaults: Sendable {
    /// Kill the kernel with this signal just before the cell with this `Cell.index` runs.
    public var crash: (cell: Int, signal: Int32)?
    /// Stop answering (sleep, ignoring the time limit) before this cell.
    public var hang: Int?
    /// Write bytes that are not a frame before this cell.
    public var garbage: Int?
    /// Trap as the Swift runtime does (an integer overflow: a bare illegal instruction) before this cell.
    public var trap: Int?

    public init(crash: (cell: Int, signal: Int32)? = nil, hang: Int? = nil, garbage: Int? = nil, trap: Int? = nil) {
        self.crash = crash
        self.hang = hang
        self.garbage = garbage
        self.trap = trap
    }

    /// `value + 1`, which traps for `Int.max`; not inlined, so the trap has a frame of its own.
    @inline(never)
    static func overflowing(_ value: Int) -> Int { value + 1 }

    func trigger(beforeCell cell: Int) {
        if let crash, crash.cell == cell { raise(crash.signal) }
        if trap == cell { print(Self.overflowing(Int.max)) }
        if hang == cell { while true { sleep(60) } }
        if garbage == cell {
            _ = Framing.write(Array("Segmentation fault (core dumped)\n".utf8), to: STDOUT_FILENO)
        }
    }
}
