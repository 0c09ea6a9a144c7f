import Foundation
import Lessons
import Outputs

/// How a cell ended.
public enum CellStatus: String, Sendable, Codable {
    /// Ran without error, or raised the error a `raises` cell expects.
    case ok
    /// Failed unexpectedly.
    case error
    /// Not run: `norun`, or a cell after the one `--cell` asked for.
    case skipped
}

/// The outcome of one cell: what it showed and the error it raised, if any.
///
/// This one type is what a kernel sends over its pipe, what the execution cache stores and what
/// the terminal, the site and the grader read, so a result looks the same wherever it came from.
public struct CellResult: Sendable, Codable, Equatable {
    /// The cell's `Cell.index` in its lesson (0-based among all fenced blocks): the key of a result.
    public var cell: Int
    /// 1-based position among the lesson's swift cells, as `gradus run --cell N` counts.
    public var number: Int
    /// 1-based line of the cell's opening fence in the lesson file.
    public var line: Int
    public var status: CellStatus
    public var outputs: [Output]
    public var error: LessonDiagnostic?
    /// True for a `raises` cell whose error was expected.
    public var expectedError: Bool
    /// What kind of error ended the cell: `.notCompleted` for `todo()` (the cell is then
    /// `skipped`, not failed), `.expectation` for a failed `expect…`, `.error` otherwise.
    public var failureKind: FailureKind

    public init(cell: Int, number: Int, line: Int, status: CellStatus, outputs: [Output] = [],
                error: LessonDiagnostic? = nil, expectedError: Bool = false, failureKind: FailureKind = .error) {
        self.cell = cell
        self.number = number
        self.line = line
        self.status = status
        self.outputs = outputs
        self.error = error
        self.expectedError = expectedError
        self.failureKind = failureKind
    }

    /// The result with every line number passed through `move`: a cached result made when the
    /// prose above its cell was shorter or longer.
    public func movingLines(_ move: (Int) -> Int) -> CellResult {
        var copy = self
        copy.line = move(line)
        copy.error = error?.movingLines(move)
        return copy
    }
}

/// Why a cell stopped, read by the grader from the structured result rather than from printed text.
public enum FailureKind: String, Sendable, Codable {
    /// Any error: a mistake in the code, a limit, a library error.
    case error
    /// An `expect`, `expectClose`, `expectSameTrajectory` or `expectLoss` that did not hold.
    case expectation
    /// `todo()`: an exercise the student has not completed yet.
    case notCompleted
    /// The process running the cell died or stopped answering (a signal, the memory limit).
    case crashed
}

/// The outcome of running a lesson's cells.
public struct NotebookResult: Sendable, Codable {
    public var lesson: String
    public var cells: [CellResult]
    /// Wall-clock seconds each cell took, by `Cell.index`, as the caller measured them. Not encoded:
    /// timings differ from run to run, and what is written must not.
    public var seconds: [Int: Double] = [:]

    private enum CodingKeys: String, CodingKey {
        case lesson, cells
    }

    public init(lesson: String, cells: [CellResult], seconds: [Int: Double] = [:]) {
        self.lesson = lesson
        self.cells = cells
        self.seconds = seconds
    }

    /// True when some cell failed unexpectedly; `gradus run` then exits 1.
    public var hasUnexpectedFailure: Bool { cells.contains { $0.status == .error } }

    /// The result of the cell with `Cell.index` `index`, if it ran or was skipped.
    public subscript(cell index: Int) -> CellResult? { cells.first { $0.cell == index } }
}

/// Limits and choices for a run.
public struct NotebookOptions: Sendable, Codable, Equatable {
    /// Seconds per cell unless the lesson or the fence says otherwise.
    public var timeout: Double = 30
    /// The most bytes one tensor may hold.
    public var maxTensorBytes: Int = 1 << 30
    /// The deepest nesting of evaluation steps (expressions, statements, calls) before
    /// `expression or recursion too deep`; the default fits the cell thread's stack.
    public var maxCallDepth: Int = NotebookOptions.defaultMaxDepth
    /// Bytes of values one cell may create (strings, collections, tensors, printed text) before
    /// `memory limit exceeded`; see docs/run.md for what is counted.
    public var memoryBudget: Int = 1 << 30
    /// Run cells up to this 1-based index and report only it.
    public var onlyCell: Int?
    /// Seconds to wait beyond the limit for a cell to notice it before giving up on it.
    public var grace: Double = 0.5
    /// Replaces the lesson's front-matter limit and `timeout` for cells without their own `timeout=`
    /// (the grader's per-test limit: a key's site-build limit should not let a loop run 30 s).
    public var timeoutOverride: Double?
    /// Whether `test=` cells run in a scope of their own that later cells do not see (the grader's isolation).
    public var isolatesTests: Bool = false

    /// A depth whose worst case fits the cell thread's 512 MiB stack with room to spare.
    ///
    /// Measured on a debug build (larger frames than release); the figure per level is in docs/run.md.
    public static let defaultMaxDepth = 10_000

    public init(timeout: Double = 30, maxTensorBytes: Int = 1 << 30, maxCallDepth: Int = NotebookOptions.defaultMaxDepth, onlyCell: Int? = nil) {
        self.timeout = timeout
        self.maxTensorBytes = maxTensorBytes
        self.maxCallDepth = maxCallDepth
        self.onlyCell = onlyCell
    }
}
