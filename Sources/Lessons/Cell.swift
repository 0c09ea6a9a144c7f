/// A fenced code block of a lesson: its language, attributes, code and where the code sits in the file.
///
/// Positions are kept per code line so an interpreter error at a line and column of `source` maps
/// to the author's file even when the fence is indented in a list item or quoted in a blockquote.
public struct Cell: Sendable, Hashable, Codable, Identifiable {
    /// The cell's position among the lesson's cells, from 0; also its identity within the lesson.
    public var index: Int
    /// The first word of the info string ("swift"), nil when the fence has none.
    public var language: String?
    /// The words after the language, in written order.
    public var attributes: CellAttributes
    /// The code between the fences, one `\n` after each line as cmark gives it.
    public var source: String
    /// Where the first code line starts (for an empty cell, the line after the opening fence).
    public var location: SourceLocation
    /// From the first byte of the opening fence to just past the closing fence (or the last code line).
    public var fenceRange: SourceRange
    /// Whether the fence sits inside a list item or blockquote rather than at the top level.
    public var isNested: Bool
    /// The file column where each code line starts, in order; used by `location(line:column:)`.
    public var lineColumns: [Int]
    /// The number of fence characters and the character (`` ` `` or `~`), for rewriting.
    var fenceLength: Int
    var fenceCharacter: UInt8
    /// Whether a closing fence ends the cell (an unclosed one runs to the end of its container).
    var isClosed: Bool

    public var id: Int { index }

    /// The 1-based file line of the first code line.
    public var line: Int { location.line }
    /// The 1-based file column (UTF-8 bytes) of the first code line.
    public var column: Int { location.column }
    /// The file this cell is in.
    public var path: String { location.path }

    /// The code lines, without terminators.
    public var lines: [Substring] {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if source.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    /// Maps a 1-based line and column inside `source` to the file.
    ///
    /// Line 1 column 5 of the cell is `location.line`, `location.column + 4`. Lines past the end of
    /// the cell continue counting from the last line, so an "end of input" error stays in the cell.
    public func location(line: Int, column: Int) -> SourceLocation {
        let lineIndex = max(0, line - 1)
        let base = lineIndex < lineColumns.count ? lineColumns[lineIndex] : (lineColumns.last ?? location.column)
        return SourceLocation(path: location.path, line: location.line + lineIndex, column: base + max(0, column - 1))
    }

    // MARK: Typed attributes

    /// Whether the cell is run: Swift cells run unless marked `norun`.
    public var runs: Bool { language == "swift" && !norun }
    /// `hide`: the site does not show the cell, though it still runs (setup code).
    public var hide: Bool { attributes.contains("hide") }
    /// `norun`: the cell is shown but never run (pseudo-code, a deliberately wrong example).
    public var norun: Bool { attributes.contains("norun") }
    /// `raises`: the cell is expected to throw; running it without an error is a failure.
    public var raises: Bool { attributes.contains("raises") }
    /// The text the error of a `raises="..."` cell must contain, nil for a bare `raises`.
    public var raisesMatching: String? {
        attributes["raises"].flatMap { $0.isEmpty ? nil : $0 }
    }
    /// `exercise=ID`: the cell is the answer to the named exercise, replaced by the student's code.
    public var exercise: String? { nonEmpty("exercise") }
    /// `test=ID`: the cell checks the named exercise.
    public var test: String? { nonEmpty("test") }
    /// `hidden`: students never see this cell's code (a hidden test, or a solution the release strips).
    /// A test with any `visibility=` but `visible` is hidden too: its result is shown later, its code never.
    public var hidden: Bool { attributes.contains("hidden") || attributes["visibility"].map { $0 != "visible" } == true }
    /// `points=N`: what passing this test is worth; 1 when absent or invalid (invalid is diagnosed).
    public var points: Int {
        attributes["points"].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil } ?? 1
    }
    /// `forbid="RMSProp,SGD"`: names an exercise cell may not use (the builtin it asks the student
    /// to write), in written order; empty when absent. Malformed lists are diagnosed.
    public var forbidden: [String] {
        guard let value = attributes["forbid"] else { return [] }
        return value.split(separator: ",").map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
            .filter { !$0.isEmpty }
    }
    /// `timeout=SECONDS`: this cell's time limit, nil when absent or invalid (invalid is diagnosed).
    public var timeout: Double? {
        attributes["timeout"].flatMap(Double.init).flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
    }

    private func nonEmpty(_ key: String) -> String? {
        attributes[key].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        lhs.index == rhs.index && lhs.language == rhs.language && lhs.attributes == rhs.attributes
            && lhs.source == rhs.source && lhs.location == rhs.location && lhs.fenceRange == rhs.fenceRange
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(source)
        hasher.combine(location)
    }
}

extension Cell {
    /// Checks the typed attributes, so a typo in `points=two` is reported rather than ignored.
    func attributeDiagnostics() -> [LessonDiagnostic] {
        var diagnostics: [LessonDiagnostic] = []
        func report(_ key: String, _ message: String) {
            diagnostics.append(.error(message, at: attributes.attribute(key)?.location ?? fenceRange.start))
        }
        if let value = attributes["points"], Int(value).map({ $0 >= 0 }) != true {
            report("points", "'points' must be a whole number of points, 0 or more, not '\(value)'")
        }
        if let value = attributes["timeout"], Double(value).map({ $0 > 0 && $0.isFinite }) != true {
            report("timeout", "'timeout' must be a positive number of seconds, not '\(value)'")
        }
        if attributes.contains("forbid") {
            if exercise == nil {
                report("forbid", "'forbid' applies to exercise cells; add 'exercise=ID' to this cell or remove 'forbid'")
            } else if forbidden.isEmpty || !forbidden.allSatisfy(Self.isIdentifier) {
                report("forbid", "'forbid' takes names separated by commas, as in forbid=\"RMSProp,SGD\", not '\(attributes["forbid"] ?? "")'")
            }
        }
        for key in ["exercise", "test"] where attributes[key] == "" {
            report(key, "'\(key)' needs an id, as in '\(key)=momentum'")
        }
        return diagnostics + visibilityDiagnostics()
    }

    /// Whether `name` is a Swift identifier (letters, digits, underscores; not starting with a digit).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}

// MARK: Visibility

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
