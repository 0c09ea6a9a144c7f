/// When a test's result is shown to the student: the `visibility=` attribute of a test cell.
///
/// The values are Gradescope's per-test visibilities, so `results.json` carries them as written.
/// Every value but `visible` keeps the test's code from students wherever gradus shows a lesson
/// (release, check, the student site), exactly as `hidden` does: students cannot see a test's
/// code now, and later they see its result, never its code.
public enum TestVisibility: String, Sendable, Hashable, Codable, CaseIterable {
    /// Always shown: the test's code, and its result with the reason it failed.
    case visible
    /// Never shown to students; what the bare `hidden` attribute means.
    case hidden
    /// The result (with the reason it failed) is shown once the assignment's due date has passed.
    case afterDueDate = "after_due_date"
    /// The result (with the reason it failed) is shown once the instructor publishes the grades.
    case afterPublished = "after_published"

    /// The valid values, for messages: `visible, hidden, after_due_date, after_published`.
    public static var spelledOut: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension Cell {
    /// When Gradescope shows this test's result: `visibility=VALUE`, else `.hidden` for a bare
    /// `hidden`, else `.visible`. A misspelt value counts as `.hidden` (and is diagnosed), so a
    /// typo never shows a test that was meant to stay out of sight.
    public var visibility: TestVisibility {
        if let value = attributes["visibility"] { return TestVisibility(rawValue: value) ?? .hidden }
        return attributes.contains("hidden") ? .hidden : .visible
    }

    /// Checks `visibility=`: a known value, on a test cell, not contradicting `hidden`.
    func visibilityDiagnostics() -> [LessonDiagnostic] {
        guard let attribute = attributes.attribute("visibility") else { return [] }
        let location = attribute.location ?? fenceRange.start
        guard let value = TestVisibility(rawValue: attribute.value) else {
            return [.error("'visibility' must be one of \(TestVisibility.spelledOut), not '\(attribute.value)'", at: location)]
        }
        if test == nil {
            return [.error("'visibility' is for test cells (test=ID): it says when a test's result is shown", at: location)]
        }
        if value == .visible, let hidden = attributes.attribute("hidden") {
            return [.error("'visibility=visible' contradicts 'hidden': a hidden test is never shown; keep one of the two",
                           at: location, notes: [.init("'hidden' is here", at: hidden.location ?? location)])]
        }
        return []
    }
}
