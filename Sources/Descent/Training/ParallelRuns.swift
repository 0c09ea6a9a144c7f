import Foundation

/// Runs independent jobs side by side and returns their results in input order.
///
/// Here the independent runs of a comparison run side by side; inside one run,
/// only kernels whose output elements are independent split across threads
/// (Compute/Parallel.swift). Either way results are the same bits whatever
/// the thread count. The caller's `ExecutionLimits` are carried into every worker.
/// When the limits forbid parallel runs (the interpreter does so when runs
/// call back into interpreted code), jobs run one after another.
func runInParallel<T: Sendable>(_ count: Int, _ job: @Sendable (Int) throws -> T) throws -> [T] {
    let limits = ExecutionLimits.current
    let parallel = count > 1 && (limits?.allowsParallelRuns ?? true) && ProcessInfo.processInfo.activeProcessorCount > 1
    guard parallel else {
        return try (0..<count).map(job)
    }
    let results = ResultSlots<T>(count: count)
    // The runs already keep both cores busy, so each computes its kernels on its own thread: nested
    // two-thread kernels inside parallel runs oversubscribed the cores. A task-local does not
    // follow work onto other threads, so it is set here.
    var oneThread = ComputeSettings.current
    oneThread.threads = 1
    let single = oneThread
    // Our own threads, not Dispatch's: see WorkerThreads for why a sandboxed kernel needs that.
    WorkerThreads.run(count, width: ProcessInfo.processInfo.activeProcessorCount) { index in
        let outcome = Result { () throws -> T in
            try ComputeSettings.$current.withValue(single) {
                if let limits { return try limits.run { try job(index) } }
                return try job(index)
            }
        }
        results.store(outcome, at: index)
    }
    return try results.values()
}

/// Result slots written by concurrent workers, each slot by exactly one worker.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<T, any Error>, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    /// The results in order; the first error (in input order) is rethrown.
    func values() throws -> [T] {
        try lock.withLock { slots }.map { slot in
            guard let slot else { throw DescentError.invalidArgument(name: "parallel run", value: "missing", expected: "a result") }
            return try slot.get()
        }
    }
}
