/// Clients that run cells read their outputs with `import Snippets` alone.
@_exported import Outputs
import Descent
import Foundation
import Lessons
import SwiftSyntax

/// Runs a lesson's swift cells top to bottom in one environment, as a notebook does, in this process.
///
/// This is what a kernel runs inside its sandbox; commands run lessons through a `CellExecutor`
/// (a pool of kernels) and never call this directly.
public enum Notebook {
    /// Runs a parsed lesson.
    public static func run(_ lesson: Lesson, options: NotebookOptions = NotebookOptions()) -> NotebookResult {
        run(NotebookJob(lesson: lesson, options: options))
    }

    /// Loads and runs the lesson at `path`; throws only when the file cannot be read.
    public static func run(path: String, options: NotebookOptions = NotebookOptions()) throws -> NotebookResult {
        run(try Lesson.load(path: path), options: options)
    }

    /// Parses and runs lesson text; `path` names the file in diagnostics.
    public static func run(source text: String, path: String, options: NotebookOptions = NotebookOptions()) -> NotebookResult {
        run(Lesson.parse(source: text, path: path), options: options)
    }

    /// Runs a job, handing each cell's result to `onResult` as soon as the cell ends.
    ///
    /// A cell that cannot be stopped after its time limit leaves the interpreter busy, so the cells
    /// after it are reported "not run".
    public static func run(_ job: NotebookJob, onResult: (CellResult) -> Void = { _ in }) -> NotebookResult {
        var results: [CellResult] = []
        var seconds: [Int: Double] = [:]
        var started = DispatchTime.now().uptimeNanoseconds
        func report(_ result: CellResult) {
            seconds[result.cell] = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            results.append(result)
            onResult(result)
        }
        if let stuck = stream(job, willRun: { _ in started = DispatchTime.now().uptimeNanoseconds }, onResult: report) {
            for cell in job.reportedCells where cell.index > stuck.cell && !job.skip.contains(cell.index) {
                report(CellResult(cell: cell.index, number: job.number(of: cell), line: cell.fenceRange.start.line, status: .error,
                                  error: job.diagnostic("not run: cell \(stuck.number) could not be stopped after its time limit",
                                                        at: cell.fenceRange.start)))
            }
        }
        if let only = job.options.onlyCell { results = results.filter { $0.number == only } }
        return NotebookResult(lesson: job.path, cells: results, seconds: seconds)
    }

    /// Runs the job's cells in order, calling `willRun` with a cell's `Cell.index` just before it
    /// runs and `onResult` with its result, and stops after a cell that could not be stopped after
    /// its time limit, returning that cell's result.
    ///
    /// A kernel uses this: after such a cell its interpreter thread is still busy, so the kernel
    /// reports the cell and is replaced rather than running more cells beside that thread.
    public static func stream(_ job: NotebookJob, willRun: (Int) -> Void = { _ in },
                              onResult: (CellResult) -> Void) -> CellResult? {
        NotebookRunner(job: job).run(willRun: willRun, onResult)
    }
}

/// The runner behind `Notebook.run`: one interpreter, one source map, cells in order.
final class NotebookRunner {
    let job: NotebookJob
    let interpreter: Interpreter
    let map: SourceMap
    private let thread = CellThread()
    /// Each cell's one parse, made on the worker thread when the cell (or the exercise rules) first needs it.
    private var parses: [Int: ParsedCell] = [:]
    /// Made when the first exercise cell runs, from the parses of the lesson's other cells.
    private var rules: ExerciseRules?

    init(job: NotebookJob) {
        self.job = job
        self.interpreter = Interpreter(maxDepth: job.options.maxCallDepth)
        interpreter.unsuggested = ExerciseRules.forbiddenNames(in: job)
        interpreter.moduleName = LessonPackage.moduleName(forLessonAt: job.path)
        self.map = SourceMap(source: job.source)
    }

    /// The cell's parse, registered with the source map the first time it is asked for.
    private func parsed(_ cell: Cell) -> ParsedCell {
        if let parsed = parses[cell.index] { return parsed }
        var code = cell.source
        if code.hasSuffix("\n") { code.removeLast() }
        let parsed = SnippetParser.parse(code, fileName: job.path)
        map.add(parsed, for: cell)
        parses[cell.index] = parsed
        return parsed
    }

    /// The error an exercise cell's code earns before it runs: a forbidden name, or a redefinition
    /// of a builtin or of a name the lesson's other cells define.
    private func ruleViolation(_ cell: Cell, tree: SourceFileSyntax) -> SnippetError? {
        guard cell.exercise != nil else { return nil }
        let rules = self.rules ?? ExerciseRules(job: job, builtins: interpreter.builtins) { parsed($0).tree }
        self.rules = rules
        return rules.violation(in: tree, cell: cell)
    }

    /// Runs the cells in order; returns the result of a cell that could not be stopped, if one could not.
    func run(willRun: (Int) -> Void = { _ in }, _ report: (CellResult) -> Void) -> CellResult? {
        for cell in job.reportedCells where !job.skip.contains(cell.index) {
            if cell.norun {
                report(skipped(cell))
                continue
            }
            willRun(cell.index)
            let (result, finished) = runOnWorker(cell)
            report(result)
            // A cell that could not be stopped keeps the thread; it is left to it.
            if !finished { return result }
        }
        thread.close()
        return nil
    }

    func skipped(_ cell: Cell) -> CellResult {
        CellResult(cell: cell.index, number: job.number(of: cell), line: cell.fenceRange.start.line, status: .skipped)
    }

    /// Runs a cell on a thread with a large stack and waits at most its time limit plus a grace period.
    private func runOnWorker(_ cell: Cell) -> (CellResult, finished: Bool) {
        let seconds = job.seconds(for: cell)
        let flag = CancellationFlag()
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let work = UncheckedJob { [self] in
            box.result = self.evaluate(cell, seconds: seconds, flag: flag)
            done.signal()
        }
        thread.submit { work.body() }
        let grace = job.options.grace
        if done.wait(timeout: .now() + seconds + grace) == .timedOut {
            flag.set()
            if done.wait(timeout: .now() + grace) == .timedOut {
                var result = skipped(cell)
                result.status = .error
                result.error = map.make(LimitExceeded.time(seconds: seconds).description, at: cell.location)
                return (result, false)
            }
        }
        return (box.result ?? skipped(cell), true)
    }

    /// Parses and evaluates one cell under its limits; runs on the worker thread.
    private func evaluate(_ cell: Cell, seconds: Double, flag: CancellationFlag) -> CellResult {
        var result = skipped(cell)
        result.status = .ok
        let parsed = parsed(cell)
        interpreter.printed = ""
        interpreter.outputs = []
        var failure: LessonDiagnostic?
        var failureKind = FailureKind.error
        if let first = parsed.syntaxErrors.first(where: { $0.diagMessage.severity == .error }) {
            failure = map.diagnostic(first, root: Syntax(parsed.tree), cell: cell)
        } else if let violation = ruleViolation(cell, tree: parsed.tree) {
            failure = diagnostic(for: violation, cell: cell)
        } else {
            let scope = Environment(parent: interpreter.globals)
            var limits = ExecutionLimits(seconds: seconds, maxTensorBytes: job.options.maxTensorBytes, cancellation: flag,
                                         memoryBudget: job.options.memoryBudget)
            limits.allowsParallelRuns = true
            do {
                let value = try limits.run { try interpreter.runCell(parsed.tree.statements, in: scope) }
                if !(job.options.isolatesTests && cell.test != nil) { scope.merge(into: interpreter.globals) }
                interpreter.flushPrinted()
                interpreter.outputs += interpreter.builtins.display(value)
            } catch {
                failure = diagnostic(for: error, cell: cell)
                if let error = error as? SnippetError { failureKind = error.kind }
            }
        }
        interpreter.flushPrinted()
        result.outputs = interpreter.outputs
        judge(&result, cell: cell, failure: failure, kind: failureKind)
        return result
    }

    /// Sets the status from the cell's error and its `raises` attribute.
    private func judge(_ result: inout CellResult, cell: Cell, failure: LessonDiagnostic?, kind: FailureKind) {
        guard let failure else {
            if cell.raises {
                result.status = .error
                result.error = map.make("this cell is marked 'raises' but ran without an error", at: cell.fenceRange.start)
            }
            return
        }
        result.error = failure
        result.failureKind = kind
        if cell.raises, let wanted = cell.raisesMatching, !failure.message.contains(wanted) {
            // `raises="text"` promises a particular error; a different one is a failure, not a pass.
            result.status = .error
            result.error?.message = "expected an error containing '\(wanted)', but the cell raised: \(failure.message)"
            return
        }
        result.status = cell.raises ? .ok : .error
        result.expectedError = cell.raises
        // `todo()` marks an exercise not done yet: shown as such, not as a failure.
        if kind == .notCompleted, !cell.raises {
            result.status = .skipped
            result.outputs.append(.text(failure.message))
        }
    }

    private func diagnostic(for error: Error, cell: Cell) -> LessonDiagnostic {
        switch error {
        case let error as SnippetError:
            let notes = error.notes.map { map.note($0.message, node: $0.node) }
            return map.diagnostic(error.message, node: error.node, fallback: cell, notes: notes)
        case let error as LimitExceeded:
            return map.diagnostic(error.description, node: nil, fallback: cell)
        case let error as DescentError:
            return map.diagnostic(error.description, node: nil, fallback: cell)
        default:
            return map.diagnostic(String(describing: error), node: nil, fallback: cell)
        }
    }
}

/// Where the worker thread leaves its result; read only after the semaphore is signalled.
private final class ResultBox: @unchecked Sendable {
    var result: CellResult?
}

/// Carries a closure over non-Sendable interpreter state to the worker thread; the semaphore orders access.
private struct UncheckedJob: @unchecked Sendable {
    let body: () -> Void
}
