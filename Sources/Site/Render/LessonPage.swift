import Lessons
import Snippets

/// The HTML of a lesson's article: prose from the Lessons renderer with each cell drawn by `CellHTML`.
struct LessonPage {
    let lesson: Lesson
    /// Results of the lesson's swift cells, by `Cell.index`.
    let results: [Int: CellResult]
    /// The view the page belongs to: what cells show and say.
    let view: SiteView

    init(lesson: Lesson, results: [CellResult], view: SiteView = .solutions) {
        self.lesson = lesson
        self.view = view
        self.results = Dictionary(results.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The article: a title heading when the lesson has no `#` heading, the summary, prose and cells.
    var article: String {
        // Lessons renders prose with short markers for cells, swapped for the cells' HTML in one
        // pass afterwards: its per-block search and formula restoring then never scan the large
        // SVG of plots, which made rendering several times slower.
        var cells: [String] = []
        let prose = lesson.html { cell in
            cells.append(CellHTML.html(cell, result: results[cell.index], view: view, file: fileName))
            return Self.marker + String(cells.count - 1) + "-->"
        }
        var html = Self.replacingMarkers(prose, with: cells)
        let summary = lesson.summary.flatMap { $0.isEmpty ? nil : "<p class=\"summary\">\(HTML.escape($0))</p>\n" } ?? ""
        if lesson.headings.first?.level == 1, let end = html.range(of: "</h1>") {
            html.insert(contentsOf: "\n" + summary, at: end.upperBound)
        } else {
            html = "<h1>\(HTML.escape(lesson.title))</h1>\n" + summary + html
        }
        return Self.addingAnchorLinks(html)
    }

    /// The lesson's file name, as a student's copy is named (`04-momentum.md`).
    var fileName: String { lesson.path.split(separator: "/").last.map(String.init) ?? lesson.path }

    static let marker = "<!--gradus-cell:"

    /// `prose` with each `<!--gradus-cell:N-->` replaced by `cells[N]`.
    static func replacingMarkers(_ prose: String, with cells: [String]) -> String {
        var output = ""
        output.reserveCapacity(prose.utf8.count + cells.reduce(0) { $0 + $1.utf8.count })
        var rest = Substring(prose)
        while let open = rest.range(of: marker) {
            output += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "-->"), let index = Int(after[..<close.lowerBound]), cells.indices.contains(index) else {
                output += rest[open]
                rest = after
                continue
            }
            output += cells[index]
            rest = after[close.upperBound...]
        }
        return output + rest
    }

    /// Adds a `#` link at the end of each `<h2>`…`<h4>` that has an id, for copying section links.
    static func addingAnchorLinks(_ html: String) -> String {
        var output = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<h"), let closeTag = rest[open.upperBound...].range(of: ">") {
            let tag = rest[open.lowerBound..<closeTag.upperBound]
            output += rest[..<closeTag.upperBound]
            rest = rest[closeTag.upperBound...]
            guard let level = tag.dropFirst(2).first, ("2"..."4").contains(level),
                  let idStart = tag.range(of: "id=\""), let idEnd = tag[idStart.upperBound...].firstIndex(of: "\""),
                  let end = rest.range(of: "</h\(level)>") else { continue }
            let id = tag[idStart.upperBound..<idEnd]
            output += rest[..<end.lowerBound]
            output += "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a>"
            rest = rest[end.lowerBound...]
        }
        return output + rest
    }

    /// Each heading's id, level and inner HTML (formulas as math spans), read back from the page.
    static func headings(in html: String) -> [(level: Int, id: String, html: String)] {
        var found: [(Int, String, String)] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<h") {
            rest = rest[open.upperBound...]
            guard let level = rest.first?.wholeNumberValue, (1...6).contains(level),
                  rest.dropFirst().hasPrefix(" id=\""),
                  let tagEnd = rest.firstIndex(of: ">"),
                  let end = rest.range(of: "</h\(level)>") else { continue }
            let tag = rest[..<tagEnd]
            guard let idStart = tag.range(of: "id=\""), let idEnd = tag[idStart.upperBound...].firstIndex(of: "\"") else { continue }
            var inner = String(rest[rest.index(after: tagEnd)..<end.lowerBound])
            if let anchor = inner.range(of: "<a class=\"anchor\"") { inner = String(inner[..<anchor.lowerBound]) }
            found.append((level, String(tag[idStart.upperBound..<idEnd]), inner))
            rest = rest[end.upperBound...]
        }
        return found
    }
}
