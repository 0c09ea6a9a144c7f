/// What the notebook runner needs from a lesson: its path, front-matter timeout and `swift` cells.
///
/// The `Lessons` target owns the real Markdown model; this protocol is the one
/// place the runner depends on it, so swapping the adapter is a one-line change.
protocol LessonSource {
    var path: String { get }
    /// `timeout: N` from the front matter, in seconds.
    var timeout: Double? { get }
    var cells: [LessonCell] { get }
    /// The lesson's lines, for printing the source line under a diagnostic.
    var lines: [String] { get }
}

/// One fenced `swift` block of a lesson.
struct LessonCell {
    /// 1-based position among the lesson's swift cells.
    var index: Int
    /// 1-based line of the opening fence.
    var fenceLine: Int
    /// 1-based line of the first line of code.
    var codeLine: Int
    /// Columns of indentation removed from each code line (an indented fence).
    var indent: Int
    var code: String
    var attributes: CellAttributes
    /// Columns of indentation of each code line, when they differ (a fence in a blockquote).
    var lineIndents: [Int] = []

    /// The indentation of 1-based code line `line`.
    func indent(ofLine line: Int) -> Int {
        line >= 1 && line <= lineIndents.count ? lineIndents[line - 1] : indent
    }
}

/// The attributes of a cell's fence that the runner uses: `swift hide`, `swift raises timeout=5`.
struct CellAttributes: Equatable {
    var hide = false
    var norun = false
    var raises = false
    var hidden = false
    var timeout: Double?
    var exercise: String?
    var test: String?
    var points: Double?
    /// Every `key=value` pair, including the ones above.
    var values: [String: String] = [:]

    init() {}
}
