import Lessons
import Site
import Snippets

/// The student's `feedback.html`: each lesson with their code, its outputs and every test's result.
///
/// Code is highlighted and outputs (tables with the best value marked, loss curves and contour
/// maps as SVG) are drawn by the site's own renderers, with the site's stylesheet, so feedback
/// looks like the course page. Hidden tests show only whether they passed: no code, no output,
/// no message.
enum FeedbackHTML {
    /// A whole page for one student from the lessons' sections.
    static func page(student: String, sections: [String], score: Int, maxScore: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Feedback for \(escape(student))</title>
        <style>
        \(DefaultTheme.style)
        .test-result { margin: 0.5em 0; padding: 0.4em 0.8em; border-left: 4px solid; }
        .test-result.passed { border-color: #2e7d32; }
        .test-result.failed { border-color: #c62828; }
        .scores td, .scores th { padding: 0.2em 0.8em; text-align: left; }
        </style>
        </head>
        <body>
        <main id="main">
        <h1>Feedback for \(escape(student))</h1>
        <p class="summary">Total: \(score) / \(maxScore) points.</p>
        \(sections.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    /// A lesson graded normally: its prose and cells with the student's code in place.
    static func section(lesson: Lesson, results: [Int: CellResult], exercises: [ExerciseOutcome], tests: [TestOutcome]) -> String {
        let byCell = Dictionary(tests.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
        let body = lesson.html { cell in Self.cell(cell, result: results[cell.index], test: byCell[cell.index]) }
        return "<section class=\"lesson\">\n<h2>\(escape(lesson.title))</h2>\n" + scoreTable(exercises) + body + "</section>"
    }

    /// A lesson whose file could not be graded: the reason and the zero scores.
    static func unusableSection(title: String, message: String, exercises: [ExerciseOutcome], tests: [TestOutcome]) -> String {
        "<section class=\"lesson\">\n<h2>\(escape(title))</h2>\n" + scoreTable(exercises)
            + "<div class=\"error-box\" role=\"alert\"><p class=\"error-title\">\(escape(message))</p></div>\n</section>"
    }

    static func scoreTable(_ exercises: [ExerciseOutcome]) -> String {
        guard !exercises.isEmpty else { return "" }
        let rows = exercises.map { "<tr><td>\(escape($0.id))</td><td>\($0.score) / \($0.maxScore)</td><td>\(escape($0.status.rawValue))</td></tr>" }
        return "<table class=\"scores\"><thead><tr><th>exercise</th><th>score</th><th>status</th></tr></thead><tbody>"
            + rows.joined() + "</tbody></table>\n"
    }

    private static func cell(_ cell: Cell, result: CellResult?, test: TestOutcome?) -> String {
        let code = cell.source.hasSuffix("\n") ? String(cell.source.dropLast()) : cell.source
        guard cell.language == "swift" else {
            return "<div class=\"cell\"><pre class=\"code\"><code>\(escape(code))</code></pre></div>\n"
        }
        if let test, test.hidden {
            return "<div class=\"cell hidden-code\">" + verdict(test, showMessage: false) + "</div>\n"
        }
        var html = "<div class=\"cell\(cell.hide ? " hidden-code" : "")\">"
        if !cell.hide { html += "<pre class=\"code\"><code class=\"language-swift\">\(SwiftHighlighter.html(code))</code></pre>" }
        let outputs = result?.outputs ?? []
        if !outputs.isEmpty {
            html += "<div class=\"outputs\">" + outputs.map(OutputHTML.html).joined() + "</div>"
        }
        if let test {
            html += verdict(test, showMessage: true)
        } else if let result, result.status == .error, let error = result.error {
            html += "<div class=\"error-box\" role=\"alert\"><p class=\"error-title\">Error: \(escape(error.message))</p>"
                + "<p class=\"error-location\"><code>line \(error.location.line), column \(error.location.column)</code></p></div>"
        }
        return html + "</div>\n"
    }

    private static func verdict(_ test: TestOutcome, showMessage: Bool) -> String {
        let kind = test.hidden ? "Hidden test" : "Test"
        let points = "\(test.points) point\(test.points == 1 ? "" : "s")"
        if test.passed {
            return "<p class=\"test-result passed\">\(kind) \(escape(test.name)) passed (\(points))</p>"
        }
        let reason = showMessage && !test.message.isEmpty ? ": \(escape(test.message))" : ""
        return "<p class=\"test-result failed\">\(kind) \(escape(test.name)) failed (0 of \(points))\(reason)</p>"
    }

    /// The site's escaping, so feedback text can never inject markup either.
    static func escape(_ text: String) -> String { HTML.escape(text) }
}
