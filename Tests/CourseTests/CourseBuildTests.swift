import Foundation
import Testing

/// The shipped course builds as a site with no failing cell, and so does the copy students get.
///
/// Both builds run the debug binary over a copy of `lessons/` (the execution cache then lands in a
/// temporary folder, never in the repository). Lesson 12 trains a digits classifier and dominates
/// the time: about 30 s of the 45 s a debug build of the course takes on one core.
@Suite struct CourseBuildTests {
    /// What a build printed for each lesson, checked against the lessons `course.yml` lists.
    func expectEveryLessonRanClean(_ outcome: Course.Outcome, lessons: String, site: String) throws {
        let files = try Course.lessonFiles()
        #expect(files.count >= 12, "course.yml lists \(files.count) lessons")
        #expect(outcome.status == 0, "gradus build exited \(outcome.status):\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("(\(files.count + 1) pages)"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains(" 0 failed"), "\(outcome.stdout)")
        #expect(!outcome.stderr.contains("error:"), "\(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        for file in files {
            let line = lines.first { $0.hasPrefix("\(lessons)/\(file): ") }
            let report = try #require(line, "no line for \(file) in:\n\(outcome.stderr)")
            #expect(report.contains(" 0 failed"), "\(report)")
            let run = Int(report.dropFirst("\(lessons)/\(file): ".count).prefix { $0.isNumber }) ?? 0
            #expect(run >= 2, "\(file) runs \(run) cells; a lesson needs at least two")
            let page = try Course.read(site + "/" + file.replacingOccurrences(of: ".md", with: ".html"))
            #expect(!page.contains("error-box"), "\(file): the page shows an error box")
        }
    }

    @Test func theCourseBuildsWithNoFailingCell() throws {
        let lessons = try Course.copyOfLessons("build")
        let site = try Course.scratch("build-site") + "/site"
        let outcome = try Course.run(["build", "--lessons", lessons, "--out", site, "--no-cache"])
        try expectEveryLessonRanClean(outcome, lessons: lessons, site: site)
        let index = try Course.read(site + "/index.html")
        for file in try Course.lessonFiles() {
            #expect(index.contains(file.replacingOccurrences(of: ".md", with: ".html")), "index.html does not link \(file)")
        }
    }

    @Test func theReleasedCourseHidesSolutionsAndBuildsWithExercisesNotCompleted() throws {
        let key = try Course.copyOfLessons("release-key")
        let released = try Course.scratch("released") + "/lessons"
        let release = try Course.run(["release", key, "--out", released])
        #expect(release.status == 0, "gradus release exited \(release.status):\n\(release.stderr)")
        var exercisePages: [String] = []
        for file in try Course.lessonFiles() {
            let keyText = try Course.read(Course.lessons + "/" + file)
            let text = try Course.read(released + "/" + file)
            #expect(!text.contains("BEGIN SOLUTION") && !text.contains("END SOLUTION"), "\(file) keeps a solution marker")
            let keyCells = FencedCell.cells(of: keyText), cells = FencedCell.cells(of: text)
            try #require(cells.count == keyCells.count, "\(file): \(cells.count) cells released of \(keyCells.count)")
            #expect(cells.map(\.fence) == keyCells.map(\.fence), "\(file): fence lines changed")
            // Key text outside hidden tests: a hidden line found there may legitimately be in the copy.
            let shown = keyCells.filter { !$0.isHiddenTest }.map(\.code).joined()
            for (keyCell, cell) in zip(keyCells, cells) {
                if keyCell.isHiddenTest {
                    #expect(!keyCell.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(file): an empty hidden test in the key")
                    #expect(cell.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(file): a hidden test keeps code")
                    for line in keyCell.code.split(separator: "\n") where line.count > 12 && !shown.contains(line) {
                        #expect(!text.contains(line), "\(file): hidden test code is in the released copy: \(line)")
                    }
                }
                if keyCell.exercise != nil {
                    exercisePages.append(file.replacingOccurrences(of: ".md", with: ".html"))
                    #expect(cell.code.contains("// YOUR CODE HERE") && cell.code.contains("todo()"), "\(file): \(cell.code)")
                    for line in Self.solutionLines(keyCell.code) where line.count > 8 {
                        #expect(!cell.code.contains(line), "\(file): the solution line '\(line)' is in the released exercise")
                    }
                }
            }
        }
        #expect(exercisePages.count >= 12)

        let site = try Course.scratch("released-site") + "/site"
        let build = try Course.run(["build", "--lessons", released, "--out", site, "--no-cache"])
        try expectEveryLessonRanClean(build, lessons: released, site: site)
        for page in exercisePages {
            let html = try Course.read(site + "/" + page)
            #expect(html.contains("exercise not completed yet"), "\(page) does not show its exercise as not completed")
        }
    }

    /// The trimmed lines between `// BEGIN SOLUTION` and `// END SOLUTION` of an exercise cell.
    static func solutionLines(_ code: String) -> [String] {
        var inside = false
        var lines: [String] = []
        for line in code.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "// BEGIN SOLUTION" { inside = true } else if trimmed == "// END SOLUTION" { inside = false } else if inside { lines.append(trimmed) }
        }
        return lines
    }
}
