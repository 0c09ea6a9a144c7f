import Foundation
import Testing

/// `gradus grade` with the real course as the key and a fixture batch for lessons 4 and 7.
///
/// `Fixtures/submissions/<student>/<lesson>.md` are released copies as students hand them back:
/// - ada solved both exercises;
/// - ben handed in the released copies untouched;
/// - cy wrote momentum as an exponential average without rescaling the rate (wrong from step 1)
///   and a cosine schedule that is not held at `minLR` after `T` (right for the visible test's
///   50 steps with T = 50, wrong for the hidden test's 40 steps with T = 25);
/// - dee solved momentum another way and did not hand in lesson 7;
/// - eve handed in the builtins the exercises forbid (`Momentum`, and `minimize` with `.cosine`).
/// Nobody handed in the other ten lessons. Lesson 4's second exercise (best-momentum) is left as
/// released (`todo()`) in every copy.
@Suite struct CourseGradeTests {
    /// Hand-computed rows for lessons 4 and 7: each exercise has a visible test worth 2 points and a
    /// hidden one worth 3 (checked against the key below), so 5 is full marks and cy's cosine gets 2.
    static let expected: [String: [String: (score: Int, status: String)]] = [
        "ada": ["04-momentum": (5, "passed"), "07-schedules-stopping": (5, "passed")],
        "ben": ["04-momentum": (0, "not-completed"), "07-schedules-stopping": (0, "not-completed")],
        "cy": ["04-momentum": (0, "failed"), "07-schedules-stopping": (2, "partial")],
        "dee": ["04-momentum": (5, "passed"), "07-schedules-stopping": (0, "missing")],
        "eve": ["04-momentum": (0, "failed"), "07-schedules-stopping": (0, "failed")],
    ]
    static let exercises = ["04-momentum": "momentum", "07-schedules-stopping": "cosine"]

    /// One grading run shared by the tests that read its output.
    static let graded: Result<String, Error> = Result {
        let key = try Course.copyOfLessons("grade-key")
        let out = try Course.scratch("graded") + "/out"
        // A generous per-cell limit: the builds of the other suite may share the two cores.
        let outcome = try Course.run(["grade", "--key", key, Course.submissions, "--out", out, "--timeout", "60"])
        guard outcome.status == 0 else { throw GradeFailure(text: "exit \(outcome.status): \(outcome.stderr)") }
        return out
    }

    struct GradeFailure: Error { var text: String }

    @Test func theKeyExercisesAreWorthTwoVisibleAndThreeHiddenPoints() throws {
        for (lesson, exercise) in Self.exercises {
            let tests = FencedCell.cells(of: try Course.read("\(Course.lessons)/\(lesson).md")).filter { $0.test == exercise }
            #expect(tests.filter { !$0.isHiddenTest }.map(\.points) == [2], "\(lesson)")
            #expect(tests.filter(\.isHiddenTest).map(\.points) == [3], "\(lesson)")
        }
    }

    /// An exercise whose tests compare the student's optimizer with a builtin forbids that builtin,
    /// so handing in the builtin cannot pass (docs/grading.md).
    @Test func everyOptimizerExerciseForbidsTheOptimizerItsTestsCompareWith() throws {
        var checked = 0
        for file in try Course.lessonFiles() {
            let cells = FencedCell.cells(of: try Course.read("\(Course.lessons)/\(file)"))
            for exercise in cells where exercise.exercise != nil {
                let forbidden = (exercise.value("forbid") ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    .split(separator: ",").map(String.init)
                for test in cells where test.test == exercise.exercise {
                    // `expectSameTrajectory(mine, Reference(...)`: the reference's type name.
                    guard let range = test.code.range(of: #"expectSameTrajectory\(\w+,\s*(\w+)\("#, options: .regularExpression) else { continue }
                    let reference = test.code[range].split(separator: ",").last?.trimmingCharacters(in: .whitespacesAndNewlines)
                        .dropLast() ?? ""
                    #expect(forbidden.contains(String(reference)), "\(file): exercise \(exercise.exercise ?? "") does not forbid \(reference)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 6, "only \(checked) trajectory tests found")
    }

    @Test func benHandedInTheCurrentReleasedExercises() throws {
        let released = try Course.scratch("released-two")
        let outcome = try Course.run(["release", Course.lessons + "/04-momentum.md", Course.lessons + "/07-schedules-stopping.md", "--out", released])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for lesson in Self.exercises.keys {
            let fresh = FencedCell.cells(of: try Course.read("\(released)/\(lesson).md")).filter { $0.exercise != nil }
            let ben = FencedCell.cells(of: try Course.read("\(Course.submissions)/ben/\(lesson).md")).filter { $0.exercise != nil }
            #expect(fresh.map(\.code) == ben.map(\.code), "\(lesson): regenerate ben's copy from `gradus release`")
        }
    }

    @Test func gradebookHasEveryStudentAndLessonWithHandComputedScores() throws {
        let out = try Self.graded.get()
        let csv = try Course.read(out + "/gradebook.csv")
        var lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.removeFirst() == "student,lesson,exercise,score,max_score,status")
        var want: [String] = []
        for student in Self.expected.keys.sorted() {
            for file in try Course.lessonFiles() {
                let lesson = String(file.dropLast(3))
                if let row = Self.expected[student]?[lesson], let exercise = Self.exercises[lesson] {
                    // The lesson's other exercises (lesson 4's best-momentum) keep the released todo().
                    for (other, points) in try Self.exercisePoints(file) {
                        if other == exercise {
                            want.append("\(student),\(lesson),\(exercise),\(row.score),5,\(row.status)")
                        } else {
                            want.append("\(student),\(lesson),\(other),0,\(points),\(row.status == "missing" ? "missing" : "not-completed")")
                        }
                    }
                } else {
                    // Not handed in: 0 of the exercise's points, read from the key's test fences.
                    for (exercise, points) in try Self.exercisePoints(file) {
                        want.append("\(student),\(lesson),\(exercise),0,\(points),missing")
                    }
                }
            }
        }
        #expect(lines == want)
    }

    @Test func resultsCarryTheFailureReasonsAndTotals() throws {
        let out = try Self.graded.get()
        let totals = ["ada": 10, "ben": 0, "cy": 2, "dee": 5, "eve": 0]
        for (student, total) in totals {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/students/\(student)/results.json"))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["score"] as? Int == total, "\(student)")
            let tests = try #require(object["tests"] as? [[String: Any]])
            for test in tests where test["visibility"] as? String == "hidden" {
                let status = test["status"] as? String
                #expect(test["output"] as? String == status, "a hidden test says more than passed or failed")
            }
        }
        func output(_ student: String, _ name: String) throws -> String {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/students/\(student)/results.json"))
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let tests = object?["tests"] as? [[String: Any]] ?? []
            return tests.first { $0["name"] as? String == name }?["output"] as? String ?? "no test \(name)"
        }
        // Rosenbrock from (-1.5, 2): gradient (-155, -50). Momentum's first step is -0.001·g, to
        // (-1.345, 2.05); cy's average 0.1·g times 0.001 reaches (-1.4845, 2.005).
        let cyMomentum = try output("cy", "04-momentum: momentum test 1")
        #expect(cyMomentum.hasPrefix("failed: the trajectories part at step 1 of 50: your optimizer reached [-1.4845, 2.005], "
            + "Momentum(lr: 0.001, mu: 0.9) reached [-1.345, 2.05]"), "\(cyMomentum)")
        #expect(try output("cy", "07-schedules-stopping: cosine test 1") == "passed")
        #expect(try output("cy", "07-schedules-stopping: cosine test 2") == "failed")
        #expect(try output("ben", "04-momentum: momentum test 1") == "failed: exercise not completed yet")
        #expect(try output("dee", "07-schedules-stopping: cosine test 1").contains("no file"))
        #expect(try output("eve", "04-momentum: momentum test 1").contains("'Momentum' is not allowed in exercise 'momentum'"))
        #expect(try output("eve", "07-schedules-stopping: cosine test 1").contains("'minimize' is not allowed in exercise 'cosine'"))
        // The page's text without its tags (code is highlighted token by token).
        let feedback = try Course.read(out + "/students/cy/feedback.html").replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        #expect(feedback.contains("state.v = 0.9 * state.v + 0.1 * g"), "the feedback does not show cy's code")
        #expect(!feedback.contains("hiddenReference") && !feedback.contains("Beale()"), "the feedback shows a hidden test")
    }

    /// Each exercise of a key lesson with the sum of its tests' points.
    static func exercisePoints(_ file: String) throws -> [(String, Int)] {
        let cells = FencedCell.cells(of: try Course.read("\(Course.lessons)/\(file)"))
        return cells.compactMap(\.exercise).map { id in (id, cells.filter { $0.test == id }.reduce(0) { $0 + $1.points }) }
    }
}
