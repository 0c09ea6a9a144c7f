import Foundation
import Lessons

/// Runs grading jobs in worker processes, a few at a time, so a crash or hang costs one submission.
///
/// Each job is the same `gradus` executable started as `gradus grade-worker`, the job as JSON on
/// standard input and a `LessonOutcome` as JSON on standard output. The notebook inside the
/// worker limits every cell; the pool also kills a worker that outlives all of its cells' limits.
/// When a worker crashes or is killed, its lesson is graded again one test per worker, so only
/// the test that crashed scores 0 (with the reason) and the others still count.
struct WorkerPool: Sendable {
    /// The gradus executable and the arguments that make it a worker.
    var executable: String
    var arguments: [String] = ["grade-worker"]
    /// Worker processes running at once.
    var width: Int

    /// Why a worker gave no result.
    struct Failure: Error {
        var reason: String
    }

    /// Grades every job; results come back in the jobs' order whatever finished first.
    func run(_ jobs: [(job: GradeJob, key: Lesson)], progress: ProgressBar?) -> [LessonOutcome] {
        let slots = Slots(count: jobs.count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(width, jobs.count)) {
            group.enter()
            let thread = Thread {
                while let index = slots.next() {
                    slots.store(grade(jobs[index].job, key: jobs[index].key), at: index)
                    progress?.advance()
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return slots.results()
    }

    /// One lesson of one student: a worker for the whole lesson, else one worker per test.
    func grade(_ job: GradeJob, key: Lesson) -> LessonOutcome {
        let cells = key.cells.filter(\.runs).count
        switch launch(job, killAfter: killTimeout(job.timeout, cells: cells)) {
        case let .success(outcome):
            return outcome
        case let .failure(failure):
            return gradeEachTest(job, key: key, firstFailure: failure.reason)
        }
    }

    /// The whole-job limit: every cell's limit and its grace, plus time to start the process.
    func killTimeout(_ timeout: Double, cells: Int) -> Double {
        Double(cells) * (timeout + 1.5) + 10
    }

    private func gradeEachTest(_ job: GradeJob, key: Lesson, firstFailure: String) -> LessonOutcome {
        var tests = Grader.skeleton(key, failing: "")
        var base: LessonOutcome?
        var notDone: Set<String> = []
        var crashed: Set<String> = []
        let setupCells = key.cells.filter { $0.runs && $0.test == nil }.count
        for index in tests.indices {
            var single = job
            single.onlyTests = [tests[index].cell]
            switch launch(single, killAfter: killTimeout(job.timeout, cells: setupCells + 1)) {
            case let .success(outcome):
                base = base ?? outcome
                if let found = outcome.tests.first(where: { $0.cell == tests[index].cell }) { tests[index] = found }
                for exercise in outcome.exercises where exercise.status == .notCompleted { notDone.insert(exercise.id) }
            case let .failure(failure):
                tests[index].message = "the grader stopped while running this test: \(failure.reason)"
                crashed.insert(tests[index].exercise)
            }
        }
        guard let base else {
            return Grader.unusable(key: key, student: job.student, status: .crashed,
                                   message: "the grader stopped while grading this lesson: \(firstFailure)")
        }
        let missing = Set(base.exercises.filter { $0.status == .noExercise }.map(\.id))
        var exercises = Grader.score(key, tests: tests, missing: missing, notDone: notDone)
        for index in exercises.indices where crashed.contains(exercises[index].id) && exercises[index].status == .failed {
            exercises[index].status = .crashed
        }
        var outcome = base
        outcome.tests = tests
        outcome.exercises = exercises
        return outcome
    }

    /// Starts one worker, sends the job, waits at most `killAfter` seconds, decodes its answer.
    func launch(_ job: GradeJob, killAfter: Double) -> Result<LessonOutcome, Failure> {
        let input: Data
        do { input = try JSONEncoder().encode(job) } catch { return .failure(Failure(reason: "cannot encode the job: \(error)")) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch { return .failure(Failure(reason: "cannot start '\(executable)': \(error)")) }
        let output = OutputBox()
        let read = DispatchSemaphore(value: 0)
        Thread {
            output.data = stdout.fileHandleForReading.readDataToEndOfFile()
            read.signal()
        }.start()
        Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }.start()
        var killed = false
        if exited.wait(timeout: .now() + killAfter) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            killed = true
        }
        read.wait()
        if killed { return .failure(Failure(reason: "it ran longer than \(Int(killAfter)) s in all and was stopped")) }
        if process.terminationReason == .uncaughtSignal {
            return .failure(Failure(reason: "the interpreter crashed (signal \(process.terminationStatus))"))
        }
        guard process.terminationStatus == 0 else {
            return .failure(Failure(reason: "the interpreter exited with status \(process.terminationStatus)"))
        }
        do {
            return .success(try JSONDecoder().decode(LessonOutcome.self, from: output.data))
        } catch {
            return .failure(Failure(reason: "the interpreter's answer could not be read"))
        }
    }
}

/// Hands out job indices and keeps results in job order; shared by the pool's threads.
private final class Slots: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private var slots: [LessonOutcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.withLock {
            guard cursor < slots.count else { return nil }
            defer { cursor += 1 }
            return cursor
        }
    }

    func store(_ outcome: LessonOutcome, at index: Int) { lock.withLock { slots[index] = outcome } }

    func results() -> [LessonOutcome] { lock.withLock { slots.compactMap { $0 } } }
}

/// Where the reading thread leaves a worker's output; read after its semaphore.
private final class OutputBox: @unchecked Sendable {
    var data = Data()
}
