import Foundation

/// Limits on a piece of work: a wall-clock deadline and a cap on the bytes one tensor may hold.
///
/// The interpreter runs each lesson cell under limits so that a cell that
/// loops or allocates without end gets a clear error instead of hanging or
/// crashing the process. The limits travel as a task-local value, not a
/// global, so parallel lessons each have their own, and Descent's long loops
/// (`minimize`, `fit`, the optimizers' steps) call `ExecutionLimits.check()`.
public struct ExecutionLimits: Sendable {
    /// Monotonic time (nanoseconds, `DispatchTime.uptimeNanoseconds`) after which work must stop.
    public var deadline: UInt64?
    /// The wall-clock limit in seconds, for the error message.
    public var seconds: Double?
    /// The most bytes a single tensor may hold.
    public var maxTensorBytes: Int?
    /// Set from outside (e.g. by a watchdog) to stop the work at its next check.
    public var cancellation: CancellationFlag?
    /// Whether a comparison may run its optimizers on several threads. The interpreter
    /// turns this off when runs call back into interpreted code, which is single-threaded.
    public var allowsParallelRuns: Bool = true
    /// What the work consumed against its memory budget and output caps; one per cell.
    public var meter: ResourceMeter?

    public init(seconds: Double? = nil, maxTensorBytes: Int? = nil, cancellation: CancellationFlag? = nil, memoryBudget: Int? = nil) {
        self.seconds = seconds
        self.deadline = seconds.map { DispatchTime.now().uptimeNanoseconds + UInt64(max(0, $0) * 1e9) }
        self.maxTensorBytes = maxTensorBytes
        self.cancellation = cancellation
        self.meter = memoryBudget.map(ResourceMeter.init(budget:))
    }

    /// The limits of the current task; none unless someone called `withLimits`.
    @TaskLocal public static var current: ExecutionLimits?

    /// Runs `body` under these limits.
    public func run<T>(_ body: () throws -> T) rethrows -> T {
        try ExecutionLimits.$current.withValue(self, operation: body)
    }

    /// Throws `LimitExceeded.time` when the current deadline has passed or the work was cancelled.
    @inlinable
    public static func check() throws {
        guard let limits = current else { return }
        if let flag = limits.cancellation, flag.isSet {
            throw LimitExceeded.time(seconds: limits.seconds ?? 0)
        }
        if let deadline = limits.deadline, DispatchTime.now().uptimeNanoseconds > deadline {
            throw LimitExceeded.time(seconds: limits.seconds ?? 0)
        }
    }

    /// Throws `LimitExceeded.memory` when a tensor of `count` elements would exceed the cap
    /// on one tensor or the cell's whole memory budget, whichever is smaller.
    public static func checkAllocation(count: Int) throws {
        guard let limits = current else { return }
        let caps = [limits.maxTensorBytes, limits.meter?.budget].compactMap { $0 }
        guard let cap = caps.min() else { return }
        let bytes = count.multipliedReportingOverflow(by: MemoryLayout<Double>.size)
        if bytes.overflow || bytes.partialValue > cap {
            throw LimitExceeded.memory(bytes: bytes.overflow ? Int.max : bytes.partialValue, limit: cap)
        }
    }
}

/// A limit that stopped a piece of work.
public enum LimitExceeded: Error, Equatable, Sendable, CustomStringConvertible {
    case time(seconds: Double)
    case memory(bytes: Int, limit: Int)
    case recursion(depth: Int)

    public var description: String {
        switch self {
        case let .time(seconds):
            return "time limit exceeded: the cell ran longer than \(Self.format(seconds)) s (raise it with `timeout: N` in the front matter or `timeout=N` on the fence)"
        case let .memory(bytes, limit):
            return "memory limit exceeded: a tensor of \(bytes / 1_048_576) MiB exceeds the limit of \(limit / 1_048_576) MiB"
        case let .recursion(depth):
            return "expression or recursion too deep (limit \(depth)); use a loop instead of deep recursion, or split a long expression into several lets"
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// A flag another thread can set to cancel work at its next `ExecutionLimits.check()`.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    public init() {}

    public var isSet: Bool { lock.withLock { value } }
    public func set() { lock.withLock { value = true } }
}
