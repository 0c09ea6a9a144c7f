import Lessons

/// A lesson as a page shows it: its title once, the summary, then prose and cells in order.
///
/// The site's lesson pages and the students' feedback both draw lessons here, so a lesson reads
/// the same in both; the sidebar comes from the headings met on the way, not from the HTML.
public struct LessonArticle {
    /// The article's HTML.
    public var html: String
    /// The lesson's headings with their anchors and inline HTML, for a sidebar.
    public var sections: [MarkdownHTML.Section]

    /// Renders `lesson`; `cell` draws each cell, `headingShift` lowers every heading (1 under a page's
    /// own `<h1>`), and `intro` is HTML placed after the title and summary (feedback's scores).
    public init(_ lesson: Lesson, anchorLinks: Bool = true, headingShift: Int = 0, intro: String = "",
                cell: @escaping (Cell) -> String?) {
        let summary = (lesson.summary.flatMap { $0.isEmpty ? nil : "<p class=\"summary\">\(HTML.escape($0))</p>\n" } ?? "") + intro
        let titled = lesson.headings.first?.level == 1
        let options = MarkdownHTML.Options(
            cell: cell, anchorLinks: anchorLinks, headingShift: headingShift, afterTitle: titled ? summary : "")
        let (body, sections) = MarkdownHTML.body(lesson, options: options)
        if titled {
            html = body
        } else {
            let level = min(6, 1 + headingShift)
            html = "<h\(level)>\(HTML.escape(lesson.title))</h\(level)>\n" + summary + body
        }
        self.sections = sections
    }
}
