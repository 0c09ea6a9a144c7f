import Lessons
import Site
import Snippets

/// The student's `feedback.html`: each lesson with their code, its outputs and every test's result.
///
/// The site's page renderer is internal to `Site`, so this draws a simpler page with the site's
/// stylesheet and class names (`cell`, `outputs`, `error-box`). Hidden tests show only whether
/// they passed: no code, no output, no message.
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
        if !cell.hide { html += "<pre class=\"code\"><code class=\"language-swift\">\(escape(code))</code></pre>" }
        let outputs = result?.outputs ?? []
        if !outputs.isEmpty { html += "<div class=\"outputs\">" + outputs.map(output).joined() + "</div>" }
        if let test {
            html += verdict(test, showMessage: true)
        } else if let result, result.status == .error, let error = result.error {
            html += "<div class=\"error-box\" role=\"alert\"><p class=\"error-title\">Error: \(escape(error.message))</p>"
                + "<p class=\"error-location\"><code>line \(error.line), column \(error.column)</code></p></div>"
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

    private static func output(_ output: Output) -> String {
        switch output {
        case let .text(text):
            return "<pre class=\"output\">\(escape(text))</pre>"
        case let .table(table):
            let head = table.columns.map { "<th>\(escape($0))</th>" }.joined()
            let rows = table.rows.map { row in
                "<tr>" + row.map { "<td>\(escape(describe($0)))</td>" }.joined() + "</tr>"
            }.joined()
            return "<div class=\"output-table\"><table><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div>"
        case let .runs(runs):
            let rows = runs.runs.map { "<tr><td>\(escape($0.name))</td><td>\($0.loss.last.map { String($0) } ?? "")</td></tr>" }.joined()
            return "<div class=\"output-table\"><table><caption>\(escape(runs.title))</caption><thead><tr><th>optimizer</th>"
                + "<th>final loss</th></tr></thead><tbody>\(rows)</tbody></table></div>"
        case let .plot(plot):
            return "<p class=\"table-note\">(a plot\(plot.title.map { ": " + escape($0) } ?? ""); see the course site)</p>"
        }
    }

    private static func describe(_ cell: TableCell) -> String {
        switch cell {
        case let .int(value): return String(value)
        case let .number(value): return String(value)
        case let .text(value): return value
        }
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
