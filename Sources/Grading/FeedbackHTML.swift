import Lessons
import Pages
import Snippets

/// The student's `feedback.html`: each lesson with their code, its outputs and every test's result.
///
/// Lessons are drawn by `Pages`, the site's own renderer, with the site's stylesheet, so feedback
/// looks like the course page; formulas render with the KaTeX copied beside the page. Each
/// lesson's title shows once, as the section's heading. Hidden tests show only whether they
/// passed: no code, no output, no message.
enum FeedbackHTML {
    /// A whole page for one student from the lessons' sections.
    static func page(student: String, sections: [String], score: Int, maxScore: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>Feedback for \(escape(student))</title>
        \(MathScript.head())
        <style>
        \(DefaultTheme.style)
        .test-result { margin: 0; padding: 0.4em 0.8em; border-left: 4px solid; border-top: 1px solid var(--border); }
        .test-result.passed { border-left-color: var(--best-fg); }
        .test-result.failed { border-left-color: var(--error-border); }
        .scores td, .scores th { padding: 0.2em 0.8em; text-align: left; }
        </style>
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <main id="main">
        <h1>Feedback for \(escape(student))</h1>
        <p class="summary">Total: \(score) / \(maxScore) points.</p>
        \(sections.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    /// A lesson graded normally: its title, scores, prose and cells with the student's code in place.
    static func section(lesson: Lesson, results: [Int: CellResult], exercises: [ExerciseOutcome], tests: [TestOutcome]) -> String {
        let byCell = Dictionary(tests.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
        let article = LessonArticle(lesson, anchorLinks: false, headingShift: 1, intro: scoreTable(exercises)) { cell in
            CellHTML.html(cell, result: results[cell.index], presentation: presentation(cell, test: byCell[cell.index]))
        }
        return "<section class=\"lesson\">\n" + article.html + "</section>"
    }

    /// A lesson whose file could not be graded: the reason and the zero scores.
    static func unusableSection(title: String, message: String, exercises: [ExerciseOutcome], tests: [TestOutcome]) -> String {
        "<section class=\"lesson\">\n<h2>\(escape(title))</h2>\n" + scoreTable(exercises)
            + "<div class=\"error-box\" role=\"alert\"><p class=\"error-title\">\(escape(message))</p></div>\n</section>"
    }

    static func scoreTable(_ exercises: [ExerciseOutcome]) -> String {
        guard !exercises.isEmpty else { return "" }
        let rows = exercises.map { "<tr><th scope=\"row\">\(escape($0.id))</th><td>\($0.score) / \($0.maxScore)</td><td>\(escape($0.status.rawValue))</td></tr>" }
        return "<table class=\"scores\"><caption>Scores</caption><thead><tr><th scope=\"col\">exercise</th><th scope=\"col\">score</th><th scope=\"col\">status</th></tr></thead><tbody>"
            + rows.joined() + "</tbody></table>\n"
    }

    /// What feedback shows of a cell: a hidden test only its verdict; a test its verdict instead of an error box.
    private static func presentation(_ cell: Cell, test: TestOutcome?) -> CellHTML.Presentation {
        guard let test else { return CellHTML.Presentation(showsCode: !cell.hide) }
        if test.hidden {
            return CellHTML.Presentation(showsCode: false, showsResults: false, footer: verdict(test, showMessage: false))
        }
        return CellHTML.Presentation(showsCode: !cell.hide, showsError: false, footer: verdict(test, showMessage: true))
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

    /// The renderer's escaping, so feedback text can never inject markup either.
    static func escape(_ text: String) -> String { HTML.escape(text) }
}
