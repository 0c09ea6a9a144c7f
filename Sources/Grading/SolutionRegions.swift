import Foundation
import Lessons

/// The instructor's solution inside an exercise cell, between `// BEGIN SOLUTION` and `// END SOLUTION`.
///
/// The release replaces each region by a `// YOUR CODE HERE` comment and a `todo()` call at the
/// region's indentation, so the student's copy still runs and says "not completed yet" until edited.
public enum SolutionRegions {
    /// The marker lines, compared after trimming spaces.
    public static let begin = "// BEGIN SOLUTION"
    public static let end = "// END SOLUTION"

    /// The code with every solution region replaced; a cell without markers is replaced as a whole.
    ///
    /// Throws when a region is not closed or an end marker has no beginning, pointing at the marker.
    public static func strip(_ cell: Cell) throws(LessonDiagnostic) -> String {
        let lines = cell.lines
        guard lines.contains(where: { trimmed($0) == begin || trimmed($0) == end }) else {
            return placeholder(indent: "")
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
    static func placeholder(indent: String) -> String {
        "\(indent)// YOUR CODE HERE\n\(indent)todo()\n"
    }

    private static func trimmed(_ line: Substring) -> String {
        line.trimmingCharacters(in: .whitespaces)
    }
}
