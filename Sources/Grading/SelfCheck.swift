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
    /// Cells grading will not use as written (a helper in a cell of its own, an edited test).
    public var warnings: [LessonDiagnostic] = []
    /// Points and count of the hidden tests.
    public var hiddenPoints: Int
    public var hiddenTests: Int

    /// Whether every visible test passed: `gradus check` then exits 0.
    public var allPassed: Bool { tests.allSatisfy(\.passed) }

    /// The report as printed: one line per test, then the totals.
    public var text: String {
        var lines = warnings.map(\.description) + [lesson]
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

/// `gradus check` grades the student's file exactly as `gradus grade` will, with the visible tests.
///
/// Grading composes the key's cells with the student's exercise cells; the student has no key,
/// but the released copy is the key with solutions and hidden tests taken out, and its last line
/// (`ReleaseManifest`) says which cells the release wrote and each test's time limit. So check
/// rebuilds the key from the student's file (cells the release did not write are blanked, each
/// with a warning, since grading will not have them) and runs the grader itself on it: the same
/// composition, cell selection, limits, isolation and verdicts.
public enum SelfCheck {
    /// Checks the lesson at `path` with `timeout` the configured limit per test (as `gradus grade
    /// --timeout`); throws when the file cannot be read or parsed.
    public static func run(path: String, timeout: Double = 5, adaptiveLimits: Bool = true,
                           executor: any CellExecutor) throws -> CheckReport {
        let lesson = try Lesson.load(path: path)
        if lesson.hasErrors { throw LessonErrors(diagnostics: lesson.diagnostics.filter { $0.severity == .error }) }
        let manifest = ReleaseManifest.read(lesson.source)
        var released = manifest?.cells ?? []
        var warnings: [LessonDiagnostic] = []
        var changedTests: Set<Int> = []
        // Blank lines instead of code keep every line where it is, so diagnostics point into the student's file.
        let key = try lesson.rewritingCells { cell in
            guard cell.language == "swift", cell.exercise == nil else { return nil }
            if cell.isHiddenTest { return blank(cell) }
            guard manifest != nil else { return nil }
            if let match = released.firstIndex(of: ReleaseManifest.fingerprint(cell)) {
                released.removeFirst(match + 1)
                return nil
            }
            warnings.append(warning(for: cell))
            if cell.test != nil { changedTests.insert(cell.index) }
            return blank(cell)
        }
        let job = GradeJob(student: "", lesson: lesson.id, keyPath: path, keySource: key, submissionPath: path,
                           submission: lesson.source, timeout: timeout,
                           testLimits: adaptiveLimits ? manifest?.limits.map { min($0, timeout) } : nil)
        let graded = Grader.run(job, executor: executor)
        var tests: [CheckReport.Test] = []
        for test in graded.outcome.tests where !test.hidden {
            var message = test.message
            var passed = test.passed
            if changedTests.contains(test.cell) {
                passed = false
                message = "this test differs from the released copy; grading runs the original, so it is not checked here"
            }
            tests.append(.init(name: test.name, points: test.points, passed: passed, message: message))
        }
        var errors: [String] = []
        for cell in lesson.cells where cell.runs && cell.test == nil {
            guard let result = graded.results[cell.index], result.status == .error, let error = result.error else { continue }
            errors.append("\(error.location): \(error.message)")
        }
        if graded.results.isEmpty, let first = graded.outcome.exercises.first, first.status == .unparsable {
            errors.append(first.message)
        }
        let hidden = lesson.cells.filter(\.isHiddenTest)
        return CheckReport(lesson: path, tests: tests, cellErrors: errors, warnings: warnings,
                           hiddenPoints: hidden.reduce(0) { $0 + $1.points }, hiddenTests: hidden.count)
    }

    /// As many empty lines as the cell has, so the lines after it keep their numbers.
    private static func blank(_ cell: Cell) -> String {
        String(repeating: "\n", count: cell.source.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }

    /// Why a cell the release did not write will be missing when the work is graded.
    private static func warning(for cell: Cell) -> LessonDiagnostic {
        let names = DeclaredNames.topLevel(in: cell.source)
        var message = "this cell is not an exercise cell and is not as released; grading uses the original"
        if cell.test != nil {
            message += ", so your changes to this test are ignored"
        } else if names.isEmpty {
            message += ", so this cell will not run when your work is graded"
        } else {
            let quoted = names.map { "'\($0)'" }
            let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
            message += ", so \(list) will not exist when your work is graded: move \(names.count == 1 ? "it" : "them") into the exercise cell"
        }
        return .warning(message, at: cell.fenceRange.start)
    }
}
