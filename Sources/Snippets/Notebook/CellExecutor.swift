/// Runs notebook jobs: in this process, or in sandboxed kernel processes (the `Kernel` target).
///
/// The site, the grader and the commands take an executor rather than calling `Notebook`, so the
/// command-line tool can hand them a pool of kernels while tests and library users may run cells
/// in-process.
public protocol CellExecutor: Sendable {
    /// Runs every cell of `job` and returns their results in order; never throws: whatever goes
    /// wrong while running a cell ends as that cell's error.
    func run(_ job: NotebookJob) -> NotebookResult
}

/// Runs cells in the calling process: fast, but a cell that crashes the interpreter takes the
/// process with it. For tests and trusted code; the `gradus` commands use kernels.
public struct InProcessExecutor: CellExecutor {
    public init() {}

    public func run(_ job: NotebookJob) -> NotebookResult {
        Notebook.run(job)
    }
}
