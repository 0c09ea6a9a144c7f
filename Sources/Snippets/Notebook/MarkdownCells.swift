import Foundation

/// A minimal reader of a lesson's fenced `swift` blocks and front-matter timeout.
///
/// It stands in for the `Lessons` target until that exposes cells with
/// positions; it understands ``` and ~~~ fences (indented up to three spaces)
/// and a leading `---` front-matter block.
struct MarkdownCells: LessonSource {
    let path: String
    let timeout: Double?
    let cells: [LessonCell]
    let lines: [String]

    init(path: String, text: String) {
        self.path = path
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        self.lines = lines
        var timeout: Double?
        var start = 0
        if lines.first?.trimmingTrailingSpaces == "---" {
            var index = 1
            while index < lines.count, lines[index].trimmingTrailingSpaces != "---", lines[index].trimmingTrailingSpaces != "..." {
                let line = lines[index]
                if line.hasPrefix("timeout:") {
                    timeout = Double(line.dropFirst("timeout:".count).trimmingCharacters(in: .whitespaces))
                }
                index += 1
            }
            start = min(index + 1, lines.count)
        }
        self.timeout = timeout
        var cells: [LessonCell] = []
        var index = start
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            guard indent <= 3, let marker = rest.first, marker == "`" || marker == "~" else { index += 1; continue }
            let fenceLength = rest.prefix { $0 == marker }.count
            guard fenceLength >= 3 else { index += 1; continue }
            let info = rest.dropFirst(fenceLength).trimmingCharacters(in: .whitespaces)
            var body: [String] = []
            var end = index + 1
            while end < lines.count {
                let candidate = lines[end].drop { $0 == " " }
                if candidate.prefix(while: { $0 == marker }).count >= fenceLength,
                   candidate.drop(while: { $0 == marker }).trimmingCharacters(in: .whitespaces).isEmpty {
                    break
                }
                var codeLine = Substring(lines[end])
                var removed = 0
                while removed < indent, codeLine.first == " " { codeLine = codeLine.dropFirst(); removed += 1 }
                body.append(String(codeLine))
                end += 1
            }
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            if language == "swift" {
                cells.append(LessonCell(
                    index: cells.count + 1, fenceLine: index + 1, codeLine: index + 2, indent: indent,
                    code: body.joined(separator: "\n"),
                    attributes: CellAttributes(parsing: String(info.dropFirst(language.count)))))
            }
            index = end + 1
        }
        self.cells = cells
    }
}

extension StringProtocol {
    var trimmingTrailingSpaces: String {
        var text = String(self)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
