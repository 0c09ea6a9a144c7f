import Lessons

/// The lesson model of the `Lessons` target seen through `LessonSource`.
///
/// Cells come from cmark with their file positions, so a diagnostic in a
/// fence indented inside a list item still points at the author's column.
struct LessonsAdapter: LessonSource {
    let path: String
    let timeout: Double?
    let cells: [LessonCell]
    let lines: [String]

    init(path: String, text: String) {
        let lesson = Lesson.parse(source: text, path: path)
        self.path = path
        self.timeout = lesson.timeout
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        var cells: [LessonCell] = []
        for cell in lesson.cells where cell.language == "swift" {
            var attributes = CellAttributes()
            attributes.hide = cell.hide
            attributes.norun = cell.norun
            attributes.raises = cell.raises
            attributes.hidden = cell.hidden
            attributes.timeout = cell.timeout
            attributes.exercise = cell.exercise
            attributes.test = cell.test
            attributes.points = Double(cell.points)
            for entry in cell.attributes.entries { attributes.values[entry.key] = entry.value }
            var code = cell.source
            if code.hasSuffix("\n") { code.removeLast() }
            cells.append(LessonCell(
                index: cells.count + 1, fenceLine: cell.fenceRange.start.line, codeLine: cell.line,
                indent: max(0, cell.column - 1), code: code, attributes: attributes,
                lineIndents: cell.lineColumns.map { max(0, $0 - 1) }))
        }
        self.cells = cells
    }
}
