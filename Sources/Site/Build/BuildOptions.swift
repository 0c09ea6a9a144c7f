import Foundation
import Pages
import Lessons
import Snippets

/// What `gradus build` was asked to do.
public struct BuildOptions: Sendable {
    /// The course folder holding `course.yml`.
    public var lessonsDirectory: String
    /// Where the site goes; replaced as a whole when the build succeeds.
    public var outputDirectory: String
    /// False for `--no-cache`: run every cell (fresh results are still stored).
    public var useCache: Bool
    /// Lessons run at once; cells within a lesson always run in order.
    public var jobs: Int
    /// The execution cache; by default `.gradus-cache` in the lessons folder's parent (the course root).
    public var cacheDirectory: String
    /// Where KaTeX is installed.
    public var katexDirectory: String
    /// What runs the cells: `gradus build` and `serve` pass a pool of sandboxed kernels.
    public var executor: any CellExecutor = InProcessExecutor()
    /// The students' site (solutions replaced, hidden tests absent) or, for `--solutions`, the instructor's.
    public var view: SiteView = .student
    /// Writes a lesson (in the view's form) and its results as a Jupyter notebook; when set, each
    /// page gets a "Download notebook" link and the notebook is written beside it as `ID.ipynb`.
    public var notebook: (@Sendable (_ lesson: Lesson, _ results: [CellResult]) -> String)?

    public init(lessonsDirectory: String = "lessons", outputDirectory: String = "site", useCache: Bool = true,
                jobs: Int? = nil, cacheDirectory: String? = nil, katexDirectory: String = KaTeXAssets.debianDirectory) {
        self.lessonsDirectory = lessonsDirectory
        self.outputDirectory = outputDirectory
        self.useCache = useCache
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.cacheDirectory = cacheDirectory ?? Self.defaultCache(for: lessonsDirectory)
        self.katexDirectory = katexDirectory
    }

    /// `.gradus-cache` beside the lessons folder: `lessons` → `./.gradus-cache`.
    public static func defaultCache(for lessonsDirectory: String) -> String {
        let url = URL(fileURLWithPath: lessonsDirectory).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".gradus-cache").path
    }
}

/// How one lesson went: what ran, what failed, how long it took.
public struct LessonReport: Sendable {
    public var path: String
    public var title: String
    /// Cells the interpreter ran in this build (0 when every result came from the cache).
    public var cellsRun: Int
    /// Cells that failed unexpectedly.
    public var cellsFailed: Int
    /// The lesson's swift cells the build's view runs (the student view runs no test).
    public var cellCount: Int
    /// True when every cell's result came from the cache.
    public var cached: Bool
    public var seconds: Double
    /// The errors of the failed cells, in order.
    public var failures: [LessonDiagnostic]
}

/// The outcome of a build.
public struct BuildReport: Sendable {
    /// One entry per lesson, in course order.
    public var lessons: [LessonReport]
    /// Problems in `course.yml` or the lessons' Markdown; any error means no site was written.
    public var courseDiagnostics: [Lessons.LessonDiagnostic]
    /// Files lessons link that could not be copied (missing, or outside the lessons folder); the site is still written.
    public var linkDiagnostics: [Lessons.LessonDiagnostic] = []
    /// Whether the output folder was replaced by the new site.
    public var wroteSite: Bool
    public var pages: Int
    public var seconds: Double

    /// True when `gradus build` must exit 1: a course error, a missing linked file or a cell that failed unexpectedly.
    public var failed: Bool {
        courseDiagnostics.containsErrors || !linkDiagnostics.isEmpty || lessons.contains { $0.cellsFailed > 0 }
    }

    public var cellsRun: Int { lessons.reduce(0) { $0 + $1.cellsRun } }
}
