import Foundation
import Lessons
import Snippets

/// Student copies of lessons: solutions replaced by `todo()`, hidden tests emptied, every other byte kept.
///
/// A hidden test keeps its fence and attributes with no code, so `gradus check` can tell a student
/// how many points hidden tests are worth without showing them; the site draws nothing for it.
public enum Release {
    /// The student copy of one lesson's text (`Lesson.studentText`, shared with the site's student view).
    public static func release(_ lesson: Lesson) throws(LessonDiagnostic) -> String {
        try lesson.studentText()
    }

    /// What a release wrote, for the command's summary.
    public struct Report: Sendable {
        /// The files written, in order.
        public var written: [String] = []
        /// Exercises stripped and hidden tests emptied, over all lessons.
        public var exercises = 0
        public var hiddenTests = 0
        /// The key's tests that fail on the key itself, found while timing them.
        public var warnings: [LessonDiagnostic] = []
    }

    /// The student copy of `lesson` with its manifest (`ReleaseManifest`) as the last line, from
    /// the key's measured test limits; lessons without exercises get none.
    static func releaseWithManifest(_ lesson: Lesson, measured: TestLimits.Measurement?) throws(LessonDiagnostic) -> String {
        guard let measured, !lesson.exercises.isEmpty else { return try release(lesson) }
        let copy = try lesson.studentCopy()
        return ReleaseManifest(released: copy, limits: measured.limits).appended(to: copy.source)
    }

    /// Releases lesson files and course folders into `output`.
    ///
    /// A folder holding `course.yml` is released whole: the manifest and `theme/` are copied as
    /// they are and each listed lesson is released beside them, so the copy builds as a course.
    /// Nothing is written when any lesson has errors; all of them are reported at once. Each
    /// lesson with exercises is run once with `executor` to time its tests (`TestLimits`, with
    /// `timeout` the grading limit), and the copy ends with the manifest `gradus check` reads.
    public static func release(_ inputs: [String], to output: String, timeout: Double = 5,
                               executor: any CellExecutor) throws -> Report {
        var plan: [(source: Lesson, target: String)] = []
        var copies: [(from: String, to: String)] = []
        var diagnostics: [LessonDiagnostic] = []
        let files = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw GradingError("no such lesson or course folder: '\(input)'")
            }
            if isDirectory.boolValue {
                let course = Course.load(directory: input)
                diagnostics += course.diagnostics.filter { $0.severity == .error }
                copies.append((course.manifestPath, join(output, "course.yml")))
                let theme = join(input, "theme")
                if files.fileExists(atPath: theme) { copies.append((theme, join(output, "theme"))) }
                for lesson in course.lessons { plan.append((lesson, join(output, fileName(lesson.path)))) }
            } else {
                do {
                    let lesson = try Lesson.load(path: input)
                    plan.append((lesson, join(output, fileName(input))))
                } catch {
                    diagnostics.append(error)
                }
            }
        }
        var texts: [(String, String)] = []
        var report = Report()
        // Each key with exercises runs once, lessons side by side, to time its tests.
        let timed = plan.map(\.source).filter { !$0.exercises.isEmpty && !$0.hasErrors }
        let measured = Parallel.map(timed, width: ProcessInfo.processInfo.activeProcessorCount) {
            TestLimits.measure($0, timeout: timeout, executor: executor)
        }
        let measurements = Dictionary(zip(timed.map(\.path), measured), uniquingKeysWith: { first, _ in first })
        report.warnings = measured.flatMap(\.failures)
        for (lesson, target) in plan {
            do {
                texts.append((try releaseWithManifest(lesson, measured: measurements[lesson.path]), target))
                report.exercises += lesson.exercises.count
                report.hiddenTests += lesson.cells.filter(\.isHiddenTest).count
            } catch {
                diagnostics.append(error)
            }
        }
        if !diagnostics.isEmpty { throw LessonErrors(diagnostics: diagnostics) }
        try files.createDirectory(atPath: output, withIntermediateDirectories: true)
        for (from, to) in copies {
            if files.fileExists(atPath: to) { try files.removeItem(atPath: to) }
            try files.copyItem(atPath: from, toPath: to)
            report.written.append(to)
        }
        for (text, target) in texts {
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
            report.written.append(target)
        }
        return report
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// A failure of a grading command that is the user's to fix: printed as `error: …`.
public struct GradingError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Lesson problems that stop a command, each printed as `file:line:col: error: …`.
public struct LessonErrors: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [LessonDiagnostic]
    public var description: String { diagnostics.map(\.fullDescription).joined(separator: "\n") }
}
