/// Producing a lesson's Markdown with some cells' code replaced and every other byte unchanged.
///
/// The grader swaps a student's exercise cells into the answer key, and the release strips
/// solutions; both must leave prose, fences and attributes exactly as the author wrote them.
extension Lesson {
    /// The lesson source with each cell's code replaced by `transform(cell)`, or kept when it
    /// returns nil. Indentation and `>` markers of nested cells are carried onto the new lines.
    ///
    /// Throws when new code contains a line that would close the cell's fence early.
    public func rewritingCells(_ transform: (Cell) throws(LessonDiagnostic) -> String?) throws(LessonDiagnostic) -> String {
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        for cell in cells {
            guard let code = try transform(cell) else { continue }
            edits.append(try edit(for: cell, code: code))
        }
        var result: [UInt8] = []
        var cursor = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            result += text.bytes[cursor..<edit.range.lowerBound]
            result += edit.bytes
            cursor = edit.range.upperBound
        }
        result += text.bytes[cursor...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The lesson re-parsed after `rewritingCells(transform)`.
    public func replacingCells(_ transform: (Cell) throws(LessonDiagnostic) -> String?) throws(LessonDiagnostic) -> Lesson {
        Lesson.parse(source: try rewritingCells(transform), path: path)
    }

    private func edit(for cell: Cell, code: String) throws(LessonDiagnostic) -> (range: Range<Int>, bytes: [UInt8]) {
        let fenceLine = cell.fenceRange.start.line
        let count = cell.lineColumns.count
        let start = fenceLine < text.lineStarts.count ? text.lineStarts[fenceLine] : text.bytes.count
        let end = fenceLine + count < text.lineStarts.count ? text.lineStarts[fenceLine + count] : text.bytes.count
        let prefix = linePrefix(for: cell)
        let trimmedPrefix = Array(prefix.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed())
        // Every line break cmark knows, so a lone `\r` cannot smuggle in a line that closes the fence.
        let isBreak: (Character) -> Bool = { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        var lines = code.split(omittingEmptySubsequences: false, whereSeparator: isBreak)
        if code.last.map(isBreak) ?? true { lines.removeLast() }
        var bytes: [UInt8] = []
        let newline = Array(text.newline.utf8)
        if start == text.bytes.count, !lines.isEmpty, !text.endsWithLineBreak { bytes += newline }
        for line in lines {
            var lineBytes = Array(line.utf8)
            if lineBytes.last == 0x0D { lineBytes.removeLast() }
            if closesFence(lineBytes, of: cell) {
                throw .error(
                    "new code for cell \(cell.index) has a line '\(line)' that would close its fence",
                    at: cell.fenceRange.start,
                    notes: [.init("lengthen the fence to more than \(cell.fenceLength) characters")])
            }
            bytes += (lineBytes.isEmpty ? trimmedPrefix : prefix) + lineBytes + newline
        }
        // A cell running to the end of a file without a final newline keeps it that way.
        if end == text.bytes.count, !text.endsWithLineBreak, !cell.isClosed, bytes.count >= newline.count {
            bytes.removeLast(newline.count)
        }
        return (start..<end, bytes)
    }

    /// What precedes code on a line of this cell: taken from the first non-blank code line, else
    /// derived from the fence line with list markers turned into spaces (`1. ` becomes three spaces).
    private func linePrefix(for cell: Cell) -> [UInt8] {
        let fenceLine = cell.fenceRange.start.line
        for (offset, code) in cell.lines.enumerated() where !code.isEmpty {
            let line = Array(text.lineBytes(fenceLine + 1 + offset))
            let column = cell.lineColumns[offset]
            if column - 1 <= line.count { return Array(line[..<(column - 1)]) }
        }
        let fence = Array(text.lineBytes(fenceLine))
        let column = min(fence.count, cell.fenceRange.start.column - 1)
        return fence[..<column].map { $0 == UInt8(ascii: ">") || $0 == 0x09 ? $0 : 0x20 }
    }

    /// Whether `line` would end a fence of this cell's character and length.
    private func closesFence(_ line: [UInt8], of cell: Cell) -> Bool {
        var index = 0
        while index < line.count, index < 4, line[index] == 0x20 { index += 1 }
        guard index < 4 else { return false }
        var run = 0
        while index < line.count, line[index] == cell.fenceCharacter {
            run += 1
            index += 1
        }
        return run >= cell.fenceLength && line[index...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
