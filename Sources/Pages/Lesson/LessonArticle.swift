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


/// A lesson's words split at its headings, read from the lesson's Markdown tree: for search.
///
/// Reading the tree rather than the rendered page means no markup, entity or formula delimiter
/// can leak into the text, and the anchors are the ones the page's headings carry.
public enum LessonText {
    /// One heading and the words up to the next heading.
    public struct Section: Sendable, Hashable {
        /// The heading's anchor, empty for the text before the first heading.
        public var anchor: String
        public var heading: String
        public var text: String
    }

    /// The sections of `lesson`, the first titled `lesson.title`; `code` gives a cell's searchable
    /// text (its code when the page shows it, else nothing). Blank runs are collapsed to one space,
    /// and sections with neither text nor anchor are left out.
    public static func sections(_ lesson: Lesson, code: (Cell) -> String) -> [Section] {
        let anchors = Dictionary(lesson.headings.map { ($0.location, $0) }, uniquingKeysWith: { first, _ in first })
        var sections = [Section(anchor: "", heading: lesson.title, text: "")]
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .heading:
                if let start = node.range?.start, let heading = anchors[start] {
                    sections.append(Section(anchor: heading.anchor, heading: heading.text, text: ""))
                    return
                }
            case .text, .code, .math:
                sections[sections.count - 1].text += node.literal
                return
            case .softBreak, .lineBreak:
                sections[sections.count - 1].text += " "
                return
            case .htmlBlock, .htmlInline, .image:
                return
            case let .codeBlock(_, cell):
                let text = cell.flatMap { lesson.cells.indices.contains($0) ? code(lesson.cells[$0]) : nil } ?? node.literal
                sections[sections.count - 1].text += " " + text + " "
                return
            default:
                break
            }
            for child in node.children { visit(child) }
            if node.isBlock { sections[sections.count - 1].text += " " }
        }
        visit(lesson.document)
        return sections.map { section in
            var section = section
            section.text = section.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return section
        }.filter { !$0.text.isEmpty || !$0.anchor.isEmpty }
    }
}
