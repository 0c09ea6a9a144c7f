import Foundation
import Lessons
import Snippets

/// Each test's time limit, from the key's own time for that test.
///
/// A fixed limit makes a looping submission wait out five seconds per test while the key's test
/// takes milliseconds; a limit proportional to the key's time ends it in one second and still
/// leaves a correct but slower solution twenty times the key's time. `gradus grade` measures the
/// key itself; `gradus release` measures it too and writes the limits into the student copy, so
/// `gradus check` applies the same limits the grader will.
public enum TestLimits {
    /// No test gets less than this, however fast the key is.
    public static let floor = 1.0
    /// How many times the key's own time a test may take.
    public static let factor = 20.0

    /// The limit for a test the key runs in `keySeconds`, at most `cap` (the test's configured limit).
    ///
    /// Rounded up to a tenth of a second, so that small differences between two timings of the
    /// key rarely change a limit.
    public static func limit(keySeconds: Double, cap: Double) -> Double {
        let raw = max(floor, factor * max(0, keySeconds))
        return min(cap, (raw * 10).rounded(.up) / 10)
    }

    /// What running the key as grading does tells: each test's limit, and the key's own failures.
    public struct Measurement: Sendable, Equatable {
        /// One limit per test cell of the key, in lesson order (visible and hidden tests alike).
        public var limits: [Double]
        /// Tests of the key that fail on the key itself (an authoring mistake), as warnings.
        public var failures: [LessonDiagnostic]
    }

    /// Runs `key` (solutions in place) under grading's options and limits each test by its time.
    ///
    /// `timeout` is the configured limit (`--timeout`); a test's own `timeout=` caps it instead.
    public static func measure(_ key: Lesson, timeout: Double, executor: any CellExecutor) -> Measurement {
        let tests = key.cells.filter { $0.runs && $0.test != nil }
        guard !tests.isEmpty else { return Measurement(limits: [], failures: []) }
        let run = executor.run(NotebookJob(lesson: key, options: Grader.options(timeout: timeout)))
        var limits: [Double] = []
        var failures: [LessonDiagnostic] = []
        for test in tests {
            let cap = test.timeout ?? timeout
            let result = run[cell: test.index]
            if let result, result.status == .ok, let seconds = run.seconds[test.index] {
                limits.append(limit(keySeconds: seconds, cap: cap))
            } else {
                // A test the key cannot pass gives no time to scale; it keeps the configured limit.
                limits.append(cap)
                let reason = result?.error?.message ?? "it did not run"
                failures.append(.warning("the key fails its own test '\(test.test ?? "")': \(reason)", at: test.fenceRange.start))
            }
        }
        return Measurement(limits: limits, failures: failures)
    }

    /// The job's per-cell limits: the `k`-th test cell of `lesson` gets `limits[k]`.
    static func byCell(_ limits: [Double]?, in lesson: Lesson) -> [Int: Double] {
        guard let limits else { return [:] }
        let tests = lesson.cells.filter { $0.runs && $0.test != nil }
        return Dictionary(zip(tests.map(\.index), limits), uniquingKeysWith: { first, _ in first })
    }
}
