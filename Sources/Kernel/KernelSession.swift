import Foundation
import Lessons
import Snippets

/// One job's way through one or more kernels: which cells have results, which cost a kernel.
struct KernelSession {
    let job: NotebookJob
    private var results: [Int: CellResult] = [:]
    /// Seconds from each cell's `started` event to its result, as this process saw them.
    private var seconds: [Int: Double] = [:]
    /// Cells that stopped a kernel: never run again.
    private var poisoned: Set<Int>
    private var done = false

    /// Seconds allowed for anything between cells (starting, parsing a job).
    static let idleSeconds: Double = 60

    init(job: NotebookJob) {
        self.job = job
        poisoned = job.skip
    }

    enum Outcome {
        /// The kernel finished the job and can serve another.
        case finished
        /// The kernel died, stopped answering or is stuck: kill it and use a fresh one.
        case replace
    }

    /// The job for the next kernel, or nil when every cell has its result.
    mutating func nextAttempt() -> NotebookJob? {
        guard !done, pending.first != nil else { return nil }
        var attempt = job
        attempt.skip = poisoned
        return attempt
    }

    /// Cells still without a result, in order.
    private var pending: [Cell] {
        job.reportedCells.filter { results[$0.index] == nil && !poisoned.contains($0.index) }
    }

    /// Sends `attempt` to `kernel` and collects its events until the job ends or the kernel fails.
    mutating func drive(_ kernel: KernelProcess, _ attempt: NotebookJob) -> Outcome {
        var running: Int?
        var startedAt = DispatchTime.now().uptimeNanoseconds
        var deadline = Self.deadline(after: Self.idleSeconds)
        guard kernel.send(.run(attempt)) else {
            crash(pending.first?.index, "the kernel closed its input: \(kernel.describe(.closed))")
            return .replace
        }
        while true {
            switch kernel.next(deadline: deadline) {
            case let .success(.started(cell)):
                running = cell
                startedAt = DispatchTime.now().uptimeNanoseconds
                let seconds = job.cells.first { $0.index == cell }.map(job.seconds(for:)) ?? job.options.timeout
                deadline = Self.deadline(after: seconds + 2 * job.options.grace + 1)
            case let .success(.result(result)):
                if results[result.cell] == nil {
                    results[result.cell] = result
                    seconds[result.cell] = Double(DispatchTime.now().uptimeNanoseconds - startedAt) / 1e9
                }
                running = nil
                deadline = Self.deadline(after: Self.idleSeconds)
            case let .success(.stuck(cell)):
                poisoned.insert(cell)
                return .replace
            case .success(.finished):
                done = true
                return .finished
            case .success(.ready), .success(.probe):
                continue
            case let .failure(failure):
                crash(running ?? pending.first?.index, kernel.describe(failure))
                return .replace
            }
        }
    }

    /// Gives `cell` the error of a kernel that stopped while running it, and never runs it again.
    private mutating func crash(_ cell: Int?, _ reason: String) {
        guard let index = cell, let found = job.cells.first(where: { $0.index == index }) else {
            done = true
            return
        }
        poisoned.insert(index)
        results[index] = CellResult(
            cell: index, number: job.number(of: found), line: found.fenceRange.start.line, status: .error,
            error: job.diagnostic("the interpreter stopped while running this cell: \(reason)", at: found.location),
            failureKind: .crashed)
    }

    /// Every cell still without a result fails with `message` (no kernel could be started).
    mutating func failRemaining(_ message: String) {
        for cell in pending {
            results[cell.index] = CellResult(cell: cell.index, number: job.number(of: cell), line: cell.fenceRange.start.line,
                                             status: .error, error: job.diagnostic(message, at: cell.location), failureKind: .crashed)
        }
        done = true
    }

    /// The results in cell order (only `onlyCell`'s when it is set).
    var result: NotebookResult {
        var cells = job.reportedCells.compactMap { results[$0.index] }
        if let only = job.options.onlyCell { cells = cells.filter { $0.number == only } }
        return NotebookResult(lesson: job.path, cells: cells, seconds: seconds)
    }

    private static func deadline(after seconds: Double) -> UInt64 {
        DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
    }
}
