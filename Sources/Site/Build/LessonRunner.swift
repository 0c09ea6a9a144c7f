import Foundation
import Lessons
import Pages
import Snippets

/// Runs one lesson's cells, or reuses their cached results, and renders its page (and, when the
/// build writes them, its notebook).
///
/// The results come from `ExecutionCache.results`, all or nothing per lesson (the interpreter's
/// environment after a cell cannot be saved), which `gradus export --to ipynb` shares. The
/// course is already in the build's view (`SiteView.course`); the student view runs no test cell.
struct LessonRunner: Sendable {
    let course: Course
    let options: BuildOptions
    let cache: ExecutionCache
    let theme: Theme

    struct Outcome: Sendable {
        var report: LessonReport
        var html: String
        var keys: [String]
        /// The lesson as a Jupyter notebook with its results, when the build writes notebooks.
        var notebook: String?
    }

    func process(_ position: Int) -> Outcome {
        let lesson = course.lessons[position]
        let start = DispatchTime.now().uptimeNanoseconds
        let run = cache.results(for: lesson, executor: options.executor, useCache: options.useCache,
                                defaultTimeout: course.defaults.timeout, defaultMemory: course.defaults.memory)
        let records = run.records
        let failures = records.filter { $0.status == .error }.compactMap(\.error)
        // The page and the notebook show the same contour maps: draw each once.
        let (notebook, html) = FigureMemo.$current.withValue(FigureMemo()) {
            let notebook = options.notebook?(lesson, records)
            return (notebook, render(position, records: records, notebook: notebook != nil))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let report = LessonReport(path: lesson.path, title: lesson.title, cellsRun: run.cellsRun,
                                  cellsFailed: records.filter { $0.status == .error }.count, cellCount: run.keys.count,
                                  cached: run.cached, seconds: seconds, failures: failures)
        return Outcome(report: report, html: html, keys: run.keys, notebook: notebook)
    }

    /// The page's "Download notebook" link, to the `.ipynb` the builder writes beside it.
    static func notebookLink(_ lesson: Lesson) -> String {
        "<p class=\"download\"><a href=\"\(HTML.escape(lesson.id)).ipynb\" download>Download notebook</a></p>\n"
    }

    /// The lesson's whole page from the theme's template.
    func render(_ position: Int, records: [CellResult], notebook: Bool = false) -> String {
        let lesson = course.lessons[position]
        let article = LessonPage(lesson: lesson, results: records, view: options.view).article
        let navigation = Navigation(course: course)
        return theme.page.render([
            "lang": SiteBuilder.language(of: course),
            "title": HTML.escape("\(lesson.title) · \(course.title)"),
            "course": HTML.escape(course.title),
            "description": HTML.escape(lesson.summary ?? lesson.title),
            "sidebar": navigation.sidebar(current: lesson, sections: article.sections),
            "content": options.view.banner + (notebook ? Self.notebookLink(lesson) : "") + article.html,
            "pager": navigation.pager(index: position),
        ])
    }
}
