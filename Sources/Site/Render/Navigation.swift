import Lessons
import Pages

/// The parts of a page that link lessons together: the sidebar, previous/next links and the index.
struct Navigation {
    let course: Course

    static func url(_ lesson: Lesson) -> String { lesson.id + ".html" }

    /// Course title, search box, and the lessons in order; the current one expanded to its sections.
    func sidebar(current: Lesson?, sections: [MarkdownHTML.Section]) -> String {
        var html = "<a class=\"course-title\" href=\"index.html\">\(HTML.escape(course.title))</a>\n"
        html += "<form class=\"search\" action=\"index.html\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search the course\" aria-label=\"Search the course\" autocomplete=\"off\"></form>\n"
        html += "<ol class=\"toc\">\n"
        for (number, lesson) in course.lessons.enumerated() {
            let isCurrent = lesson.id == current?.id
            html += "<li><a href=\"\(HTML.escape(Self.url(lesson)))\"\(isCurrent ? " aria-current=\"page\"" : "")>"
            html += "<span class=\"lesson-number\">\(number + 1).</span>\(HTML.escape(lesson.title))</a>"
            let subsections = sections.filter { $0.level == 2 }
            if isCurrent, !subsections.isEmpty {
                html += "\n<ol>" + subsections.map { "<li><a href=\"#\(HTML.escape($0.anchor))\">\($0.html)</a></li>" }.joined() + "</ol>"
            }
            html += "</li>\n"
        }
        return html + "</ol>"
    }

    /// Links to the previous and next pages; the first lesson's previous page is the contents.
    func pager(index: Int?) -> String {
        let lessons = course.lessons
        var previous: (String, String)?
        var next: (String, String)?
        if let index {
            previous = index > 0 ? (Self.url(lessons[index - 1]), lessons[index - 1].title) : ("index.html", "Contents")
            if index + 1 < lessons.count { next = (Self.url(lessons[index + 1]), lessons[index + 1].title) }
        } else if let first = lessons.first {
            next = (Self.url(first), first.title)
        }
        var html = "<nav class=\"pager\" aria-label=\"Previous and next\">"
        if let (url, title) = previous {
            html += "<a class=\"prev\" rel=\"prev\" href=\"\(HTML.escape(url))\"><small>← Previous</small>\(HTML.escape(title))</a>"
        }
        if let (url, title) = next {
            html += "<a class=\"next\" rel=\"next\" href=\"\(HTML.escape(url))\"><small>Next →</small>\(HTML.escape(title))</a>"
        }
        return html + "</nav>"
    }

    /// The contents page: title, authors and each lesson with its summary.
    var indexArticle: String {
        var html = "<h1>\(HTML.escape(course.title))</h1>\n"
        if !course.authors.isEmpty {
            html += "<p class=\"authors\">\(HTML.escape(course.authors.joined(separator: ", ")))</p>\n"
        }
        html += "<h2 id=\"contents\">Contents</h2>\n<ol class=\"toc-list\">\n"
        for lesson in course.lessons {
            html += "<li><a href=\"\(HTML.escape(Self.url(lesson)))\">\(HTML.escape(lesson.title))</a>"
            if let summary = lesson.summary, !summary.isEmpty {
                html += "<span class=\"summary\">\(HTML.escape(summary))</span>"
            }
            html += "</li>\n"
        }
        return html + "</ol>"
    }
}
