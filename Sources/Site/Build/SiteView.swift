import Lessons
import Pages
import Snippets

/// Which site a build writes: the students' (the default) or the instructor's (`--solutions`).
///
/// The student view is built from each lesson's student copy (`Lesson.studentCopy`, the text
/// `gradus release` writes), so a published site holds no solution and no hidden test, in its
/// pages or in its search index. Its test cells are not run: every exercise holds `todo()` there,
/// so a test could only fail or say "not completed"; each visible test shows its code and says
/// it runs when the student checks their work. The instructor's view shows the course as
/// written, hidden tests included, under a banner on every page saying so.
public enum SiteView: String, Sendable, CaseIterable {
    case student
    case solutions

    /// The course as this view shows it; the student view reports a lesson whose student copy
    /// cannot be made (a solution region left open) as an error and leaves it out.
    func course(_ course: Course) -> (course: Course, errors: [LessonDiagnostic]) {
        guard self == .student else { return (course, []) }
        var shown = course
        var errors: [LessonDiagnostic] = []
        shown.lessons = []
        for lesson in course.lessons {
            do {
                shown.lessons.append(try lesson.studentCopy())
            } catch {
                errors.append(error)
            }
        }
        return (shown, errors)
    }

    /// The results with a note on each failure that follows an exercise whose own cell stopped at
    /// `todo()` (its solution was top-level code) in the student view: what that cell defines does
    /// not exist there, the likely cause, and the author learns how to write the exercise instead.
    func explainingFailures(_ records: [CellResult], in lesson: Lesson) -> [CellResult] {
        guard self == .student else { return records }
        var stopped: Cell?
        return records.map { record in
            var record = record
            let cell = lesson.cells.first { $0.index == record.cell }
            if stopped == nil, let cell, cell.exercise != nil, record.failureKind == .notCompleted {
                stopped = cell
            } else if let exercise = stopped, record.status == .error {
                record.error?.notes.append(.init(
                    "exercise '\(exercise.exercise ?? "")' stops at todo() in the students' view, so what its cell defines "
                        + "does not exist here; write the exercise as a function or closure, whose todo() runs only when called",
                    at: exercise.location))
            }
            return record
        }
    }

    /// Whether the view runs `cell`: swift cells, except tests in the student view.
    func runs(_ cell: Cell) -> Bool {
        cell.language == "swift" && (self == .solutions || cell.test == nil)
    }

    /// Whether a page shows `cell`'s code: not `hide` cells; `hidden` ones only when they are tests
    /// seen by the instructor (the student copy has emptied them).
    func showsCode(_ cell: Cell) -> Bool {
        if cell.hide { return false }
        if cell.hidden { return self == .solutions && cell.test != nil }
        return true
    }

    /// What a page of this view shows of `cell`: its code or not, and the note under it.
    func presentation(of cell: Cell, file: String) -> CellHTML.Presentation {
        let footer = note(for: cell, file: file).map { "<p class=\"cell-note\" role=\"note\">\($0)</p>" } ?? ""
        return CellHTML.Presentation(showsCode: showsCode(cell), footer: footer)
    }

    /// The notice at the top of every page of the view; none for the student view.
    var banner: String {
        guard self == .solutions else { return "" }
        return "<div class=\"view-banner\" role=\"note\"><strong>Instructor's view, with solutions.</strong> "
            + "This page shows the exercises' solutions and the hidden tests. "
            + "Publish the site built without <code>--solutions</code>.</div>\n"
    }

    /// What a student view cell says beneath an exercise or a visible test, nil for other cells.
    func note(for cell: Cell, file: String) -> String? {
        guard self == .student else { return nil }
        let check = "<code>gradus check \(HTML.escape(file))</code>"
        if cell.exercise != nil {
            return "<strong>To do:</strong> exercise not completed yet. Replace <code>todo()</code> with your code, then check your work with \(check)."
        }
        if cell.test != nil, !cell.hidden {
            return "Not run on this page: this test runs when you check your work with \(check)."
        }
        return nil
    }
}
