import Lessons

/// Renders a lesson's Markdown tree to HTML in one walk, asking a hook for each cell.
///
/// The lesson was parsed once, into `Lesson.document`; rendering walks that tree rather than
/// asking cmark again, so cells, formulas and heading anchors are written in place (as
/// swift-markdown's `HTMLFormatter` visits its tree) instead of spliced into cmark's HTML through
/// tokens afterwards. Raw HTML in the Markdown is never passed through: lessons are text.
/// The markup follows cmark's own HTML renderer, line breaks included.
public struct MarkdownHTML {
    /// How a page wants headings and cells drawn.
    public struct Options {
        /// The HTML for a cell, or nil for a plain `<pre><code>` block.
        public var cell: (Cell) -> String?
        /// Whether `<h2>`…`<h4>` get a `#` link to themselves, for copying section links.
        public var anchorLinks: Bool
        /// Levels added to every heading: 1 on a page whose own `<h1>` is above the lesson.
        public var headingShift: Int
        /// HTML written right after the lesson's title heading (its first heading, when a `#` one).
        public var afterTitle: String

        public init(cell: @escaping (Cell) -> String? = { _ in nil }, anchorLinks: Bool = false, headingShift: Int = 0,
                    afterTitle: String = "") {
            self.cell = cell
            self.anchorLinks = anchorLinks
            self.headingShift = headingShift
            self.afterTitle = afterTitle
        }
    }

    /// A heading as the page shows it: for the sidebar and the contents of a page.
    public struct Section: Sendable, Hashable {
        public var level: Int
        public var anchor: String
        /// The heading's inline HTML (formulas as math spans), without the anchor link.
        public var html: String
    }

    let lesson: Lesson
    let options: Options
    /// Each heading's anchor, by where it starts: the model assigned them (`Lesson.headings`).
    let anchors: [SourceLocation: String]
    var writer = HTMLWriter()
    /// The headings met so far, in order.
    public private(set) var sections: [Section] = []

    public init(lesson: Lesson, options: Options = Options()) {
        self.lesson = lesson
        self.options = options
        anchors = Dictionary(lesson.headings.map { ($0.location, $0.anchor) }, uniquingKeysWith: { first, _ in first })
    }

    /// The HTML of the whole lesson body.
    public static func body(_ lesson: Lesson, options: Options = Options()) -> (html: String, sections: [Section]) {
        var renderer = MarkdownHTML(lesson: lesson, options: options)
        renderer.render(lesson.document)
        return (renderer.writer.output, renderer.sections)
    }

    /// The HTML of some top-level blocks (a `Prose` run's `blocks`), cells nested in them included.
    public static func blocks(_ lesson: Lesson, _ range: Range<Int>, options: Options = Options()) -> String {
        var renderer = MarkdownHTML(lesson: lesson, options: options)
        let children = lesson.document.children
        for block in children[range.clamped(to: children.indices)] { renderer.render(block) }
        return renderer.writer.output
    }

    /// Writes `node` and its descendants.
    mutating func render(_ node: MarkdownNode) {
        switch node.kind {
        case .document:
            renderChildren(node)
        case .blockQuote:
            writer.block("<blockquote>\n")
            renderChildren(node)
            writer.block("</blockquote>\n")
        case let .list(ordered, start, tight):
            writer.block(ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n")
            for item in node.children { self.item(item, tight: tight) }
            writer.block(ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            item(node, tight: false)
        case let .codeBlock(info, cell):
            codeBlock(node, info: info, cell: cell)
        case .htmlBlock:
            writer.block("<!-- raw HTML omitted -->")
            writer.newline()
        case .paragraph:
            paragraph(node, tight: false)
        case let .heading(level):
            heading(node, level: level)
        case .thematicBreak:
            writer.block("<hr />\n")
        case let .table(alignments):
            table(node, alignments: alignments)
        default:
            inline(node)
        }
    }

    mutating func renderChildren(_ node: MarkdownNode) {
        for child in node.children { render(child) }
    }

    /// A list item; in a tight list its paragraphs are written without `<p>`.
    mutating func item(_ node: MarkdownNode, tight: Bool) {
        writer.block("<li>")
        for child in node.children {
            if tight, child.kind == .paragraph { paragraph(child, tight: true) } else { render(child) }
        }
        writer.write("</li>\n")
    }

    /// A paragraph; a paragraph holding one display formula becomes a `div`, which block layout allows.
    mutating func paragraph(_ node: MarkdownNode, tight: Bool) {
        if node.children.count == 1, let only = node.children.first, only.kind == .math(display: true) {
            writer.block("<div class=\"math display\">\\[\(HTML.escape(only.literal))\\]</div>\n")
            return
        }
        if tight {
            inlines(node.children)
            return
        }
        writer.block("<p>")
        inlines(node.children)
        writer.write("</p>\n")
    }

    mutating func heading(_ node: MarkdownNode, level: Int) {
        let shown = min(6, level + options.headingShift)
        var inner = MarkdownHTML(lesson: lesson, options: options)
        inner.inlines(node.children)
        let html = inner.writer.output
        let anchor = node.range.flatMap { anchors[$0.start] }
        writer.block("<h\(shown)" + (anchor.map { " id=\"\(HTML.escape($0))\"" } ?? "") + ">")
        writer.write(html)
        if let anchor {
            sections.append(Section(level: level, anchor: anchor, html: html))
            if options.anchorLinks, (2...4).contains(shown) {
                writer.write("<a class=\"anchor\" href=\"#\(HTML.escape(anchor))\" aria-label=\"Link to this section\">#</a>")
            }
        }
        writer.write("</h\(shown)>\n")
        if level == 1, let first = lesson.headings.first, first.level == 1, node.range?.start == first.location {
            writer.write(options.afterTitle)
        }
    }

    mutating func codeBlock(_ node: MarkdownNode, info: String, cell index: Int?) {
        if let index, lesson.cells.indices.contains(index), let html = options.cell(lesson.cells[index]) {
            writer.block(html)
            writer.newline()
            return
        }
        let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
        writer.block("<pre><code" + (language.map { " class=\"language-\(HTML.escape($0))\"" } ?? "") + ">")
        writer.write(HTML.escape(node.literal))
        writer.write("</code></pre>\n")
    }
}
