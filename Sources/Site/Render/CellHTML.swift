import Lessons
import Snippets

/// One cell of a lesson page: highlighted code, its outputs beneath, and its error if it failed.
///
/// Attributes decide what shows: `hide` and `hidden` cells show only their outputs (the
/// instructor's view shows hidden tests' code), `norun` cells only their code, and a `raises`
/// cell's error is shown as the expected result. In the student view an exercise or test carries
/// a note saying how the student checks their work (`SiteView.note`).
enum CellHTML {
    /// The cell's HTML in `view`; `file` is the lesson's file name, for the student view's notes.
    static func html(_ cell: Cell, result record: CellResult?, view: SiteView = .solutions, file: String = "") -> String {
        guard cell.language == "swift" else {
            let language = cell.language.map { " class=\"language-\(HTML.escape($0))\"" } ?? ""
            return "<div class=\"cell cell-static\"><pre class=\"code\"><code\(language)>\(HTML.escape(trimmed(cell.source)))</code></pre></div>\n"
        }
        let showsCode = view.showsCode(cell)
        let outputs = record?.outputs ?? []
        let failed = record?.status == .error
        let raised = record?.expectedError == true ? record?.error : nil
        let note = view.note(for: cell, file: file)
        if !showsCode, outputs.isEmpty, !failed, raised == nil, note == nil { return "" }

        var classes = ["cell"]
        if !showsCode { classes.append("hidden-code") }
        if cell.norun { classes.append("norun") }
        if failed { classes.append("failed") }
        if raised != nil { classes.append("raised") }
        var html = "<div class=\"\(classes.joined(separator: " "))\" id=\"cell-\(cell.index + 1)\" data-line=\"\(cell.fenceRange.start.line)\">"
        if showsCode {
            html += "<pre class=\"code\">"
            if cell.norun { html += "<span class=\"badge\">not run</span>" }
            if let badge = gradingBadge(cell) { html += "<span class=\"badge grading\">\(HTML.escape(badge))</span>" }
            html += "<code class=\"language-swift\">\(SwiftHighlighter.html(trimmed(cell.source)))</code></pre>"
        }
        if !outputs.isEmpty {
            html += "<div class=\"outputs\">" + outputs.map(OutputHTML.html).joined() + "</div>"
        }
        if failed, let error = record?.error {
            html += errorBox(error, expected: false)
        } else if let raised {
            html += errorBox(raised, expected: true)
        }
        if let note { html += "<p class=\"cell-note\" role=\"note\">\(note)</p>" }
        return html + "</div>\n"
    }

    /// The error's message, its `path:line:col`, and the source line with a caret under the column.
    static func errorBox(_ error: LessonDiagnostic, expected: Bool) -> String {
        let kind = expected ? "raised-box" : "error-box"
        let title = expected ? "Raises, as expected: " : "Error: "
        var html = "<div class=\"\(kind)\"\(expected ? "" : " role=\"alert\"")>"
        html += "<p class=\"error-title\">\(title)\(HTML.escape(error.message))</p>"
        html += "<p class=\"error-location\"><code>\(HTML.escape(error.location.description))</code></p>"
        if !error.sourceLine.isEmpty {
            let caret = LessonDiagnostic.caret(under: error.location.column, in: error.sourceLine)
            html += "<pre>\(HTML.escape(error.sourceLine))\n\(caret)</pre>"
        }
        for note in error.notes {
            let place = note.location.map { " <code>\(HTML.escape($0.description))</code>" } ?? ""
            html += "<p class=\"error-note\">note: \(HTML.escape(note.message))\(place)</p>"
        }
        return html + "</div>"
    }

    /// What a grading cell is, so readers can tell an exercise and its tests from ordinary cells.
    static func gradingBadge(_ cell: Cell) -> String? {
        if let exercise = cell.exercise { return "exercise \(exercise)" }
        if let test = cell.test {
            return "\(cell.hidden ? "hidden " : "")test of \(test), \(cell.points) point\(cell.points == 1 ? "" : "s")"
        }
        return nil
    }

    private static func trimmed(_ source: String) -> String {
        source.hasSuffix("\n") ? String(source.dropLast()) : source
    }
}
