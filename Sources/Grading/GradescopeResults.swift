import Foundation
import Lessons

/// `results.json` in Gradescope's autograder format: the total, a note for the submission and one
/// entry per test of the key, each with its own visibility.
///
/// Written for every student by `gradus grade` and, with the run's time, by `--gradescope`.
/// Every field is a function of the outcomes except `execution_time`, which only `--gradescope`
/// writes, so a batch run's files stay byte-identical across runs (docs/grading.md).
struct GradescopeResults: Encodable {
    /// One test cell of the key, graded.
    struct Test: Encodable {
        var name: String
        /// `L.T`: the lesson's position in the key, then the test's position in the lesson, from 1.
        var number: String
        var score: Int
        var max_score: Int
        var status: String
        var output: String
        var output_format = "text"
        var visibility: String
    }

    var score: Int
    /// Whole seconds the run took; nil (and left out) in batch files.
    var execution_time: Int?
    var output: String
    var visibility = TestVisibility.visible.rawValue
    /// What gradus prints goes to instructors only: its summary counts hidden tests too.
    var stdout_visibility = TestVisibility.hidden.rawValue
    var tests: [Test]

    /// The statuses that mean the file itself could not be graded; the note says why.
    static let fileStatuses: Set<ExerciseStatus> = [.missing, .empty, .notUTF8, .tooLarge, .notARegularFile, .unparsable]

    init(_ outcomes: [LessonOutcome], executionTime: Int? = nil) {
        var tests: [Test] = []
        var notes: [String] = []
        for (lessonIndex, outcome) in outcomes.enumerated() {
            for (testIndex, test) in outcome.tests.enumerated() {
                tests.append(Test(name: "\(outcome.lesson): \(test.name)", number: "\(lessonIndex + 1).\(testIndex + 1)",
                                  score: test.score, max_score: test.points, status: test.passed ? "passed" : "failed",
                                  output: Self.output(of: test), visibility: test.visibility.rawValue))
            }
            notes.append("\(outcome.lesson).md: " + Self.note(on: outcome))
        }
        self.score = tests.reduce(0) { $0 + $1.score }
        self.execution_time = executionTime
        self.output = notes.joined(separator: "\n")
        self.tests = tests
    }

    /// No tests and 0 points, with `message` for the student: what Gradescope shows when grading could not start.
    init(failure message: String) {
        score = 0
        output = message
        tests = []
    }

    /// `passed`, or `failed: REASON`; a hidden test's reason is never given (tests shown later give it then).
    static func output(of test: TestOutcome) -> String {
        if test.passed { return "passed" }
        return test.visibility == .hidden ? "failed" : "failed: " + test.message
    }

    /// One line for a lesson that counts only what the student may see now: visible tests, or why
    /// the file could not be graded.
    static func note(on outcome: LessonOutcome) -> String {
        if let first = outcome.exercises.first, fileStatuses.contains(first.status),
           outcome.exercises.allSatisfy({ $0.status == first.status }) {
            return first.message
        }
        let visible = outcome.tests.filter { $0.visibility == .visible }
        if visible.isEmpty { return "graded; no test result is shown yet" }
        return "\(visible.filter(\.passed).count) of \(visible.count) visible test\(visible.count == 1 ? "" : "s") passed"
    }

    /// Pretty-printed with sorted keys and a final newline.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
