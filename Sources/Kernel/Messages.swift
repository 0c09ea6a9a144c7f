import Snippets

/// What the parent asks of a kernel, one frame each.
public enum KernelRequest: Codable, Sendable {
    /// Run a lesson's cells and stream their results.
    case run(NotebookJob)
    /// Test-only: try one forbidden thing from inside the sandbox (`open-file PATH`, `socket`,
    /// `exec`, `fork`, `write-file`) and say what happened, so tests can prove each layer holds.
    case probe(String)
}

/// What a kernel tells the parent, one frame each, in order.
public enum KernelEvent: Codable, Sendable {
    /// The kernel is up and locked down; `missing` names the sandbox layers it could not apply, with why.
    case ready(missing: [String])
    /// The cell with this `Cell.index` starts now: if the kernel dies or stops answering before its
    /// result, this is the cell that costs.
    case started(cell: Int)
    /// A cell's result, as soon as the cell ends.
    case result(CellResult)
    /// A cell did not stop after its time limit: its result was sent, and the kernel exits rather
    /// than run more cells beside a busy interpreter.
    case stuck(cell: Int)
    /// Every cell of the job has its result.
    case finished
    /// The answer to a probe.
    case probe(String)
}
