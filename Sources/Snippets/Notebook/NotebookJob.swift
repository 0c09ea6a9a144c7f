import Lessons

/// A lesson as a notebook runner needs it: the parent's one parse of the file, ready to cross a pipe.
///
/// The parent loads the lesson once (`Lesson`); the runner, in-process or in a kernel, gets the
/// swift cells as the model gave them, so locations, attributes and code are the model's own and
/// nothing is parsed twice.
public struct NotebookJob: Sendable, Codable, Equatable {
    /// The lesson's path, as every location names it.
    public var path: String
    /// The file's text, for the source line shown under a diagnostic.
    public var source: String
    /// The front matter's time limit per cell, in seconds.
    public var timeout: Double?
    /// The memory a kernel may use for this lesson, in bytes: the front matter's `memory:`, else
    /// the caller's default; nil leaves the executor's own limit. In-process runs ignore it.
    public var memoryBytes: Int?
    /// The lesson's swift cells, in order.
    public var cells: [Cell]
    public var options: NotebookOptions
    /// `Cell.index` values not to run: cells whose results the caller already has because running
    /// them stopped a kernel. The cells before them are run again to rebuild the environment.
    public var skip: Set<Int> = []
    /// Seconds particular cells may run, by `Cell.index`, ahead of every other rule: the grader's
    /// adaptive limits for test cells, from the key's own time for each test.
    public var limits: [Int: Double] = [:]

    public init(lesson: Lesson, options: NotebookOptions = NotebookOptions()) {
        path = lesson.path
        source = lesson.source
        timeout = lesson.timeout
        memoryBytes = lesson.memory
        cells = lesson.cells.filter { $0.language == "swift" }
        self.options = options
    }

    /// Seconds `cell` may run: its entry in `limits`, else its fence's `timeout=`, else the
    /// override, the lesson's, the default.
    public func seconds(for cell: Cell) -> Double {
        limits[cell.index] ?? cell.timeout ?? options.timeoutOverride ?? timeout ?? options.timeout
    }

    /// An error at `location` with the lesson line it points into.
    public func diagnostic(_ message: String, at location: SourceLocation) -> LessonDiagnostic {
        SourceMap(source: source).make(message, at: location)
    }

    /// 1-based position of `cell` among the swift cells.
    public func number(of cell: Cell) -> Int {
        (cells.firstIndex { $0.index == cell.index } ?? 0) + 1
    }

    /// The cells this job reports on: all of them, or those up to `onlyCell`.
    public var reportedCells: [Cell] {
        guard let only = options.onlyCell else { return cells }
        return Array(cells.prefix(max(0, only)))
    }
}
