import Foundation
import Lessons
import Snippets

/// What `gradus grade` was asked to do.
public struct GradeOptions: Sendable {
    /// The answer key: a course folder (or a folder of lessons) with solutions and hidden tests.
    public var keyDirectory: String
    /// `SUBMISSIONS/<student>/<lesson>.md`.
    public var submissionsDirectory: String
    public var outputDirectory: String
    /// Lessons graded at once (each in a kernel of `executor`).
    public var jobs: Int
    /// Seconds per test (and per other cell without its own `timeout=`).
    public var timeout: Double
    /// Grade only students whose index (in sorted order) is `index` modulo `count`.
    public var shard: (index: Int, count: Int)?
    /// What runs the cells: `gradus grade` passes a pool of fresh sandboxed kernels.
    public var executor: any CellExecutor
    /// Draw a progress bar on standard error (only when it is a terminal).
    public var showsProgress: Bool
    /// Limit each test by the key's own time for it (`TestLimits`); false gives every test `timeout`.
    public var adaptiveLimits = true

    public init(keyDirectory: String, submissionsDirectory: String, outputDirectory: String,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, timeout: Double = 5,
                shard: (index: Int, count: Int)? = nil, executor: any CellExecutor, showsProgress: Bool = true) {
        self.keyDirectory = keyDirectory
        self.submissionsDirectory = submissionsDirectory
        self.outputDirectory = outputDirectory
        self.jobs = jobs
        self.timeout = timeout
        self.shard = shard
        self.executor = executor
        self.showsProgress = showsProgress
    }
}

/// The totals `gradus grade` prints when it is done.
public struct GradeSummary: Sendable {
    public var students: Int
    public var lessons: Int
    /// Gradebook rows by status.
    public var statuses: [ExerciseStatus: Int]
    public var seconds: Double
    /// The key's tests that fail on the key itself: graded anyway, but worth the author's look.
    public var warnings: [LessonDiagnostic] = []
}

/// `gradus grade`: every student × lesson, their cells in sandboxed kernels, written deterministically.
public enum BatchGrader {
    public static func grade(_ options: GradeOptions) throws -> GradeSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        guard options.jobs >= 1 else { throw GradingError("--jobs must be 1 or more, not \(options.jobs)") }
        guard options.timeout > 0, options.timeout.isFinite else { throw GradingError("--timeout must be a positive number of seconds") }
        let key = try Submissions.key(options.keyDirectory)
        var students = try Submissions.students(options.submissionsDirectory)
        if let shard = options.shard {
            students = students.enumerated().filter { $0.offset % shard.count == shard.index }.map(\.element)
        }
        var warnings: [LessonDiagnostic] = []
        let outcomes = try grade(students: students, key: key, options: options, warnings: &warnings) { student, _ in
            (options.submissionsDirectory, student)
        }
        try Gradebook.write(outcomes, students: students, into: options.outputDirectory)
        return summary(outcomes, students: students.count, lessons: key.count, start: start, warnings: warnings)
    }

    /// Gradescope's autograder: one submission in `root/submission`, results in `root/results/results.json`.
    public static func gradescope(root: String, options: GradeOptions) throws -> GradeSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        // Outside Gradescope there is no submission folder: say so rather than create results there.
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: Release.join(root, "submission"), isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GradingError("--gradescope: no folder '\(Release.join(root, "submission"))'; this flag is for Gradescope's autograder, "
                               + "which puts the submission there (to grade a folder of students, give SUBMISSIONS and --out)")
        }
        let results = Release.join(Release.join(root, "results"), "results.json")
        let key: [Lesson]
        do {
            key = try Submissions.key(options.keyDirectory)
        } catch {
            // Students see only results.json: tell them the autograder is broken rather than leave Gradescope's blank failure.
            try? write(GradescopeResults(failure: "The autograder could not read its answer key, so nothing was graded; "
                                         + "tell your instructor (the reason is in the autograder's output)."), to: results)
            throw error
        }
        var warnings: [LessonDiagnostic] = []
        let outcomes = try grade(students: ["submission"], key: key, options: options, warnings: &warnings) { _, _ in
            (root, "submission")
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try write(GradescopeResults(outcomes, executionTime: Int(seconds.rounded(.up))), to: results)
        return summary(outcomes, students: 1, lessons: key.count, start: start, warnings: warnings)
    }

    static func write(_ results: GradescopeResults, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try results.json().write(to: URL(fileURLWithPath: path))
    }

    /// Reads every submission, grades the readable ones `jobs` at a time, and returns outcomes in
    /// student then lesson order.
    static func grade(students: [String], key: [Lesson], options: GradeOptions, warnings: inout [LessonDiagnostic],
                      folder: (String, Lesson) -> (parent: String, name: String)) throws -> [LessonOutcome] {
        var outcomes: [LessonOutcome?] = []
        var jobs: [(job: GradeJob, key: Lesson)] = []
        var slots: [Int] = []
        for student in students {
            for lesson in key {
                let place = folder(student, lesson)
                switch Submissions.read(lesson: lesson.id, in: place.name, of: place.parent) {
                case let .unusable(status, message):
                    outcomes.append(Grader.unusable(key: lesson, student: student, status: status, message: message))
                case let .text(text):
                    slots.append(outcomes.count)
                    outcomes.append(nil)
                    jobs.append((GradeJob(student: student, lesson: lesson.id, keyPath: lesson.path, keySource: lesson.source,
                                          submissionPath: "\(student)/\(lesson.id).md", submission: text, timeout: options.timeout), lesson))
                }
            }
        }
        // The key's own time per test sets that test's limit for every student (docs/grading.md);
        // only lessons someone handed in are timed.
        let handedIn = options.adaptiveLimits ? key.filter { lesson in jobs.contains { $0.key.path == lesson.path } } : []
        let measured = Parallel.map(handedIn, width: options.jobs) { TestLimits.measure($0, timeout: options.timeout, executor: options.executor) }
        warnings = measured.flatMap(\.failures)
        let limits = Dictionary(zip(handedIn.map(\.path), measured.map(\.limits)), uniquingKeysWith: { first, _ in first })
        for index in jobs.indices { jobs[index].job.testLimits = limits[jobs[index].key.path] }
        let progress = options.showsProgress ? ProgressBar(total: jobs.count) : nil
        let graded = Parallel.map(jobs, width: options.jobs) { item in
            defer { progress?.advance() }
            return Grader.grade(item.job, executor: options.executor)
        }
        for (slot, outcome) in zip(slots, graded) { outcomes[slot] = outcome }
        return outcomes.compactMap { $0 }
    }

    static func summary(_ outcomes: [LessonOutcome], students: Int, lessons: Int, start: UInt64,
                        warnings: [LessonDiagnostic]) -> GradeSummary {
        var statuses: [ExerciseStatus: Int] = [:]
        for exercise in outcomes.flatMap(\.exercises) { statuses[exercise.status, default: 0] += 1 }
        return GradeSummary(students: students, lessons: lessons, statuses: statuses,
                            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, warnings: warnings)
    }
}
