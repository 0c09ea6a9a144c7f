import Foundation
import Lessons

/// The full-text search index: every lesson split at its headings into plain-text sections.
///
/// Written as `search.json`, and as `search-index.js` (the same JSON in one assignment) for the
/// page script, because browsers refuse `fetch` of a JSON file from a `file://` site.
public struct SearchIndex: Codable, Sendable, Equatable {
    public struct Section: Codable, Sendable, Equatable {
        /// The heading's anchor, empty for the text before the first heading.
        public var anchor: String
        public var heading: String
        public var text: String
    }

    public struct Page: Codable, Sendable, Equatable {
        public var url: String
        public var title: String
        public var sections: [Section]
    }

    public var pages: [Page]

    /// The sections of a lesson: prose and the code `view` shows, without outputs or markup.
    static func page(for lesson: Lesson, view: SiteView) -> Page {
        let html = lesson.html { cell in
            view.showsCode(cell) ? "<pre>" + HTML.escape(cell.source) + "</pre>" : ""
        }
        var sections: [Section] = []
        var current = Section(anchor: "", heading: lesson.title, text: "")
        var rest = Substring(html)
        for heading in LessonPage.headings(in: html) {
            guard let start = rest.range(of: "<h\(heading.level) id=\"\(heading.id)\">"),
                  let end = rest[start.upperBound...].range(of: "</h\(heading.level)>") else { continue }
            current.text += plainText(rest[..<start.lowerBound])
            sections.append(current)
            current = Section(anchor: heading.id, heading: plainText(Substring(heading.html)), text: "")
            rest = rest[end.upperBound...]
        }
        current.text += plainText(rest)
        sections.append(current)
        sections = sections.map { section in
            var section = section
            section.text = section.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return section
        }.filter { !$0.text.isEmpty || !$0.anchor.isEmpty }
        return Page(url: Navigation.url(lesson), title: lesson.title, sections: sections)
    }

    /// Tags dropped, the five entities cmark writes decoded, and a space where a block ended.
    static func plainText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false; text.append(" ") }
            } else if character == "<" {
                inTag = true
            } else {
                text.append(character)
            }
        }
        return text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    }

    /// The index as compact JSON with sorted keys, the same bytes for the same course.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{\"pages\":[]}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The script the pages load: `window.GRADUS_SEARCH_INDEX = {…};`.
    public var script: String {
        "window.GRADUS_SEARCH_INDEX = " + json.replacing("</", with: "<\\/") + ";\n"
    }
}
