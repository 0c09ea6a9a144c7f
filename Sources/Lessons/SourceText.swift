/// The original bytes of a file split into lines, so positions from cmark and Yams map back to it.
///
/// Lines keep no terminator; a trailing `\r` of a CRLF file is dropped from the line text but
/// remembered so rewrites can reproduce the file's line endings.
struct SourceText: Sendable, Hashable {
    /// The file as read.
    let text: String
    /// The path reported in locations.
    let path: String
    /// The UTF-8 bytes of the file.
    let bytes: [UInt8]
    /// Byte offset of the start of each line; `lineStarts[i]` is line `i + 1`.
    let lineStarts: [Int]
    /// The line terminator the file uses, `"\n"` or `"\r\n"`.
    let newline: String

    init(_ text: String, path: String) {
        self.text = text
        self.path = path
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
        newline = text.utf8.contains(UInt8(ascii: "\r")) && text.contains("\r\n") ? "\r\n" : "\n"
    }

    /// The number of lines (a final newline does not open a new line).
    var lineCount: Int {
        bytes.last == UInt8(ascii: "\n") ? lineStarts.count - 1 : lineStarts.count
    }

    /// Byte range of 1-based `line` without its terminator (and without a trailing `\r`).
    func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The bytes of 1-based `line` without its terminator.
    func lineBytes(_ line: Int) -> ArraySlice<UInt8> { bytes[byteRange(ofLine: line)] }

    /// The text of 1-based `line` without its terminator.
    func line(_ line: Int) -> String { String(decoding: lineBytes(line), as: UTF8.self) }

    /// The location of a 1-based line and byte column in this file.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// The location of byte `offset` in the file.
    func location(ofByte offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return location(line: low + 1, column: offset - lineStarts[low] + 1)
    }

    /// Byte offset of a 1-based line and column.
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        return min(bytes.count, lineStarts[line - 1] + column - 1)
    }

    /// The byte column of a column counted in Unicode scalars (as libyaml counts) on `line`.
    func byteColumn(line: Int, scalarColumn: Int) -> Int {
        let text = self.line(line)
        var column = 1
        for (index, scalar) in text.unicodeScalars.enumerated() where index < scalarColumn - 1 {
            column += String(scalar).utf8.count
        }
        return column + max(0, scalarColumn - 1 - text.unicodeScalars.count)
    }

    /// The text of the half-open byte range.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
