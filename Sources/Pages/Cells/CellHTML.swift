import Lessons
import Snippets

/// One cell of a lesson page: highlighted code, its outputs beneath, and its error if it failed.
///
/// The site, feedback and notebooks draw cells here so they look alike. `norun` cells show only
/// their code, and a `raises` cell's error is shown as the expected result; what else shows
/// (the code of `hide` and `hidden` cells, a note or a test's verdict) the caller's
/// `Presentation` says.
public enum CellHTML {
    /// What a page shows of a cell besides its results: the site's view and feedback decide.
    public struct Presentation: Sendable {
        /// Whether the code is shown (not for `hide` cells, nor hidden tests a student sees).
        public var showsCode: Bool
        /// Whether the cell's outputs and its error are shown (a hidden test in feedback shows neither).
        public var showsResults: Bool
        /// Whether an error box is shown for a failed cell (feedback says a test's failure in its verdict instead).
        public var showsError: Bool
        /// HTML closing the cell: the student view's note, a test's verdict in feedback.
        public var footer: String

        public init(showsCode: Bool = true, showsResults: Bool = true, showsError: Bool = true, footer: String = "") {
            self.showsCode = showsCode
            self.showsResults = showsResults
            self.showsError = showsError
            self.footer = footer
        }
    }

    /// The cell's HTML as `presentation` says, with the outputs and error of `record`.
    public static func html(_ cell: Cell, result record: CellResult?, presentation: Presentation = Presentation()) -> String {
        guard cell.language == "swift" else {
            let language = cell.language.map { " class=\"language-\(HTML.escape($0))\"" } ?? ""
            return "<div class=\"cell cell-static\"><pre class=\"code\" tabindex=\"0\"><code\(language)>\(HTML.escape(trimmed(cell.source)))</code></pre></div>\n"
        }
        let showsCode = presentation.showsCode
        let outputs = presentation.showsResults ? record?.outputs ?? [] : []
        let failed = presentation.showsResults && presentation.showsError && record?.status == .error
        let raised = presentation.showsResults && record?.expectedError == true ? record?.error : nil
        let footer = presentation.footer
        if !showsCode, outputs.isEmpty, !failed, raised == nil, footer.isEmpty { return "" }

        var classes = ["cell"]
        if !showsCode { classes.append("hidden-code") }
        if cell.norun { classes.append("norun") }
        if failed { classes.append("failed") }
        if raised != nil { classes.append("raised") }
        var html = "<div class=\"\(classes.joined(separator: " "))\" id=\"cell-\(cell.index + 1)\" data-line=\"\(cell.fenceRange.start.line)\">"
        if showsCode {
            // Badges sit on their own line above the code, so they never cover a long line.
            var badges = cell.norun ? ["<span class=\"badge\">not run</span>"] : []
            if let badge = gradingBadge(cell) { badges.append("<span class=\"badge grading\">\(HTML.escape(badge))</span>") }
            if !badges.isEmpty { html += "<div class=\"cell-badges\">" + badges.joined() + "</div>" }
            html += "<pre class=\"code\" tabindex=\"0\"><code class=\"language-swift\">\(SwiftHighlighter.html(trimmed(cell.source)))</code></pre>"
        }
        if !outputs.isEmpty {
            html += "<div class=\"outputs\">" + outputs.map(OutputHTML.html).joined() + "</div>"
        }
        if failed, let error = record?.error {
            html += errorBox(error, expected: false)
        } else if let raised {
            html += errorBox(raised, expected: true)
        }
        return html + footer + "</div>\n"
    }

    /// The error's message, its `path:line:col`, and the source line with a caret under the column.
    public static func errorBox(_ error: LessonDiagnostic, expected: Bool) -> String {
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
    public static func gradingBadge(_ cell: Cell) -> String? {
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
