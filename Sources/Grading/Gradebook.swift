import Foundation
import Pages

/// The files `gradus grade` writes: `gradebook.csv` and, per student, `results.json` and `feedback.html`.
///
/// Every byte is a function of the outcomes: rows in student then lesson then exercise order,
/// JSON keys sorted, no times or paths of the machine, so two runs write identical files.
/// `results.json` is `GradescopeResults`.
enum Gradebook {
    static let header = "student,lesson,exercise,score,max_score,status\n"

    /// The gradebook rows of some students' outcomes, already in order.
    static func csvRows(_ outcomes: [LessonOutcome]) -> String {
        outcomes.flatMap { outcome in
            outcome.exercises.map { exercise in
                [outcome.student, outcome.lesson, exercise.id, String(exercise.score), String(exercise.maxScore), exercise.status.rawValue]
                    .map(csvField).joined(separator: ",") + "\n"
            }
        }.joined()
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (scalars, so that a
    /// "\r\n" pair, one Character, is seen too).
    static func csvField(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Where a student's files go: under `students/`, so no name (`gradebook.csv`) can collide
    /// with the grader's own files.
    static func folder(of student: String, in directory: String) -> String {
        Release.join(Release.join(directory, "students"), student)
    }

    /// Writes one student's folder: `results.json`, `feedback.html` and the KaTeX its formulas render
    /// with (from Debian's libjs-katex; without it formulas show as TeX), so the folder stands alone.
    static func writeStudent(_ student: String, _ outcomes: [LessonOutcome], into directory: String) throws {
        let folder = folder(of: student, in: directory)
        let files = FileManager.default
        if files.fileExists(atPath: folder) { try files.removeItem(atPath: folder) }
        try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try GradescopeResults(outcomes).json().write(to: URL(fileURLWithPath: Release.join(folder, "results.json")))
        let score = outcomes.flatMap(\.exercises).reduce(0) { $0 + $1.score }
        let maxScore = outcomes.flatMap(\.exercises).reduce(0) { $0 + $1.maxScore }
        let page = FeedbackHTML.page(student: student, sections: outcomes.map(\.feedback), score: score, maxScore: maxScore)
        try Data(page.utf8).write(to: URL(fileURLWithPath: Release.join(folder, "feedback.html")))
        try? KaTeXAssets.copy(from: KaTeXAssets.debianDirectory, to: folder)
    }

    /// Writes the gradebook of all outcomes (grouped by student, in order) and every student's folder.
    static func write(_ outcomes: [LessonOutcome], students: [String], into directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let byStudent = Dictionary(grouping: outcomes, by: \.student)
        var csv = header
        for student in students {
            let own = byStudent[student] ?? []
            csv += csvRows(own)
            try writeStudent(student, own, into: directory)
        }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: Release.join(directory, "gradebook.csv")), options: .atomic)
    }
}
