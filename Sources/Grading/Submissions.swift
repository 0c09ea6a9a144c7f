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

    static func read(_ path: String, lesson: String) -> Contents {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .unusable(.missing, "no file '\(lesson).md' was handed in")
        }
        let size = (try? files.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maxBytes {
            return .unusable(.tooLarge, "'\(lesson).md' is \(size) bytes, over the limit of \(maxBytes) bytes (1 MiB)")
        }
        guard let data = files.contents(atPath: path) else {
            return .unusable(.missing, "'\(lesson).md' could not be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .unusable(.notUTF8, "'\(lesson).md' is not UTF-8 text; save it as UTF-8")
        }
        if text.allSatisfy(\.isWhitespace) { return .unusable(.empty, "'\(lesson).md' is empty") }
        return .text(text)
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
        return try files.contentsOfDirectory(atPath: directory).filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && files.fileExists(atPath: Release.join(directory, name), isDirectory: &isFolder) && isFolder.boolValue
        }.sorted(by: precedes)
    }

    /// The one order students are listed in everywhere (a single run and a merge must agree).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
