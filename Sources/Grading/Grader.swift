import Foundation
import Lessons
import Snippets

/// Grades one submission of one lesson: the key's cells with the student's exercise cells in their
/// place, then the key's tests, each under its own time limit, run by an executor (sandboxed kernels).
///
/// The grader itself never evaluates a cell: a submission that crashes its kernel costs the cell
/// it crashed in, and the kernel pool runs the rest of the lesson in a fresh process.
///
/// Scores come from the notebook's structured cell results (status and failure kind), never from
/// anything printed, so a student printing "PASSED" changes nothing.
public enum Grader {
    /// The most bytes one tensor may hold while grading; a runaway allocation fails one test.
    public static let maxTensorBytes = 256 << 20

    public static func grade(_ job: GradeJob, executor: any CellExecutor) -> LessonOutcome {
        run(job, executor: executor).outcome
    }

    /// A graded submission with the cell results behind it, which `gradus check` reports too.
    struct Graded {
        var outcome: LessonOutcome
        /// Results by `Cell.index` of the composed lesson (the key's cells, so the key's indices).
        var results: [Int: CellResult] = [:]
    }

    static func run(_ job: GradeJob, executor: any CellExecutor) -> Graded {
        let key = Lesson.parse(source: job.keySource, path: job.keyPath)
        let student = Lesson.parse(source: job.submission, path: job.submissionPath)
        if let error = student.diagnostics.first(where: { $0.severity == .error }) {
            return Graded(outcome: unusable(key: key, student: job.student, status: .unparsable,
                                            message: "your file could not be read as a lesson: \(error.description)"))
        }
        var missing: Set<String> = []
        for id in exerciseIDs(key) where student.exercise(id) == nil { missing.insert(id) }
        let composedText: String
        do {
            composedText = try key.rewritingCells { cell in
                if let id = cell.exercise { return student.exercise(id)?.source ?? "" }
                if let id = cell.test, missing.contains(id) { return "" }
                return nil
            }
        } catch {
            return Graded(outcome: unusable(key: key, student: job.student, status: .unparsable,
                                            message: "your exercise code could not be put into the lesson: \(error.message)"))
        }
        let composed = Lesson.parse(source: composedText, path: job.submissionPath)
        guard composed.cells.map(\.attributes) == key.cells.map(\.attributes) else {
            return Graded(outcome: unusable(key: key, student: job.student, status: .unparsable,
                                            message: "your exercise code changes the lesson's cells (does it contain a code fence?)"))
        }
        var notebook = NotebookJob(lesson: composed, options: options(timeout: job.timeout))
        notebook.memoryBytes = key.memory
        notebook.limits = TestLimits.byCell(job.testLimits, in: composed)
        let results = resultsByCell(executor.run(notebook))
        var problems: [String: String] = [:]
        var notDone: Set<String> = []
        for cell in composed.cells {
            guard let id = cell.exercise, let result = results[cell.index], let error = result.error,
                  result.status == .error || result.failureKind == .notCompleted else { continue }
            if result.failureKind == .notCompleted {
                problems[id] = error.message
                notDone.insert(id)
                continue
            }
            let line = (student.exercise(id)?.line ?? cell.line) + error.location.line - cell.line
            problems[id] = "your code for '\(id)' failed at line \(line), column \(error.location.column): \(error.message)"
        }
        var tests = skeleton(key, failing: "")
        var crashed: Set<String> = []
        for index in tests.indices {
            let test = tests[index]
            if missing.contains(test.exercise) {
                tests[index].message = "your copy has no cell marked exercise=\(test.exercise)"
                continue
            }
            guard let result = results[test.cell] else { continue }
            if result.failureKind == .notCompleted { notDone.insert(test.exercise) }
            if result.failureKind == .crashed { crashed.insert(test.exercise) }
            (tests[index].passed, tests[index].message) = judge(result, cell: composed.cells[test.cell], problem: problems[test.exercise])
        }
        var exercises = score(key, tests: tests, missing: missing, notDone: notDone)
        // A test whose kernel died scores 0 with the reason; the exercise says so when nothing passed.
        for index in exercises.indices where crashed.contains(exercises[index].id) && exercises[index].status == .failed {
            exercises[index].status = .crashed
        }
        let feedback = FeedbackHTML.section(lesson: composed, results: results, exercises: exercises, tests: tests)
        let outcome = LessonOutcome(student: job.student, lesson: key.id, title: key.title, exercises: exercises, tests: tests,
                                    feedback: feedback)
        return Graded(outcome: outcome, results: results)
    }

    /// How grading runs a lesson: every cell under `timeout` (a fence's `timeout=` still wins; the
    /// lesson's front-matter limit is for site builds), tensors capped, each test in its own scope.
    public static func options(timeout: Double) -> NotebookOptions {
        var options = NotebookOptions(timeout: timeout, maxTensorBytes: maxTensorBytes)
        options.timeoutOverride = timeout
        options.isolatesTests = true
        return options
    }

    /// Whether a test cell passed, and the reason when it did not.
    static func judge(_ result: CellResult, cell: Cell, problem: String?) -> (Bool, String) {
        if result.status == .ok { return (true, "") }
        guard let error = result.error else { return (false, problem ?? "the test did not run") }
        if result.failureKind == .notCompleted { return (false, error.message) }
        if result.failureKind == .crashed { return (false, error.message.replacingOccurrences(of: "this cell", with: "this test")) }
        let line = error.location.line - cell.line + 1
        var message = error.message
        if message.hasPrefix("time limit exceeded"), let advice = message.range(of: " (raise it") {
            message = message[..<advice.lowerBound].replacingOccurrences(of: "the cell", with: "the test") + "; does some code loop forever?"
        }
        if line >= 1, line <= cell.lines.count, !message.hasPrefix("not run") { message += " (line \(line) of the test)" }
        if let problem, result.failureKind != .expectation { message = problem + "; then: " + message }
        return (false, message)
    }

    /// The exercises' ids in key order, each once.
    public static func exerciseIDs(_ key: Lesson) -> [String] {
        var ids: [String] = []
        for cell in key.cells { if let id = cell.exercise, !ids.contains(id) { ids.append(id) } }
        return ids
    }

    /// Every test of the key, in order by exercise then position, none passed.
    static func skeleton(_ key: Lesson, failing message: String) -> [TestOutcome] {
        exerciseIDs(key).flatMap { id in
            key.tests(for: id).enumerated().map { number, cell in
                TestOutcome(exercise: id, number: number + 1, cell: cell.index, points: cell.points, hidden: cell.hidden,
                            visibility: cell.visibility, passed: false, message: message)
            }
        }
    }

    /// Sums each exercise's passed tests and names its status.
    static func score(_ key: Lesson, tests: [TestOutcome], missing: Set<String>, notDone: Set<String>) -> [ExerciseOutcome] {
        exerciseIDs(key).map { id in
            let own = tests.filter { $0.exercise == id }
            let score = own.reduce(0) { $0 + $1.score }, maxScore = own.reduce(0) { $0 + $1.points }
            let firstFailure = own.first { !$0.passed }?.message ?? ""
            let status: ExerciseStatus
            if missing.contains(id) {
                status = .noExercise
            } else if own.allSatisfy(\.passed) {
                status = .passed
            } else if score > 0 {
                status = .partial
            } else if notDone.contains(id) {
                status = .notCompleted
            } else {
                status = .failed
            }
            return ExerciseOutcome(id: id, score: score, maxScore: maxScore, status: status, message: firstFailure)
        }
    }

    /// A lesson whose submission cannot be graded: every exercise 0 with `status` and the diagnostic.
    public static func unusable(key: Lesson, student: String, status: ExerciseStatus, message: String) -> LessonOutcome {
        let tests = skeleton(key, failing: message)
        let exercises = exerciseIDs(key).map { id in
            ExerciseOutcome(id: id, score: 0, maxScore: tests.filter { $0.exercise == id }.reduce(0) { $0 + $1.points },
                            status: status, message: message)
        }
        let feedback = FeedbackHTML.unusableSection(title: key.title, message: message, exercises: exercises, tests: tests)
        return LessonOutcome(student: student, lesson: key.id, title: key.title, exercises: exercises, tests: tests, feedback: feedback)
    }

    /// Notebook results keyed by the lesson's cell index.
    static func resultsByCell(_ run: NotebookResult) -> [Int: CellResult] {
        Dictionary(run.cells.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
