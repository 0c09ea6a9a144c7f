import Foundation
import Testing

/// The lines of the course students must never see, read from the key's files independently of
/// the Lessons module: every non-blank line inside a `// BEGIN SOLUTION` … `// END SOLUTION`
/// region, every line of an exercise cell without markers, and every line of a hidden test.
///
/// A line that also occurs outside those (in prose or shown code of any lesson, so students see
/// it anyway) is left out, so a match in the students' site is always a leak.
struct SolutionLines {
    var solutions: [String] = []
    var hiddenTests: [String] = []

    /// The lines of each lesson `course.yml` lists, by file name.
    static func course() throws -> [String: SolutionLines] {
        var secret: [String: (solutions: [String], hidden: [String])] = [:]
        var shown: [String] = []
        for file in try Course.lessonFiles() {
            let lines = try Course.read(Course.lessons + "/" + file).components(separatedBy: "\n")
            let split = classify(lines)
            secret[file] = (split.solutions, split.hidden)
            shown += split.shown
        }
        let visible = shown.joined(separator: "\n")
        return secret.mapValues { lines in
            let keep = { (line: String) in !line.isEmpty && !visible.contains(line) }
            return SolutionLines(solutions: Array(Set(lines.solutions.filter(keep))).sorted(),
                                 hiddenTests: Array(Set(lines.hidden.filter(keep))).sorted())
        }
    }

    /// A lesson's lines sorted into solution lines, hidden-test lines (both trimmed) and the rest.
    static func classify(_ lines: [String]) -> (solutions: [String], hidden: [String], shown: [String]) {
        var solutions: [String] = [], hidden: [String] = [], shown: [String] = []
        var cell: [String]?
        var fence = ""
        for line in lines {
            guard var code = cell else {
                if line.hasPrefix("```swift") {
                    cell = []
                    fence = line
                }
                shown.append(line)
                continue
            }
            guard line.trimmingCharacters(in: .whitespaces) != "```" else {
                let words = fence.split(separator: " ")
                let trimmed = code.map { $0.trimmingCharacters(in: .whitespaces) }
                if words.contains(where: { $0.hasPrefix("test=") }), words.contains("hidden") {
                    hidden += trimmed
                } else if words.contains(where: { $0.hasPrefix("exercise=") }) {
                    let regions = regionLines(trimmed)
                    solutions += regions.inside
                    shown += regions.outside
                } else {
                    shown += code
                }
                shown.append(line)
                cell = nil
                continue
            }
            code.append(line)
            cell = code
        }
        return (solutions, hidden, shown)
    }

    /// The lines inside solution regions and those outside; a cell without markers is all inside.
    static func regionLines(_ lines: [String]) -> (inside: [String], outside: [String]) {
        let markers = ["// BEGIN SOLUTION", "// END SOLUTION"]
        guard lines.contains(where: markers.contains) else { return (lines, []) }
        var inside: [String] = [], outside: [String] = []
        var open = false
        for line in lines {
            if line == markers[0] { open = true } else if line == markers[1] { open = false } else if open { inside.append(line) } else { outside.append(line) }
        }
        return (inside, outside)
    }

    /// The line as it appears inside a JSON string (a notebook's source): `\` and `"` escaped.
    static func jsonEscaped(_ line: String) -> String {
        line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// Runs of white space as one space, as the search index writes text.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// A built site as a reader sees it: each page's text, and the text of its search index.
struct BuiltSite {
    /// Every `.html` file at the top of the site, by name.
    var pages: [String: String] = [:]
    /// Every section of `search.json`, white space collapsed, one per line.
    var search = ""

    private struct Index: Decodable {
        struct Page: Decodable { var title: String; var sections: [Section] }
        struct Section: Decodable { var heading: String; var text: String }
        var pages: [Page]
    }

    init(_ site: String) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: site) where name.hasSuffix(".html") {
            pages[name] = try Course.read(site + "/" + name)
        }
        let index = try JSONDecoder().decode(Index.self, from: Data(try Course.read(site + "/search.json").utf8))
        search = index.pages.flatMap { page in page.sections.map { SolutionLines.collapsed($0.heading + " " + $0.text) } }
            .joined(separator: "\n")
    }

    /// The page's text: tags dropped (the highlighter splits code lines into spans), entities decoded.
    func text(of page: String) -> String {
        (pages[page] ?? "").replacing(/<[^>]*>/, with: "")
            .replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    }
}
