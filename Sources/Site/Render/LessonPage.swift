import Lessons
import Pages
import Snippets

/// A lesson's article in the site: `Pages` draws it, with each cell as this build's view shows it.
struct LessonPage {
    let lesson: Lesson
    /// Results of the lesson's swift cells, by `Cell.index`.
    let results: [Int: CellResult]
    /// The view the page belongs to: what cells show and say.
    let view: SiteView

    init(lesson: Lesson, results: [CellResult], view: SiteView = .solutions) {
        self.lesson = lesson
        self.view = view
        self.results = Dictionary(results.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The article (title, summary, prose and cells) and the headings for the sidebar.
    var article: LessonArticle {
        LessonArticle(lesson) { cell in
            CellHTML.html(cell, result: results[cell.index], presentation: view.presentation(of: cell, file: fileName))
        }
    }

    /// The lesson's file name, as a student's copy is named (`04-momentum.md`).
    var fileName: String { lesson.path.split(separator: "/").last.map(String.init) ?? lesson.path }
}
