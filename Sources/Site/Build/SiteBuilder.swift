import Dispatch
import Foundation
import Pages
import Lessons
import Synchronization

/// Builds a course's website: runs the lessons in parallel, renders every page, swaps the site in.
public enum SiteBuilder {
    /// Called once per lesson as it finishes, from a worker thread, never two at once.
    public typealias Progress = @Sendable (_ report: LessonReport, _ position: Int, _ finished: Int, _ total: Int) -> Void

    /// Builds the site for `options` in its view (`SiteView`). Throws only when the site cannot be
    /// written (theme, KaTeX, file system); course errors (a solution region left open, in the
    /// student view) and failing cells are in the report.
    public static func build(_ options: BuildOptions, progress: Progress? = nil) throws(SiteError) -> BuildReport {
        let start = DispatchTime.now().uptimeNanoseconds
        let written = Course.load(directory: options.lessonsDirectory)
        var report = BuildReport(lessons: [], courseDiagnostics: written.diagnostics, wroteSite: false, pages: 0, seconds: 0)
        guard !written.hasErrors else {
            report.seconds = elapsed(since: start)
            return report
        }
        let (course, viewErrors) = options.view.course(written)
        guard viewErrors.isEmpty else {
            report.courseDiagnostics += viewErrors
            report.seconds = elapsed(since: start)
            return report
        }
        let theme = try Theme.load(lessonsDirectory: options.lessonsDirectory)
        let output = try AtomicDirectory(destination: options.outputDirectory)
        do throws(SiteError) {
            let cache = ExecutionCache(directory: options.cacheDirectory, view: options.view)
            let runner = LessonRunner(course: course, options: options, cache: cache, theme: theme)
            let outcomes = runAll(runner, lessons: course.lessons.count, jobs: options.jobs, progress: progress)
            let linked = course.lessons.map(LinkedFiles.collect)
            try LinkedFiles.copy(linked.flatMap(\.files), into: output.temporary)
            report.linkDiagnostics = linked.flatMap(\.errors)
            for (outcome, lesson) in zip(outcomes, course.lessons) {
                try write(outcome.html, to: output.temporary + "/" + Navigation.url(lesson))
                if let notebook = outcome.notebook { try write(notebook, to: output.temporary + "/" + lesson.id + ".ipynb") }
            }
            try write(indexPage(course, theme: theme, view: options.view), to: output.temporary + "/index.html")
            let index = SearchIndex(pages: course.lessons.map { SearchIndex.page(for: $0, view: options.view) })
            try write(index.json, to: output.temporary + "/search.json")
            try write(index.script, to: output.temporary + "/search-index.js")
            try write(theme.style, to: output.temporary + "/assets/style.css")
            try write(SiteScript.source, to: output.temporary + "/assets/gradus.js")
            do throws(AssetError) {
                try KaTeXAssets.copy(from: options.katexDirectory, to: output.temporary)
            } catch {
                throw SiteError(error.description)
            }
            try output.commit()
            cache.prune(keeping: Set(outcomes.flatMap(\.keys)))
            report.lessons = outcomes.map(\.report)
            report.pages = course.lessons.count + 1
            report.wroteSite = true
        } catch {
            output.discard()
            throw error
        }
        report.seconds = elapsed(since: start)
        return report
    }

    /// Runs every lesson on `jobs` workers; results come back in course order whatever the timing.
    static func runAll(_ runner: LessonRunner, lessons count: Int, jobs: Int, progress: Progress?) -> [LessonRunner.Outcome] {
        let next = Atomic<Int>(0)
        let results = Mutex<[Int: LessonRunner.Outcome]>([:])
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < count else { return }
                let outcome = runner.process(position)
                results.withLock { finished in
                    finished[position] = outcome
                    progress?(outcome.report, position, finished.count, count)
                }
            }
        }
        let finished = results.withLock { $0 }
        return (0..<count).compactMap { finished[$0] }
    }

    static func indexPage(_ course: Course, theme: Theme, view: SiteView) -> String {
        let navigation = Navigation(course: course)
        return theme.page.render([
            "lang": language(of: course),
            "title": HTML.escape(course.title),
            "course": HTML.escape(course.title),
            "description": HTML.escape(course.title),
            "sidebar": navigation.sidebar(current: nil, sections: []),
            "content": view.banner + navigation.indexArticle,
            "pager": navigation.pager(index: nil),
        ])
    }

    /// `language:` from course.yml (e.g. `ru`, `zh`), else English.
    static func language(of course: Course) -> String {
        HTML.escape(course.extra["language"]?.string ?? "en")
    }

    static func write(_ text: String, to path: String) throws(SiteError) {
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw SiteError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    static func elapsed(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
