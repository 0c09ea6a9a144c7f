import Foundation
import Lessons
import Testing
@testable import Outputs
@testable import Snippets

/// Runs every lesson in Cases/ and checks each cell against the expectations in its comments.
///
/// `// expect: TEXT` is one line the cell must show (printed or displayed), in order;
/// `// error C: MESSAGE` is the error the cell must raise, on that line at column C;
/// `// error L:C: MESSAGE` names the lesson line explicitly. A cell without an
/// error comment must succeed.
@Suite struct CaseFileTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    struct Expectation {
        var lines: [String] = []
        var error: (line: Int, column: Int, message: String)?
    }

    static func expectations(for cell: Cell) -> Expectation {
        var expectation = Expectation()
        for (offset, line) in cell.lines.enumerated() {
            if let range = line.range(of: "// expect: ") {
                expectation.lines.append(String(line[range.upperBound...]))
            } else if let range = line.range(of: "// error ") {
                let rest = line[range.upperBound...]
                guard let colon = rest.range(of: ": ") else { continue }
                let place = rest[..<colon.lowerBound].split(separator: ":").compactMap { Int($0) }
                let message = String(rest[colon.upperBound...])
                if place.count == 2 {
                    expectation.error = (place[0], place[1], message)
                } else if place.count == 1 {
                    expectation.error = (cell.line + offset, place[0], message)
                }
            }
        }
        return expectation
    }

    static func shown(_ outputs: [Output]) -> [String] {
        outputs.flatMap { output -> [String] in
            OutputText.render(output, style: Style(color: false)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    static func trimmed(_ line: String) -> String {
        var text = line
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }

    @Test(arguments: files)
    func caseFile(_ name: String) throws {
        let path = Self.directory.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lesson = Lesson.parse(source: text, path: name)
        let cells = lesson.cells.filter { $0.language == "swift" }
        #expect(!cells.isEmpty)
        let result = Notebook.run(lesson)
        #expect(result.cells.count == cells.count)
        for (cell, outcome) in zip(cells, result.cells) {
            let expected = Self.expectations(for: cell)
            let shown: [String] = Self.shown(outcome.outputs).map(Self.trimmed)
            let wanted: [String] = expected.lines.map(Self.trimmed)
            #expect(shown == wanted, "\(name) cell \(cell.index) (line \(cell.fenceRange.start.line))")
            if let error = expected.error {
                #expect(outcome.error?.message == error.message, "\(name) cell \(cell.index)")
                #expect(outcome.error?.location.line == error.line, "\(name) cell \(cell.index): line")
                #expect(outcome.error?.location.column == error.column, "\(name) cell \(cell.index): column")
                // A `raises` cell that raised what it promised is ok; a broken promise is an error.
                let broken = error.message.hasPrefix("expected an error containing") || error.message.hasPrefix("this cell is marked 'raises'")
                let status: CellStatus = cell.raises && !broken ? .ok : .error
                #expect(outcome.status == status)
            } else {
                #expect(outcome.error == nil, "\(name) cell \(cell.index): \(outcome.error?.rendered ?? "")")
                #expect(outcome.status == .ok)
            }
        }
    }
}
