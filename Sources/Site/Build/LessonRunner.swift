import Foundation
import Lessons
import Snippets

/// Runs one lesson's cells, or reuses their cached results, and renders its page.
///
/// The interpreter's environment after cell k is needed to run cell k+1 and cannot be saved,
/// so the rule is all or nothing per lesson: when every cell's key hits the cache nothing
/// runs; otherwise every cell of the lesson runs, in order. Results are stored only for a
/// lesson without unexpected failures, so a failure (perhaps a time limit on a busy machine)
/// is retried by the next build rather than remembered. The course is already in the build's
/// view (`SiteView.course`); the student view runs no test cell.
struct LessonRunner: Sendable {
    let course: Course
    let options: BuildOptions
    let cache: ExecutionCache
    let theme: Theme

    struct Outcome: Sendable {
        var report: LessonReport
        var html: String
        var keys: [String]
    }

    func process(_ position: Int) -> Outcome {
        let lesson = course.lessons[position]
        let start = DispatchTime.now().uptimeNanoseconds
        let view = options.view
        let keys = ExecutionCache.keys(for: lesson, view: view, defaultTimeout: course.defaults.timeout)
        let fenceLines = lesson.cells.filter(view.runs).map { $0.fenceRange.start.line }
        var records: [CellResult] = []
        var cellsRun = 0
        var cached = false
        if options.useCache {
            let hits = keys.compactMap { cache.load($0) }
            if hits.count == keys.count {
                records = hits.enumerated().map { index, entry in entry.relocated(to: Array(fenceLines.prefix(index + 1))) }
                cached = true
            }
        }
        if !cached {
            var notebook = NotebookOptions()
            if let timeout = course.defaults.timeout { notebook.timeout = timeout }
            var job = NotebookJob(lesson: lesson, options: notebook)
            job.cells = job.cells.filter(view.runs)
            job.memoryBytes = lesson.memory ?? course.defaults.memory
            let result = options.executor.run(job)
            records = result.cells
            cellsRun = result.cells.filter { $0.status != .skipped }.count
            if !result.hasUnexpectedFailure, records.count == keys.count {
                for (record, key) in zip(records, keys) {
                    try? cache.store(ExecutionCache.Entry(result: record, fenceLines: Array(fenceLines.prefix(record.number))), key: key)
                }
            }
        }
        records = view.explainingFailures(records, in: lesson)
        let failures = records.filter { $0.status == .error }.compactMap(\.error)
        let html = render(position, records: records)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let report = LessonReport(path: lesson.path, title: lesson.title, cellsRun: cellsRun,
                                  cellsFailed: records.filter { $0.status == .error }.count, cellCount: keys.count,
                                  cached: cached, seconds: seconds, failures: failures)
        return Outcome(report: report, html: html, keys: keys)
    }

    /// The lesson's whole page from the theme's template.
    func render(_ position: Int, records: [CellResult]) -> String {
        let lesson = course.lessons[position]
        let article = LessonPage(lesson: lesson, results: records, view: options.view).article
        let navigation = Navigation(course: course)
        return theme.page.render([
            "lang": SiteBuilder.language(of: course),
            "title": HTML.escape("\(lesson.title) · \(course.title)"),
            "course": HTML.escape(course.title),
            "description": HTML.escape(lesson.summary ?? lesson.title),
            "sidebar": navigation.sidebar(current: lesson, sections: LessonPage.headings(in: article)),
            "content": options.view.banner + article,
            "pager": navigation.pager(index: position),
        ])
    }
}
