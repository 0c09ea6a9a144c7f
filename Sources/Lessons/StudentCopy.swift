import Foundation

/// The instructor's solution inside an exercise cell, between `// BEGIN SOLUTION` and `// END SOLUTION`.
///
/// The student copy replaces each region by a `// YOUR CODE HERE` comment and a `todo()` call at
/// the region's indentation, so the student's copy still runs and says "not completed yet" until
/// edited. `gradus release` and the student view of the site share this one transform, so what a
/// published site shows is exactly what students are given.
public enum SolutionRegions {
    /// The marker lines, compared after trimming spaces.
    public static let begin = "// BEGIN SOLUTION"
    public static let end = "// END SOLUTION"
    /// The placeholder's lines, compared after trimming spaces.
    public static let yourCodeHere = "// YOUR CODE HERE"
    public static let todoCall = "todo()"

    /// The code with every solution region replaced; a cell without markers is replaced as a whole,
    /// unless it already holds the placeholder (a released copy), which is kept as it is so that
    /// releasing a released copy changes nothing.
    ///
    /// Throws when a region is not closed or an end marker has no beginning, pointing at the marker.
    public static func strip(_ cell: Cell) throws(LessonDiagnostic) -> String {
        let lines = cell.lines
        guard lines.contains(where: { trimmed($0) == begin || trimmed($0) == end }) else {
            return holdsPlaceholder(lines) ? cell.source : placeholder(indent: "")
        }
        var result: [String] = []
        var open: (line: Int, indent: Substring)?
        for (offset, line) in lines.enumerated() {
            let text = trimmed(line)
            if text == begin {
                if let open {
                    throw .error("'\(begin)' inside another solution region", at: cell.location(line: offset + 1, column: 1),
                                 notes: [.init("the region opened here", at: cell.location(line: open.line + 1, column: 1))])
                }
                open = (offset, line.prefix { $0 == " " || $0 == "\t" })
            } else if text == end {
                guard let region = open else {
                    throw .error("'\(end)' without a '\(begin)' before it", at: cell.location(line: offset + 1, column: 1))
                }
                result.append(placeholder(indent: String(region.indent)))
                open = nil
            } else if open == nil {
                result.append(String(line) + "\n")
            }
        }
        if let open {
            throw .error("'\(begin)' is never closed by '\(end)'", at: cell.location(line: open.line + 1, column: 1))
        }
        return result.joined()
    }

    /// What a student finds in place of a solution.
    public static func placeholder(indent: String) -> String {
        "\(indent)\(yourCodeHere)\n\(indent)\(todoCall)\n"
    }

    /// Whether some line is `// YOUR CODE HERE` and the next one `todo()`: the cell was released already.
    static func holdsPlaceholder(_ lines: [Substring]) -> Bool {
        zip(lines, lines.dropFirst()).contains { trimmed($0) == yourCodeHere && trimmed($1) == todoCall }
    }

    private static func trimmed(_ line: Substring) -> String {
        line.trimmingCharacters(in: .whitespaces)
    }
}

/// The student copy of a lesson: what `gradus release` writes and what the site's student view shows.
///
/// One transform for both, in the lesson model rather than in Grading or Site, so a published
/// site can never show more than the copy students are given: each exercise's solution regions
/// become `// YOUR CODE HERE` and `todo()`, hidden tests keep their fence with no code, and every
/// other byte is kept.
extension Lesson {
    /// The student copy's text. Throws the lesson's first error, or a solution region left open.
    public func studentText() throws(LessonDiagnostic) -> String {
        if let error = diagnostics.first(where: { $0.severity == .error }) { throw error }
        return try rewritingCells { cell throws(LessonDiagnostic) in
            if cell.exercise != nil { return try SolutionRegions.strip(cell) }
            if cell.isHiddenTest { return "" }
            return nil
        }
    }

    /// The student copy, parsed, with the same path (so diagnostics name the author's file).
    public func studentCopy() throws(LessonDiagnostic) -> Lesson {
        Lesson.parse(source: try studentText(), path: path)
    }
}

extension Cell {
    /// A `test=` cell marked `hidden`: graded, but its code is never shown to students.
    public var isHiddenTest: Bool { test != nil && hidden }
}
