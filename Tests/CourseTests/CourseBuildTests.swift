import Foundation
import Testing

/// The shipped course builds with no failing cell in both views, and the students' view holds no
/// line of a solution or a hidden test.
///
/// Both builds run the debug binary over a copy of `lessons/` (the execution cache then lands in a
/// temporary folder, never in the repository). Lesson 12 trains a digits classifier and dominates
/// the time: about 30 s of the 45 s a debug build of the course takes on one core. The builds run
/// one after the other: each already uses every core (`--jobs` defaults to one per core), and two
/// at once on a busy machine pushed cells past the course's 10 s limit.
@Suite(.serialized) struct CourseBuildTests {
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

    /// The instructor's view runs every cell of the key, tests included, and shows every solution
    /// line under a banner: the proof that `SolutionLines` finds lines the students' view must lack.
    @Test func theInstructorsViewRunsEveryCellCleanAndShowsEverySolutionLine() throws {
        let lessons = try Course.roomyCopy("build")
        let site = try Course.scratch("build-site") + "/site"
        let outcome = try Course.run(["build", "--solutions", "--lessons", lessons, "--out", site, "--no-cache"])
        try expectEveryLessonRanClean(outcome, lessons: lessons, site: site)
        let index = try Course.read(site + "/index.html")
        for file in try Course.lessonFiles() {
            #expect(index.contains(file.replacingOccurrences(of: ".md", with: ".html")), "index.html does not link \(file)")
        }
        let built = try BuiltSite(site)
        #expect(built.pages.count == (try Course.lessonFiles()).count + 1)
        for (page, html) in built.pages {
            #expect(html.contains("<div class=\"view-banner\" role=\"note\">"), "\(page) has no instructor's banner")
        }
        try CourseNotebooks.check(lessons: lessons, site: site, student: false)
        let needles = try SolutionLines.course()
        for file in try Course.lessonFiles() {
            let lesson = try #require(needles[file])
            #expect(!lesson.solutions.isEmpty && !lesson.hiddenTests.isEmpty, "\(file): no solution or hidden-test line found")
            let page = built.text(of: file.replacingOccurrences(of: ".md", with: ".html"))
            for line in lesson.solutions + lesson.hiddenTests {
                #expect(page.contains(line), "\(file): the instructor's page lacks '\(line)'")
                #expect(built.search.contains(SolutionLines.collapsed(line)), "\(file): the instructor's search.json lacks '\(line)'")
            }
        }
    }

    /// The default build is the students' view: no line of a solution or a hidden test in any page
    /// or in search.json, no banner, unfinished exercises shown as such, and the build clean.
    @Test func theStudentsViewHasNoSolutionLineAnywhere() throws {
        let lessons = try Course.roomyCopy("student")
        let site = try Course.scratch("student-site") + "/site"
        let outcome = try Course.run(["build", "--lessons", lessons, "--out", site, "--no-cache"])
        try expectEveryLessonRanClean(outcome, lessons: lessons, site: site)
        let built = try BuiltSite(site)
        #expect(built.pages.count == (try Course.lessonFiles()).count + 1)
        let needles = try SolutionLines.course()
        #expect(needles.values.reduce(0) { $0 + $1.solutions.count + $1.hiddenTests.count } >= 24)
        for (page, html) in built.pages {
            #expect(!html.contains("view-banner"), "\(page) carries the instructor's banner")
            let text = built.text(of: page)
            for (file, lesson) in needles {
                for line in lesson.solutions + lesson.hiddenTests {
                    #expect(!text.contains(line), "\(page) shows '\(line)' of \(file)")
                }
            }
        }
        for (file, lesson) in needles {
            for line in lesson.solutions + lesson.hiddenTests {
                #expect(!built.search.contains(SolutionLines.collapsed(line)), "search.json holds '\(line)' of \(file)")
            }
            let page = try #require(built.pages[file.replacingOccurrences(of: ".md", with: ".html")])
            #expect(page.contains("exercise not completed yet. Replace <code>todo()</code>"), "\(file) does not show its exercise as not completed")
            #expect(page.contains("Not run on this page: this test runs when you check your work"), "\(file)")
            let notebook = try Course.read(site + "/" + file.replacingOccurrences(of: ".md", with: ".ipynb"))
            for line in lesson.solutions + lesson.hiddenTests {
                #expect(!notebook.contains(SolutionLines.jsonEscaped(line)), "the students' notebook of \(file) holds '\(line)'")
            }
        }
        try CourseNotebooks.check(lessons: lessons, site: site, student: true)
    }

    /// `gradus release` of the course folder: solutions and hidden tests gone, fences kept. That
    /// the copy builds is tested on a smaller course (ReleaseTests, ReadmeCommandTests); the site's
    /// students' view, built above, is made by the same transform.
    @Test func theReleasedCourseHidesSolutions() throws {
        let key = try Course.copyOfLessons("release-key")
        let released = try Course.scratch("released") + "/lessons"
        let release = try Course.run(["release", key, "--out", released])
        #expect(release.status == 0, "gradus release exited \(release.status):\n\(release.stderr)")
        #expect(try Course.read(released + "/course.yml") == Course.read(key + "/course.yml"))
        let needles = try SolutionLines.course()
        var exercises = 0
        for file in try Course.lessonFiles() {
            let keyText = try Course.read(Course.lessons + "/" + file)
            let text = try Course.read(released + "/" + file)
            #expect(!text.contains("BEGIN SOLUTION") && !text.contains("END SOLUTION"), "\(file) keeps a solution marker")
            let keyCells = FencedCell.cells(of: keyText), cells = FencedCell.cells(of: text)
            try #require(cells.count == keyCells.count, "\(file): \(cells.count) cells released of \(keyCells.count)")
            #expect(cells.map(\.fence) == keyCells.map(\.fence), "\(file): fence lines changed")
            for (keyCell, cell) in zip(keyCells, cells) {
                if keyCell.isHiddenTest {
                    #expect(cell.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(file): a hidden test keeps code")
                }
                if keyCell.exercise != nil {
                    exercises += 1
                    #expect(cell.code.contains("// YOUR CODE HERE") && cell.code.contains("todo()"), "\(file): \(cell.code)")
                }
            }
            for line in (needles[file]?.solutions ?? []) + (needles[file]?.hiddenTests ?? []) {
                #expect(!text.contains(line), "\(file): '\(line)' is in the released copy")
            }
        }
        #expect(exercises >= 12)
    }
}
