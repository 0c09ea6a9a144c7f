import Foundation
import Lessons
import Pages

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

    /// The sections of a lesson, read from its Markdown tree: prose and the code `view` shows, no outputs.
    static func page(for lesson: Lesson, view: SiteView) -> Page {
        let sections = LessonText.sections(lesson) { cell in view.showsCode(cell) ? cell.source : "" }
        return Page(url: Navigation.url(lesson), title: lesson.title,
                    sections: sections.map { Section(anchor: $0.anchor, heading: $0.heading, text: $0.text) })
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
