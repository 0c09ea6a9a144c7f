/// Finds `$...$` and `$$...$$` in the prose of a lesson, skipping code spans, code blocks and `\$`.
///
/// The rules follow Pandoc's `tex_math_dollars`: an inline opener must be followed by a non-space,
/// a closer preceded by a non-space and not followed by a digit (so "$5 and $6" is not math);
/// display math may span lines but not a blank line. A backslash escapes the next character, so
/// `\$` is a dollar sign and `\\` inside a formula does not escape a closing `$`.
struct MathScanner {
    /// A paragraph or heading from a first cmark pass: where its text starts and its last line.
    struct ProseBlock {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
    }

    let source: SourceText
    /// Lines inside code or HTML blocks, where display math never continues.
    let opaqueLines: Set<Int>

    /// The formulas of all `blocks`, in file order.
    func spans(in blocks: [ProseBlock]) -> [MathSpan] {
        var spans: [MathSpan] = []
        var consumedThrough = 0
        for block in blocks.sorted(by: { $0.startLine < $1.startLine }) where block.endLine > consumedThrough {
            var stream = Stream()
            let first = max(block.startLine, consumedThrough + 1)
            for line in first...block.endLine {
                stream.append(segment(line: line, prefixColumn: block.startColumn, isFirst: line == block.startLine))
            }
            var nextLine = block.endLine + 1
            let found = scan(&stream) { stream in
                // An unclosed `$$` may continue past what cmark took for the paragraph's end,
                // because a formula line starting with `-` or `+` looked like a list item.
                guard nextLine <= source.lineCount, !opaqueLines.contains(nextLine) else { return false }
                let next = segment(line: nextLine, prefixColumn: block.startColumn, isFirst: false)
                guard next.bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
                stream.append(next)
                consumedThrough = nextLine
                nextLine += 1
                return true
            }
            consumedThrough = max(consumedThrough, block.endLine, stream.lastLine)
            spans += found
        }
        return spans
    }

    /// The content bytes of `line`: from the block's start column on its first line, otherwise
    /// after the container prefix (blanks and `>` before the block's column).
    private func segment(line: Int, prefixColumn: Int, isFirst: Bool) -> Stream.Segment {
        let range = source.byteRange(ofLine: line)
        var start = range.lowerBound
        if isFirst {
            start = min(range.upperBound, range.lowerBound + prefixColumn - 1)
        } else {
            while start < range.upperBound, start - range.lowerBound < prefixColumn - 1,
                [0x20, 0x09, UInt8(ascii: ">")].contains(source.bytes[start])
            {
                start += 1
            }
        }
        return Stream.Segment(line: line, start: start, bytes: Array(source.bytes[start..<range.upperBound]))
    }

    /// The content of consecutive lines joined by `\n`, each byte remembering its file offset.
    struct Stream {
        struct Segment {
            var line: Int
            var start: Int
            var bytes: [UInt8]
        }
        var bytes: [UInt8] = []
        /// File offset of each byte; -1 for the `\n` joining two segments.
        var offsets: [Int] = []
        var lastLine = 0

        mutating func append(_ segment: Segment) {
            if !bytes.isEmpty {
                bytes.append(0x0A)
                offsets.append(-1)
            }
            bytes += segment.bytes
            offsets += segment.bytes.indices.map { segment.start + $0 }
            lastLine = segment.line
        }
    }

    /// Scans `stream`, calling `extend` when a `$$` is still open at the end of the stream.
    private func scan(_ stream: inout Stream, extend: (inout Stream) -> Bool) -> [MathSpan] {
        var spans: [MathSpan] = []
        var index = 0
        func at(_ position: Int) -> UInt8? { position < stream.bytes.count ? stream.bytes[position] : nil }
        func isSpace(_ byte: UInt8?) -> Bool { byte == nil || byte == 0x20 || byte == 0x09 || byte == 0x0A }
        while index < stream.bytes.count {
            let byte = stream.bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                index += 2
            case UInt8(ascii: "`"):
                index = skipCodeSpan(stream.bytes, from: index)
            case UInt8(ascii: "$") where at(index + 1) == UInt8(ascii: "$"):
                var close = findDisplayClose(stream.bytes, from: index + 2)
                while close == nil, extend(&stream) {
                    close = findDisplayClose(stream.bytes, from: index + 2)
                }
                guard let close else {
                    index += 2
                    continue
                }
                spans.append(span(stream, open: index, close: close + 2, delimiter: 2, display: true))
                index = close + 2
            case UInt8(ascii: "$") where !isSpace(at(index + 1)):
                guard let close = findInlineClose(stream.bytes, from: index + 1) else {
                    index += 1
                    continue
                }
                spans.append(span(stream, open: index, close: close + 1, delimiter: 1, display: false))
                index = close + 1
            default:
                index += 1
            }
        }
        return spans
    }

    private func span(_ stream: Stream, open: Int, close: Int, delimiter: Int, display: Bool) -> MathSpan {
        let tex = String(decoding: stream.bytes[(open + delimiter)..<(close - delimiter)], as: UTF8.self)
        var ranges: [Range<Int>] = []
        var position = open
        while position < close {
            guard stream.offsets[position] >= 0 else {
                position += 1
                continue
            }
            var end = position
            while end < close, stream.offsets[end] >= 0 { end += 1 }
            ranges.append(stream.offsets[position]..<(stream.offsets[end - 1] + 1))
            position = end
        }
        return MathSpan(
            display: display, tex: tex, location: source.location(ofByte: stream.offsets[open]), byteRanges: ranges)
    }

    /// The index of the `$$` closing display math opened before `start`, skipping `\x` pairs.
    private func findDisplayClose(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
            } else if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "$") {
                let content = bytes[start..<index]
                return content.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) ? index : nil
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The index of the `$` closing inline math opened just before `start`.
    private func findInlineClose(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "$") {
                let before = bytes[index - 1]
                let after: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
                let spaceBefore = before == 0x20 || before == 0x09 || before == 0x0A
                let digitAfter = after.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
                if index > start, !spaceBefore, !digitAfter { return index }
                if after == UInt8(ascii: "$") { return nil }
            }
            index += 1
        }
        return nil
    }

    /// The index after a code span opened at `start`, or after the backtick run if it never closes.
    private func skipCodeSpan(_ bytes: [UInt8], from start: Int) -> Int {
        var runEnd = start
        while runEnd < bytes.count, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
        let length = runEnd - start
        var index = runEnd
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            var closeEnd = index
            while closeEnd < bytes.count, bytes[closeEnd] == UInt8(ascii: "`") { closeEnd += 1 }
            if closeEnd - index == length { return closeEnd }
            index = closeEnd
        }
        return runEnd
    }
}
