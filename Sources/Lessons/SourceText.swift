/// The original bytes of a file split into lines, so positions from cmark and Yams map back to it.
///
/// Lines end where CommonMark (cmark) ends them: at `\n`, `\r\n` or a lone `\r`, so cmark's line
/// numbers index these lines even in a file with stray carriage returns. Lines keep no
/// terminator; a CRLF file's `\r\n` is remembered so rewrites can reproduce its line endings.
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
        for (offset, byte) in bytes.enumerated() {
            let lineFeed = byte == UInt8(ascii: "\n")
            let loneReturn = byte == UInt8(ascii: "\r") && (offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n"))
            if lineFeed || loneReturn { starts.append(offset + 1) }
        }
        lineStarts = starts
        newline = text.utf8.contains(UInt8(ascii: "\r")) && text.contains("\r\n") ? "\r\n" : "\n"
    }

    /// The number of lines (a final line break does not open a new line).
    var lineCount: Int {
        endsWithLineBreak ? lineStarts.count - 1 : lineStarts.count
    }

    /// Whether the last byte ends a line (`\n`, or `\r` in a file with classic Mac line endings).
    var endsWithLineBreak: Bool {
        bytes.last == UInt8(ascii: "\n") || bytes.last == UInt8(ascii: "\r")
    }

    /// Byte range of 1-based `line` without its terminator (`\n`, `\r\n` or `\r`).
    func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        guard line < lineStarts.count else { return start..<bytes.count }
        let next = lineStarts[line]
        let crlf = next - start >= 2 && bytes[next - 1] == UInt8(ascii: "\n") && bytes[next - 2] == UInt8(ascii: "\r")
        return start..<(next - (crlf ? 2 : 1))
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
