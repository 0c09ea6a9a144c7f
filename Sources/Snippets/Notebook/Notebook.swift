/// Clients that run cells read their outputs with `import Snippets` alone.
@_exported import Outputs
import Descent
import Foundation
import SwiftSyntax

/// Runs a lesson's swift cells top to bottom in one environment, as a notebook does.
public enum Notebook {
    /// Reads and runs the lesson at `path`; throws only when the file cannot be read.
    public static func run(path: String, options: NotebookOptions = NotebookOptions()) throws -> NotebookResult {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return run(source: text, path: path, options: options)
    }

    /// Runs lesson text; `path` names the file in diagnostics.
    public static func run(source text: String, path: String, options: NotebookOptions = NotebookOptions()) -> NotebookResult {
        let source = LessonsAdapter(path: path, text: text)
        return NotebookRunner(source: source, options: options).run()
    }

    /// The number of swift cells in lesson text, for checking `--cell`.
    public static func cellCount(source text: String, path: String) -> Int {
        LessonsAdapter(path: path, text: text).cells.count
    }
}

/// The runner behind `Notebook.run`: one interpreter, one source map, cells in order.
final class NotebookRunner {
    let source: LessonSource
    let options: NotebookOptions
    let interpreter: Interpreter
    let map: SourceMap

    init(source: LessonSource, options: NotebookOptions) {
        self.source = source
        self.options = options
        self.interpreter = Interpreter(maxDepth: options.maxCallDepth)
        self.map = SourceMap(source: source)
    }

    func run() -> NotebookResult {
        var results: [CellResult] = []
        var abandoned: Int?
        for cell in source.cells {
            if let only = options.onlyCell, cell.index > only { break }
            var result: CellResult
            if let stuck = abandoned {
                result = skipped(cell)
                result.status = .error
                result.error = map.make("not run: cell \(stuck) could not be stopped after its time limit", line: cell.fenceLine, column: 1)
            } else if cell.attributes.norun {
                result = skipped(cell)
            } else {
                let (outcome, finished) = runOnWorker(cell)
                result = outcome
                if !finished { abandoned = cell.index }
            }
            if options.onlyCell == nil || options.onlyCell == cell.index { results.append(result) }
        }
        return NotebookResult(lesson: source.path, cells: results)
    }

    private func skipped(_ cell: LessonCell) -> CellResult {
        CellResult(index: cell.index, line: cell.fenceLine, status: .skipped, outputs: [], error: nil,
                   source: cell.code, showsSource: !cell.attributes.hide, expectedError: false)
    }

    /// Runs a cell on a thread with a large stack and waits at most its time limit plus a grace period.
    private func runOnWorker(_ cell: LessonCell) -> (CellResult, finished: Bool) {
        let seconds = cell.attributes.timeout ?? options.timeoutOverride ?? source.timeout ?? options.timeout
        let flag = CancellationFlag()
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let job = UncheckedJob { [self] in
            box.result = self.evaluate(cell, seconds: seconds, flag: flag)
            done.signal()
        }
        let thread = Thread { job.body() }
        thread.stackSize = 1 << 29
        thread.start()
        if done.wait(timeout: .now() + seconds + options.grace) == .timedOut {
            flag.set()
            if done.wait(timeout: .now() + options.grace) == .timedOut {
                var result = skipped(cell)
                result.status = .error
                result.error = map.make(LimitExceeded.time(seconds: seconds).description, line: cell.codeLine, column: cell.indent + 1)
                return (result, false)
            }
        }
        return (box.result ?? skipped(cell), true)
    }

    /// Parses and evaluates one cell under its limits; runs on the worker thread.
    private func evaluate(_ cell: LessonCell, seconds: Double, flag: CancellationFlag) -> CellResult {
        var result = skipped(cell)
        result.status = .ok
        let parsed = SnippetParser.parse(cell.code, fileName: source.path)
        map.add(parsed, for: cell)
        interpreter.printed = ""
        interpreter.outputs = []
        var failure: SnippetDiagnostic?
        var failureKind = FailureKind.error
        if let first = parsed.syntaxErrors.first(where: { $0.diagMessage.severity == .error }) {
            failure = map.diagnostic(first, root: Syntax(parsed.tree), cell: cell)
        } else {
            let scope = Environment(parent: interpreter.globals)
            var limits = ExecutionLimits(seconds: seconds, maxTensorBytes: options.maxTensorBytes, cancellation: flag, memoryBudget: options.memoryBudget)
            limits.allowsParallelRuns = true
            do {
                let value = try limits.run { try interpreter.runCell(parsed.tree.statements, in: scope) }
                if !(options.isolatesTests && cell.attributes.test != nil) { scope.merge(into: interpreter.globals) }
                interpreter.flushPrinted()
                interpreter.outputs += interpreter.builtins.display(value)
            } catch {
                failure = diagnostic(for: error, cell: cell)
                if let error = error as? SnippetError { failureKind = error.kind }
            }
        }
        interpreter.flushPrinted()
        result.outputs = interpreter.outputs
        if let failure {
            result.error = failure
            result.status = cell.attributes.raises ? .ok : .error
            result.expectedError = cell.attributes.raises
            result.failureKind = failureKind
            // `todo()` marks an exercise not done yet: shown as such, not as a failure.
            if failureKind == .notCompleted, !cell.attributes.raises {
                result.status = .skipped
                result.outputs.append(.text(failure.message))
            }
        } else if cell.attributes.raises {
            result.status = .error
            result.error = map.make("this cell is marked 'raises' but ran without an error", line: cell.fenceLine, column: 1)
        }
        return result
    }

    private func diagnostic(for error: Error, cell: LessonCell) -> SnippetDiagnostic {
        switch error {
        case let error as SnippetError:
            let notes = error.notes.map { map.diagnostic($0.message, node: $0.node, fallback: cell, severity: .note) }
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
