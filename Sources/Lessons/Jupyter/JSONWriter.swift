/// Writes JSON exactly as Jupyter saves a notebook, so a file gradus writes and one Jupyter saves
/// unchanged are the same bytes.
///
/// Jupyter (nbformat) writes `json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)` and a
/// final newline: keys sorted by code point, one space of indent per level, `", "`-free item
/// separators at line ends, non-ASCII text as is, and only `"`, `\` and control characters escaped.
/// The same value always gives the same bytes.
public enum JSONWriter {
    /// The text of `value`, ending in a newline.
    public static func write(_ value: JSON) -> String {
        var output = ""
        append(value, indent: 0, to: &output)
        output += "\n"
        return output
    }

    static func append(_ value: JSON, indent: Int, to output: inout String) {
        switch value.kind {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): appendString(text, to: &output)
        case .array(let values):
            guard !values.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, element) in values.enumerated() {
                output += String(repeating: " ", count: indent + 1)
                append(element, indent: indent + 1, to: &output)
                output += index + 1 < values.count ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            let sorted = members.sorted { left, right in
                left.key.unicodeScalars.lexicographicallyPrecedes(right.key.unicodeScalars) { $0.value < $1.value }
            }
            for (index, member) in sorted.enumerated() {
                output += String(repeating: " ", count: indent + 1)
                appendString(member.key, to: &output)
                output += ": "
                append(member.value, indent: indent + 1, to: &output)
                output += index + 1 < sorted.count ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A string literal with Python's escapes: short forms where JSON has them, `\u00xx` otherwise.
    ///
    /// Runs of bytes that need no escape are copied whole: notebooks carry every plot's SVG as a
    /// string, and appending them a scalar at a time was a fifth of a warm site build.
    static func appendString(_ text: String, to output: inout String) {
        output += "\""
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = runStart
        // Escapes are ASCII, so a byte below 0x20, a quote or a backslash is always a whole scalar.
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                index = bytes.index(after: index)
                continue
            }
            output += text[runStart..<index]
            output += escape(byte)
            index = bytes.index(after: index)
            runStart = index
        }
        output += text[runStart..<index]
        output += "\""
    }

    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case UInt8(ascii: "\n"): return "\\n"
        case UInt8(ascii: "\r"): return "\\r"
        case UInt8(ascii: "\t"): return "\\t"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        default:
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
