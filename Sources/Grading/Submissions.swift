import Foundation
import Lessons

/// Reading the answer key and the students' files, refusing nothing: a bad file becomes a status.
enum Submissions {
    /// Files over this size are not graded (a lesson is a few kilobytes; this stops a runaway paste).
    static let maxBytes = 1 << 20

    /// A submission file's text, or why it cannot be graded.
    enum Contents {
        case text(String)
        case unusable(ExerciseStatus, String)
    }

    /// The text of `<parent>/<student>/<lesson>.md`, or why it cannot be graded.
    ///
    /// The student's folder and file are opened without following symbolic links and must be a
    /// real folder and a regular file: a submission is data, never a path to somewhere else.
    static func read(lesson: String, in student: String, of parent: String) -> Contents {
        let file = lesson + ".md"
        switch SubmissionFile.read(file, in: student, of: parent, limit: maxBytes) {
        case .missing:
            return .unusable(.missing, "no file '\(file)' was handed in")
        case let .notRegular(what):
            return .unusable(.notARegularFile, "\(what) stands where '\(file)' should be; hand in the file itself (nothing was read through it)")
        case let .tooLarge(size):
            return .unusable(.tooLarge, "'\(file)' is \(size) bytes, over the limit of \(maxBytes) bytes (1 MiB)")
        case let .unreadable(reason):
            return .unusable(.missing, "'\(file)' could not be read: \(reason)")
        case let .data(bytes):
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                return .unusable(.notUTF8, "'\(file)' is not UTF-8 text; save it as UTF-8")
            }
            if text.allSatisfy(\.isWhitespace) { return .unusable(.empty, "'\(file)' is empty") }
            return .text(text)
        }
    }

    /// The key's lessons: those `course.yml` lists, else every `.md` file in name order.
    static func key(_ directory: String) throws -> [Lesson] {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GradingError("no such answer-key folder: '\(directory)'")
        }
        let lessons: [Lesson]
        if files.fileExists(atPath: Release.join(directory, "course.yml")) {
            let course = Course.load(directory: directory)
            let errors = course.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty { throw LessonErrors(diagnostics: errors) }
            lessons = course.lessons
        } else {
            let names = try files.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted(by: precedes)
            lessons = try names.map { name throws(LessonDiagnostic) in try Lesson.load(path: Release.join(directory, name)) }
        }
        let errors = lessons.flatMap(\.diagnostics).filter { $0.severity == .error }
        if !errors.isEmpty { throw LessonErrors(diagnostics: errors) }
        if lessons.isEmpty { throw GradingError("the answer key '\(directory)' has no lessons") }
        return lessons
    }

    /// The students: the sub-folders of the submissions folder, sorted by their UTF-8 bytes.
    static func students(_ directory: String) throws -> [String] {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GradingError("no such submissions folder: '\(directory)'")
        }
        // A symbolic link among the folders still names a student, who gets rows saying what it is.
        return try files.contentsOfDirectory(atPath: directory).filter { name in
            guard !name.hasPrefix("."), let type = try? files.attributesOfItem(atPath: Release.join(directory, name))[.type] as? FileAttributeType
            else { return false }
            return type == .typeDirectory || type == .typeSymbolicLink
        }.sorted(by: precedes)
    }

    /// The one order students are listed in everywhere (a single run and a merge must agree).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
