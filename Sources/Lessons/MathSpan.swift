/// A `$...$` or `$$...$$` formula found in prose, kept verbatim so cmark never sees its contents.
///
/// TeX is full of characters Markdown treats specially (`_`, `*`, `\\`); handing formulas to cmark
/// would turn subscripts into emphasis and eat backslashes. Formulas are swapped for inert tokens
/// before parsing and restored after rendering.
public struct MathSpan: Sendable, Hashable {
    /// Whether the formula was written `$$...$$` (display) rather than `$...$` (inline).
    public var display: Bool
    /// The TeX between the delimiters exactly as written, lines joined by `\n` without container
    /// prefixes (`> ` of a blockquote, list indentation).
    public var tex: String
    /// Where the opening delimiter is.
    public var location: SourceLocation
    /// The bytes of the file the formula occupies, one range per line, delimiters included.
    var byteRanges: [Range<Int>]

    /// The HTML KaTeX's auto-render finds: `\(...\)` in a span for inline math, `\[...\]` for display.
    public var html: String {
        let escaped = MathSpan.escapeHTML(tex)
        return display
            ? "<span class=\"math display\">\\[\(escaped)\\]</span>"
            : "<span class=\"math inline\">\\(\(escaped)\\)</span>"
    }

    /// Escapes `&`, `<` and `>` for HTML text.
    static func escapeHTML(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// The inert stand-in for the `index`th formula: a private-use character then `x` filler.
///
/// The placeholder is as long in bytes as the formula on each line, so cmark's positions stay
/// those of the original file; the private-use character is neither punctuation nor space, so
/// cmark treats it like a letter.
enum MathPlaceholder {
    /// First private-use scalar; formula `k` is marked by `base + k`.
    static let base: UInt32 = 0xE000
    /// How many formulas one lesson can protect; later ones are left to cmark.
    static let capacity = 6000
    /// The filler byte.
    static let filler = UInt8(ascii: "x")

    static func marker(_ index: Int) -> Unicode.Scalar? {
        index < capacity ? Unicode.Scalar(base + UInt32(index)) : nil
    }

    /// The formula index a scalar marks, if it is a marker.
    static func index(of scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        return value >= base && value < base + UInt32(capacity) ? Int(value - base) : nil
    }

    /// Writes every formula's placeholder into a copy of `bytes`.
    static func substitute(_ spans: [MathSpan], in bytes: [UInt8]) -> [UInt8] {
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        for (index, span) in spans.enumerated() {
            guard let marker = marker(index) else { break }
            let markerBytes = Array(String(marker).utf8)
            for (part, range) in span.byteRanges.enumerated() {
                if part == 0 {
                    let fill = max(0, range.count - markerBytes.count)
                    edits.append((range, markerBytes + Array(repeating: filler, count: fill)))
                } else {
                    edits.append((range, Array(repeating: filler, count: range.count)))
                }
            }
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        var cursor = 0
        for edit in edits where edit.range.lowerBound >= cursor {
            result += bytes[cursor..<edit.range.lowerBound]
            result += edit.bytes
            cursor = edit.range.upperBound
        }
        result += bytes[cursor...]
        return result
    }

    /// The number of filler bytes formula `span` leaves after its marker.
    static func fillerCount(_ span: MathSpan) -> Int {
        guard let first = span.byteRanges.first else { return 0 }
        return max(0, first.count - 3) + span.byteRanges.dropFirst().reduce(0) { $0 + $1.count }
    }

    /// Replaces every placeholder in `text` by `replacement(index)`, skipping the filler and the
    /// line breaks cmark put between its lines.
    static func restore(in text: String, spans: [MathSpan], replacement: (Int) -> String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var position = 0
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            guard let index = index(of: scalar), index < spans.count else {
                result.append(scalar)
                continue
            }
            var remaining = fillerCount(spans[index])
            while remaining > 0, position < scalars.count {
                let next = scalars[position]
                if next == "x" { remaining -= 1 } else if next != "\n" && next != "\r" { break }
                position += 1
            }
            result.append(contentsOf: replacement(index).unicodeScalars)
        }
        return String(result)
    }
}
