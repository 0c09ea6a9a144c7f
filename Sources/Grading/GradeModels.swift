import Lessons

/// One (student, lesson) to grade: the key, the submission's text, the time limit.
public struct GradeJob: Codable, Sendable {
    public var student: String
    /// The lesson's id (its file name without `.md`).
    public var lesson: String
    /// The answer key lesson's path and text.
    public var keyPath: String
    public var keySource: String
    /// The submission's path (used in diagnostics) and text, already checked to be UTF-8 and small enough.
    public var submissionPath: String
    public var submission: String
    /// Seconds each test (and each other cell without its own `timeout=`) may run.
    public var timeout: Double
    /// Each test cell's limit, in the key's test order (`TestLimits`); nil leaves `timeout`.
    public var testLimits: [Double]?

    public init(student: String, lesson: String, keyPath: String, keySource: String, submissionPath: String,
                submission: String, timeout: Double, testLimits: [Double]? = nil) {
        self.testLimits = testLimits
        self.student = student
        self.lesson = lesson
        self.keyPath = keyPath
        self.keySource = keySource
        self.submissionPath = submissionPath
        self.submission = submission
        self.timeout = timeout
    }
}

/// How an exercise of a submission ended up; the `status` column of the gradebook.
public enum ExerciseStatus: String, Codable, Sendable {
    /// Every test passed.
    case passed
    /// Some tests passed.
    case partial
    /// No test passed.
    case failed
    /// The student's code still calls `todo()`.
    case notCompleted = "not-completed"
    /// No file for this lesson in the student's folder.
    case missing
    /// The file is empty (or only white space).
    case empty
    /// The file is not UTF-8 text.
    case notUTF8 = "not-utf8"
    /// The file is over the size limit (1 MiB).
    case tooLarge = "too-large"
    /// A symbolic link, folder, device or pipe stands where the file (or the student's folder)
    /// should be; nothing is read through it.
    case notARegularFile = "not-a-regular-file"
    /// The file is not a lesson the grader can read (bad front matter, bad attributes, a broken fence).
    case unparsable
    /// The file has no cell marked `exercise=ID` for this exercise.
    case noExercise = "no-exercise"
    /// The interpreter crashed or hung past every limit while grading this submission.
    case crashed
}

/// The result of one test cell of the key for one submission.
public struct TestOutcome: Codable, Sendable, Equatable {
    /// The exercise it tests.
    public var exercise: String
    /// 1-based position among the exercise's tests in the key.
    public var number: Int
    /// The key cell's index (0-based among all cells).
    public var cell: Int
    public var points: Int
    /// Whether students may see the test's code (never, when hidden; see `Cell.hidden`).
    public var hidden: Bool
    /// When Gradescope shows the result: the cell's `visibility=`, `.hidden` for a bare `hidden`.
    public var visibility: TestVisibility
    public var passed: Bool
    /// Why it failed, for the student; empty when it passed.
    public var message: String

    public init(exercise: String, number: Int, cell: Int, points: Int, hidden: Bool, visibility: TestVisibility? = nil,
                passed: Bool, message: String) {
        self.exercise = exercise
        self.number = number
        self.cell = cell
        self.points = points
        self.hidden = hidden
        self.visibility = visibility ?? (hidden ? .hidden : .visible)
        self.passed = passed
        self.message = message
    }

    /// Shown in results.json and feedback: `momentum test 2`.
    public var name: String { "\(exercise) test \(number)" }
    /// The points earned.
    public var score: Int { passed ? points : 0 }
}

/// One exercise's score in one submission: a gradebook row.
public struct ExerciseOutcome: Codable, Sendable, Equatable {
    public var id: String
    public var score: Int
    public var maxScore: Int
    public var status: ExerciseStatus
    /// What went wrong when the exercise could not be graded, or the first failure.
    public var message: String

    public init(id: String, score: Int, maxScore: Int, status: ExerciseStatus, message: String) {
        self.id = id
        self.score = score
        self.maxScore = maxScore
        self.status = status
        self.message = message
    }
}

/// Everything graded for one (student, lesson): the worker's answer on standard output.
public struct LessonOutcome: Codable, Sendable {
    public var student: String
    public var lesson: String
    public var title: String
    public var exercises: [ExerciseOutcome]
    public var tests: [TestOutcome]
    /// The lesson's section of `feedback.html`.
    public var feedback: String

    public init(student: String, lesson: String, title: String, exercises: [ExerciseOutcome], tests: [TestOutcome], feedback: String) {
        self.student = student
        self.lesson = lesson
        self.title = title
        self.exercises = exercises
        self.tests = tests
        self.feedback = feedback
    }
}
