/// What one cell consumed so far: bytes charged against its memory budget, and its output.
///
/// A cell's limits carry one meter (`ExecutionLimits.meter`), created with them, so every
/// cell starts from zero without anyone resetting a counter. Only the cell's own thread
/// touches it (parallel runs never call back into the interpreter, which is what charges
/// it), so the counters are plain fields: a lock per `append` would cost more than the count.
public final class ResourceMeter: @unchecked Sendable {
    /// The most bytes the cell may charge.
    public let budget: Int
    /// Bytes charged so far; only grows (see docs/run.md: memory accounting is monotonic).
    public private(set) var charged = 0
    /// Bytes of printed text kept, and bytes dropped past the output cap since the last report.
    public var printedBytes = 0
    public var droppedBytes = 0
    /// Table rows kept so far.
    public var tableRows = 0
    /// The most bytes of printed (and displayed) text a cell keeps; the rest is counted, not stored.
    public var outputCap = 1 << 20
    /// The most table rows a cell keeps.
    public var tableRowCap = 10_000

    public init(budget: Int) {
        self.budget = max(0, budget)
    }

    /// Whether `bytes` more would still fit the budget.
    public func fits(_ bytes: Int) -> Bool {
        let total = charged.addingReportingOverflow(max(0, bytes))
        return !total.overflow && total.partialValue <= budget
    }

    /// Adds `bytes` to the charge and returns true, or returns false and leaves the charge as it was;
    /// the caller words the error, since only it knows what was being built.
    public func charge(_ bytes: Int) -> Bool {
        guard fits(bytes) else { return false }
        charged += max(0, bytes)
        return true
    }
}
