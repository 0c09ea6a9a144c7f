import Foundation
import Lessons
import Pages
import Snippets

/// Runs one fuzz input as a lesson, trapping when an invariant that must hold for every lesson fails.
///
/// The libFuzzer target (`gradus-fuzz`, `make fuzz`) and the replay test (`make test`) call this
/// same function, so a crash the fuzzer saved is reproduced in-process by an ordinary test run.
/// Runtime traps inside Lessons or the interpreter are the main findings; the `preconditionFailure`s
/// below turn quieter bugs (an unstoppable cell, an error pointing outside the file) into crashes
/// the fuzzer can save too.
///
/// `grace` is how long a cell past its limit has to notice it: half a second for the fuzzer, which
/// runs one input at a time; more for the replay test, whose process shares two cores with every
/// other suite, so that a starved thread is not taken for a cell that cannot be stopped.
public func fuzzOne(_ data: [UInt8], grace: Double = 0.5) {
    let text = String(decoding: data, as: UTF8.self)
    let lesson = Lesson.parse(source: text, path: FuzzLimits.path)
    FuzzChecks.lessonModel(lesson, text: text)
    FuzzChecks.notebookReader(text)
    FuzzChecks.resultBytes(data)
    guard FuzzLimits.fitsBudget(lesson) else { return }
    var options = FuzzLimits.options
    options.grace = grace
    let result = Notebook.run(source: text, path: FuzzLimits.path, options: options)
    FuzzChecks.notebook(result, lineCount: FuzzChecks.lineCount(text))
    FuzzChecks.resultRoundTrip(result)
}

/// The small limits a fuzz run gives each lesson, so one input costs at most a few seconds.
public enum FuzzLimits {
    /// The file name diagnostics carry.
    public static let path = "fuzz.md"
    /// Seconds per cell; a cell's own `timeout=` above this skips the interpreter (see `fitsBudget`).
    public static let cellSeconds = 1.0
    /// Swift cells run per input; inputs with more skip the interpreter.
    public static let maxCells = 12

    /// One second per cell, a 1 MiB tensor cap and a shallow call depth.
    public static var options: NotebookOptions {
        var options = NotebookOptions(timeout: cellSeconds, maxTensorBytes: 1 << 20, maxCallDepth: 200)
        options.timeoutOverride = cellSeconds
        options.grace = 0.5
        return options
    }

    /// Whether running the lesson stays within the per-input budget.
    ///
    /// A cell's own `timeout=` wins over every option, so a fuzzed `timeout=1e9` on an endless
    /// loop would be a hang of the harness, not a finding; such lessons are parsed but not run.
    public static func fitsBudget(_ lesson: Lesson) -> Bool {
        let swiftCells = lesson.cells.filter { $0.language == "swift" }
        guard swiftCells.count <= maxCells else { return false }
        return swiftCells.allSatisfy { ($0.timeout ?? 0) <= cellSeconds }
    }
}

/// Invariants every lesson must satisfy whatever its text; a violation traps so libFuzzer saves it.
enum FuzzChecks {
    /// Lines as CommonMark counts them (`\n`, `\r\n` or a lone `\r` ends one), plus the empty
    /// line an editor shows after a final line break.
    static func lineCount(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        var count = 1
        for (offset, byte) in bytes.enumerated() {
            let loneReturn = byte == 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] != 0x0A)
            if byte == 0x0A || loneReturn { count += 1 }
        }
        return count
    }

    /// Renders, exports and rewrites the lesson, and checks that every location is in the file.
    static func lessonModel(_ lesson: Lesson, text: String) {
        let lines = lineCount(text)
        for diagnostic in lesson.diagnostics {
            check(diagnostic.location, lines: lines, what: "lesson diagnostic '\(diagnostic.message)'")
        }
        for cell in lesson.cells {
            check(cell.location, lines: lines, what: "cell \(cell.index)")
            check(cell.fenceRange.start, lines: lines, what: "fence of cell \(cell.index)")
        }
        _ = MarkdownHTML.body(lesson)
        _ = PercentScript.script(from: lesson)
        roundTrip(lesson)
        notebookRoundTrip(lesson)
    }

    /// A lesson exported as a notebook imports back to the very same bytes.
    static func notebookRoundTrip(_ lesson: Lesson) {
        let notebook = JupyterNotebook.export(lesson).text
        let back = Result { () throws(LessonDiagnostic) in try JupyterNotebook.read(notebook, path: "fuzz.ipynb").lessonText(path: "fuzz.ipynb") }
        guard case .success(let text) = back else {
            preconditionFailure("the notebook exported from the lesson does not read back: \(back)")
        }
        precondition(text.utf8.elementsEqual(lesson.source.utf8), "the lesson's notebook imports back to different bytes")
    }

    /// The input read as a `.ipynb` file (the JSON reader is a parser of hostile text): it becomes
    /// a lesson or an error, and the error points inside the input.
    static func notebookReader(_ text: String) {
        do {
            _ = try JupyterNotebook.read(text, path: "fuzz.ipynb").lessonText(path: "fuzz.ipynb")
        } catch {
            check(error.location, lines: lineCount(text), what: "notebook error '\(error.message)'")
        }
    }

    /// The input's bytes read as a kernel's messages (the format's first bytes put before them):
    /// whatever they are, reading them must end, as a value or an error, without a trap.
    static func resultBytes(_ data: [UInt8]) {
        let bytes = Array("GRB1".utf8) + data
        _ = try? ResultCoding.decode(NotebookResult.self, from: bytes)
        _ = try? ResultCoding.decode(NotebookJob.self, from: bytes)
    }

    /// A result read back from its bytes is those bytes again: nothing a cell makes is lost on its way
    /// from a kernel or through the cache.
    static func resultRoundTrip(_ result: NotebookResult) {
        guard let bytes = try? ResultCoding.encode(result) else { preconditionFailure("a result that cannot be encoded") }
        let again = (try? ResultCoding.decode(NotebookResult.self, from: bytes)).flatMap { try? ResultCoding.encode($0) }
        precondition(again == bytes, "a result changed on its way through the binary format")
    }

    /// Rewriting every cell with its own code must give back cells with the same code:
    /// the grader swaps a student's cells in this way and must not change anything else.
    static func roundTrip(_ lesson: Lesson) {
        guard let again = try? lesson.replacingCells({ $0.source }) else { return }
        precondition(again.cells.count == lesson.cells.count,
                     "rewriting cells with their own code changed the cell count from \(lesson.cells.count) to \(again.cells.count)")
        for (old, new) in zip(lesson.cells, again.cells) {
            precondition(old.source == new.source,
                         "rewriting cell \(old.index) with its own code changed it from \(old.source.debugDescription) to \(new.source.debugDescription)")
        }
    }

    /// Every cell either finished or was stopped, and every error points into the file.
    static func notebook(_ result: NotebookResult, lineCount lines: Int) {
        for cell in result.cells {
            guard let error = cell.error else { continue }
            precondition(!error.message.contains("could not be stopped"),
                         "cell \(cell.number): \(error.message)")
            precondition((1...lines).contains(error.location.line) && error.location.column >= 1,
                         "cell \(cell.number): error '\(error.message)' at \(error.location) outside the file's \(lines) lines")
        }
    }

    private static func check(_ location: SourceLocation, lines: Int, what: String) {
        precondition((1...lines).contains(location.line) && location.column >= 1,
                     "\(what) at \(location.line):\(location.column) is outside the file's \(lines) lines")
    }
}
