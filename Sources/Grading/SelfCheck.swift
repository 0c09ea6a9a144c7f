import Foundation
import Lessons
import Snippets

/// `gradus check`: a student runs their copy of a lesson and sees how its visible tests fare.
///
/// Hidden tests are not run (a student's copy has none, only empty placeholders); their points
/// are counted so the student knows what else is at stake, without their names or code.
public struct CheckReport: Sendable {
    /// One visible test's result.
    public struct Test: Sendable {
        public var name: String
        public var points: Int
        public var passed: Bool
        public var message: String
    }

    public var lesson: String
    public var tests: [Test]
    /// Errors in cells that are not tests (an exercise cell that does not compile, a setup cell).
    public var cellErrors: [String]
    /// Points and count of the hidden tests.
    public var hiddenPoints: Int
    public var hiddenTests: Int

    /// Whether every visible test passed: `gradus check` then exits 0.
    public var allPassed: Bool { tests.allSatisfy(\.passed) }

    /// The report as printed: one line per test, then the totals.
    public var text: String {
        var lines = [lesson]
        for error in cellErrors { lines.append("  error: \(error)") }
        for test in tests {
            let points = "\(test.points) point\(test.points == 1 ? "" : "s")"
            lines.append("  \(test.name) (\(points)): " + (test.passed ? "passed" : "failed: \(test.message)"))
        }
        let passed = tests.filter(\.passed)
        let earned = passed.reduce(0) { $0 + $1.points }, available = tests.reduce(0) { $0 + $1.points }
        lines.append("visible tests: \(passed.count) of \(tests.count) passed, \(earned) of \(available) points")
        if hiddenTests > 0 {
            lines.append("hidden tests: \(hiddenPoints) more point\(hiddenPoints == 1 ? "" : "s"), checked when your work is graded")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

public enum SelfCheck {
    /// Runs the lesson at `path` with its visible tests; throws when the file cannot be read or parsed.
    public static func run(path: String, timeout: Double? = nil, executor: any CellExecutor) throws -> CheckReport {
        let lesson = try Lesson.load(path: path)
        if lesson.hasErrors { throw LessonErrors(diagnostics: lesson.diagnostics.filter { $0.severity == .error }) }
        // Hidden tests never run here: in a key they would reveal themselves through their messages.
        let source = try lesson.rewritingCells { cell in cell.test != nil && cell.hidden ? "" : nil }
        var options = NotebookOptions()
        options.isolatesTests = true
        options.timeoutOverride = timeout
        let results = Grader.resultsByCell(executor.run(NotebookJob(lesson: Lesson.parse(source: source, path: path), options: options)))
        var tests: [CheckReport.Test] = []
        var errors: [String] = []
        var problems: [String: String] = [:]
        var numbers: [String: Int] = [:]
        for cell in lesson.cells where cell.runs {
            guard let result = results[cell.index] else { continue }
            if let id = cell.test {
                numbers[id, default: 0] += 1
                guard !cell.hidden else { continue }
                let (passed, message) = Grader.judge(result, cell: cell, problem: problems[id])
                tests.append(.init(name: "\(id) test \(numbers[id] ?? 0)", points: cell.points, passed: passed, message: message))
            } else if result.status == .error, let error = result.error {
                errors.append("\(error.location): \(error.message)")
                if let id = cell.exercise { problems[id] = "your code for '\(id)' failed: \(error.message)" }
            }
        }
        let hidden = lesson.cells.filter { $0.test != nil && $0.hidden }
        return CheckReport(lesson: path, tests: tests, cellErrors: errors,
                           hiddenPoints: hidden.reduce(0) { $0 + $1.points }, hiddenTests: hidden.count)
    }
}
