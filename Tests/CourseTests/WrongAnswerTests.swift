import Foundation
import Testing

/// Every exercise of the course against the slips students actually make.
///
/// `Fixtures/wrong-answers/<lesson>/<exercise>/<slip>.swift` holds the code a student might put
/// in exercise `<exercise>` of `lessons/<lesson>.md`: ε inside the root, a missing bias
/// correction, a non-strict patience rule, a transposed matrix, a model trained on the test set…
/// (the first line, a comment, names the slip). Each becomes a submission: the lesson with that
/// code in the exercise cell. One `gradus grade` run with the real course as the key grades them
/// all, together with the key itself handed in as a submission, and the tests read its gradebook:
/// no wrong answer may earn full marks, and the key must.
///
/// A submission is the key's lesson text with one exercise cell replaced rather than a released
/// copy: grading takes only the exercise cells from a submission and everything else from the key
/// (docs/grading.md), so the two grade alike, and skipping `gradus release` saves a run of the
/// whole course. `--fixed-limits` saves another (the key's timing run): every test gets 120 s,
/// as the builds of other suites may share the two cores. Lesson 12, which trains digit
/// classifiers in its setup cells, still dominates: about 30 s a submission in a debug build.
@Suite struct WrongAnswerTests {
    struct WrongAnswer {
        var lesson: String
        var exercise: String
        var slip: String
        var code: String
        /// The submission folder's name: one student per wrong answer.
        var student: String { "\(exercise)--\(slip)" }
    }

    static let fixtures = Course.root + "/Tests/CourseTests/Fixtures/wrong-answers"
    static let keyStudent = "the-key"

    /// The wrong answers on disk, in lesson, exercise and slip order.
    static func wrongAnswers() throws -> [WrongAnswer] {
        let files = FileManager.default
        var answers: [WrongAnswer] = []
        for lesson in try files.contentsOfDirectory(atPath: fixtures).sorted() where !lesson.hasPrefix(".") {
            for exercise in try files.contentsOfDirectory(atPath: "\(fixtures)/\(lesson)").sorted() where !exercise.hasPrefix(".") {
                for file in try files.contentsOfDirectory(atPath: "\(fixtures)/\(lesson)/\(exercise)").sorted() where file.hasSuffix(".swift") {
                    let code = try Course.read("\(fixtures)/\(lesson)/\(exercise)/\(file)")
                    answers.append(WrongAnswer(lesson: lesson, exercise: exercise, slip: String(file.dropLast(6)), code: code))
                }
            }
        }
        return answers
    }

    /// `text` with the code of the cell fenced `exercise=ID` replaced by `code`; every other line
    /// (prose, other cells, the fence lines, the release line) is kept as it is.
    static func replacingExercise(_ id: String, in text: String, with code: String) -> String {
        var lines: [String] = []
        var inside = false
        for line in text.components(separatedBy: "\n") {
            if inside {
                guard line.trimmingCharacters(in: .whitespaces) == "```" else { continue }
                lines += code.trimmingCharacters(in: .newlines).components(separatedBy: "\n")
                lines.append(line)
                inside = false
            } else {
                lines.append(line)
                inside = line.hasPrefix("```swift") && line.split(separator: " ").contains { $0 == "exercise=\(id)" }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One grading run: each wrong answer in its lesson, and the key.
    static let graded: Result<[String: String], Error> = Result {
        let key = try Course.copyOfLessons("wrong-key")
        let submissions = try Course.scratch("wrong-submissions")
        for answer in try wrongAnswers() {
            let folder = "\(submissions)/\(answer.student)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let lesson = try Course.read("\(key)/\(answer.lesson).md")
            let submission = replacingExercise(answer.exercise, in: lesson, with: answer.code)
            guard submission != lesson else { throw Failure(text: "\(answer.lesson) has no exercise '\(answer.exercise)'") }
            try Data(submission.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(answer.lesson).md"))
        }
        try FileManager.default.copyItem(atPath: key, toPath: "\(submissions)/\(keyStudent)")
        try FileManager.default.removeItem(atPath: "\(submissions)/\(keyStudent)/course.yml")
        let out = try Course.scratch("wrong-graded") + "/out"
        let outcome = try Course.run(["grade", "--key", key, submissions, "--out", out, "--timeout", "120", "--fixed-limits"],
                                     limit: 3600)
        guard outcome.status == 0 else { throw Failure(text: "gradus grade exited \(outcome.status): \(outcome.stderr)") }
        var statuses: [String: String] = [:]
        let rows = try Course.read(out + "/gradebook.csv").split(separator: "\n").dropFirst()
        for row in rows {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6 else { throw Failure(text: "gradebook row '\(row)'") }
            statuses["\(fields[0])/\(fields[1])/\(fields[2])"] = "\(fields[5]) \(fields[3])/\(fields[4])"
        }
        return statuses
    }

    struct Failure: Error { var text: String }

    @Test func replacingAnExerciseKeepsEveryOtherLine() {
        let text = "# L\n\n```swift\nlet a = 1\n```\n\n```swift exercise=e points=2\nfunc f() -> Int {\n    todo()\n}\n```\n\n```swift exercise=other\nlet b = 2\n```\n"
        let replaced = Self.replacingExercise("e", in: text, with: "func f() -> Int { 3 }\n")
        #expect(replaced == "# L\n\n```swift\nlet a = 1\n```\n\n```swift exercise=e points=2\nfunc f() -> Int { 3 }\n```\n\n```swift exercise=other\nlet b = 2\n```\n")
        #expect(Self.replacingExercise("missing", in: text, with: "x") == text)
    }

    /// Each exercise of the course has at least three wrong answers, and each wrong answer names
    /// an exercise that exists and says in its first line which slip it is.
    @Test func everyExerciseHasWrongAnswers() throws {
        let answers = try Self.wrongAnswers()
        var exercises: Set<String> = []
        for file in try Course.lessonFiles() {
            for cell in FencedCell.cells(of: try Course.read("\(Course.lessons)/\(file)")) {
                if let id = cell.exercise { exercises.insert("\(file.dropLast(3))/\(id)") }
            }
        }
        #expect(exercises.count >= 16, "\(exercises.sorted())")
        for exercise in exercises.sorted() {
            let count = answers.filter { "\($0.lesson)/\($0.exercise)" == exercise }.count
            #expect(count >= 3, "\(exercise) has \(count) wrong answers")
        }
        for answer in answers {
            #expect(exercises.contains("\(answer.lesson)/\(answer.exercise)"), "\(answer.lesson)/\(answer.exercise) is not an exercise of the course")
            #expect(answer.code.hasPrefix("// Slip: "), "\(answer.lesson)/\(answer.exercise)/\(answer.slip).swift does not open with '// Slip: '")
        }
    }

    /// The heart of the suite: graded against the real key, no wrong answer earns full marks. A
    /// wrong answer scores `failed` or `partial`; any other status (`not-completed`, `unparsable`,
    /// `no-exercise`) would mean the fixture never reached the exercise's tests.
    @Test func noWrongAnswerPassesItsExercise() throws {
        let statuses = try Self.graded.get()
        for answer in try Self.wrongAnswers() {
            let status = statuses["\(answer.student)/\(answer.lesson)/\(answer.exercise)"] ?? "no row"
            #expect(status.hasPrefix("failed ") || status.hasPrefix("partial "),
                    "\(answer.lesson)/\(answer.exercise)/\(answer.slip).swift is graded '\(status)'")
        }
    }

    /// The key handed in as a submission passes every exercise: strengthening the tests must not
    /// fail the solution.
    @Test func theKeyPassesEveryExercise() throws {
        let statuses = try Self.graded.get()
        var checked = 0
        for file in try Course.lessonFiles() {
            for id in FencedCell.cells(of: try Course.read("\(Course.lessons)/\(file)")).compactMap(\.exercise) {
                let status = statuses["\(Self.keyStudent)/\(file.dropLast(3))/\(id)"] ?? "no row"
                #expect(status.hasPrefix("passed "), "the key's \(file) exercise \(id) is graded '\(status)'")
                checked += 1
            }
        }
        #expect(checked >= 16)
    }
}
