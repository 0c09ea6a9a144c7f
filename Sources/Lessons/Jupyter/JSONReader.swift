import Foundation

/// Reads JSON text (RFC 8259) into `JSON` values that know their line and column.
///
/// A notebook is input from anywhere, so this is a parser of hostile text: every mistake is a
/// `LessonDiagnostic` at the `path:line:column` of the offending byte (columns in UTF-8 bytes,
/// as everywhere in gradus); nesting deeper than `maximumDepth` is an error rather than a stack
/// overflow; a key written twice in one object is an error (JSON leaves it undefined, and Python
/// and Swift would silently keep different copies); a `\u` escape that is half a surrogate pair is
/// an error, since no Swift string can hold it. Numbers keep their text (see `JSON`).
public struct JSONReader {
    /// Arrays and objects nested deeper than this are an error. Notebooks nest about six levels.
    public static let maximumDepth = 512

    let bytes: [UInt8]
    let path: String
    var offset = 0
    var line = 1
    var lineStart = 0

    /// Parses `text` as one JSON value; `path` names the file in errors.
    public static func parse(_ text: String, path: String) throws(LessonDiagnostic) -> JSON {
        var reader = JSONReader(bytes: Array(text.utf8), path: path)
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            reader.offset = 3
            reader.lineStart = 3
        }
        reader.skipSpace()
        guard reader.offset < reader.bytes.count else {
            throw reader.error("the file is empty: expected a JSON object, as a notebook is")
        }
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.offset < reader.bytes.count {
            throw reader.error("unexpected text after the JSON value; a file holds exactly one value")
        }
        return value
    }

    var location: SourceLocation { SourceLocation(path: path, line: line, column: offset - lineStart + 1) }

    func error(_ message: String, notes: [LessonDiagnostic.Note] = []) -> LessonDiagnostic {
        .error(message, at: location, notes: notes)
    }

    /// An error at byte `start` of the current line (the beginning of a token).
    func error(_ message: String, from start: Int) -> LessonDiagnostic {
        .error(message, at: SourceLocation(path: path, line: line, column: start - lineStart + 1))
    }

    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// What is at the current position, in words, for "expected ..., found ..." messages.
    var found: String {
        guard let byte = current else { return "the end of the file" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return String(format: "byte 0x%02X", byte)
    }

    mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            offset += 1
            if byte == 0x0A {
                line += 1
                lineStart = offset
            }
        }
    }

    mutating func value(depth: Int) throws(LessonDiagnostic) -> JSON {
        let start = location
        guard let byte = current else {
            throw error("expected a JSON value (object, array, string, number, true, false or null), found the end of the file")
        }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < Self.maximumDepth else {
                throw error("nested too deeply: more than \(Self.maximumDepth) arrays and objects inside each other")
            }
            return byte == UInt8(ascii: "{") ? try object(depth: depth, at: start) : try array(depth: depth, at: start)
        case UInt8(ascii: "\""): return JSON(.string(try string()), at: start)
        case UInt8(ascii: "t"): try literal("true"); return JSON(.bool(true), at: start)
        case UInt8(ascii: "f"): try literal("false"); return JSON(.bool(false), at: start)
        case UInt8(ascii: "n"): try literal("null"); return JSON(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSON(.number(try number()), at: start)
        default: throw error("expected a JSON value (object, array, string, number, true, false or null), found \(found)")
        }
    }

    mutating func literal(_ word: String) throws(LessonDiagnostic) {
        let start = offset
        for expected in word.utf8 {
            guard current == expected else { throw error("expected '\(word)', found \(found)", from: start) }
            offset += 1
        }
    }

    mutating func object(depth: Int, at start: SourceLocation) throws(LessonDiagnostic) -> JSON {
        offset += 1
        var members: [JSON.Member] = []
        skipSpace()
        if current == UInt8(ascii: "}") {
            offset += 1
            return JSON(.object([]), at: start)
        }
        while true {
            skipSpace()
            let keyLocation = location
            guard current == UInt8(ascii: "\"") else { throw error("expected a key in double quotes, found \(found)") }
            let key = try string()
            if let first = members.first(where: { $0.key == key }) {
                throw .error("duplicate key '\(key)' in this object", at: keyLocation,
                             notes: [.init("first written here", at: first.keyLocation)])
            }
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key '\(key)', found \(found)") }
            offset += 1
            skipSpace()
            members.append(JSON.Member(key, try value(depth: depth + 1), keyLocation: keyLocation))
            skipSpace()
            if current == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard current == UInt8(ascii: "}") else { throw error("expected ',' or '}' in an object, found \(found)") }
            offset += 1
            return JSON(.object(members), at: start)
        }
    }

    mutating func array(depth: Int, at start: SourceLocation) throws(LessonDiagnostic) -> JSON {
        offset += 1
        var values: [JSON] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            offset += 1
            return JSON(.array([]), at: start)
        }
        while true {
            skipSpace()
            values.append(try value(depth: depth + 1))
            skipSpace()
            if current == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard current == UInt8(ascii: "]") else { throw error("expected ',' or ']' in an array, found \(found)") }
            offset += 1
            return JSON(.array(values), at: start)
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    mutating func number() throws(LessonDiagnostic) -> String {
        let start = offset
        func digits(_ reader: inout JSONReader) -> Int {
            var count = 0
            while let byte = reader.current, byte >= 0x30 && byte <= 0x39 {
                reader.offset += 1
                count += 1
            }
            return count
        }
        if current == UInt8(ascii: "-") { offset += 1 }
        if current == UInt8(ascii: "0") {
            offset += 1
            if let byte = current, byte >= 0x30 && byte <= 0x39 { throw error("a number may not have a leading zero", from: start) }
        } else if digits(&self) == 0 {
            throw error("expected a digit, found \(found)")
        }
        if current == UInt8(ascii: ".") {
            offset += 1
            if digits(&self) == 0 { throw error("expected a digit after '.', found \(found)") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            if digits(&self) == 0 { throw error("expected a digit in the exponent, found \(found)") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// A string literal from its opening quote; escapes decoded.
    mutating func string() throws(LessonDiagnostic) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flush(_ reader: JSONReader) {
            scalars.append(contentsOf: String(decoding: reader.bytes[runStart..<reader.offset], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard let byte = current else { throw error("this string is never closed: expected '\"' before the end of the file") }
            if byte == UInt8(ascii: "\"") {
                flush(self)
                offset += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw error(byte == 0x0A ? "a string may not span lines: write a line break as \\n"
                                         : String(format: "control character 0x%02X in a string: write it as an escape such as \\u%04X", byte, byte))
            }
            guard byte == UInt8(ascii: "\\") else {
                offset += 1
                continue
            }
            flush(self)
            offset += 1
            scalars.append(try escape(from: offset - 1))
            runStart = offset
        }
    }

    /// The character of the escape after a backslash.
    mutating func escape(from start: Int) throws(LessonDiagnostic) -> Unicode.Scalar {
        guard let byte = current else { throw error("this string is never closed: expected '\"' before the end of the file") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hex4(from: start)
            if (0xDC00...0xDFFF).contains(first) { throw error("\\u escape \(String(first, radix: 16)) is the second half of a surrogate pair, with no first half", from: start) }
            guard (0xD800...0xDBFF).contains(first) else { return Unicode.Scalar(first) ?? "\u{FFFD}" }
            guard current == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                throw error("\\u escape \(String(first, radix: 16)) is the first half of a surrogate pair: a second \\u escape must follow", from: start)
            }
            offset += 2
            let second = try hex4(from: start)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw error("\\u escape \(String(second, radix: 16)) does not complete the surrogate pair begun by \(String(first, radix: 16))", from: start)
            }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) ?? "\u{FFFD}"
        default:
            throw error("unknown escape '\\\(Character(UnicodeScalar(byte)))': use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX", from: start)
        }
    }

    mutating func hex4(from start: Int) throws(LessonDiagnostic) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigit(byte) else { throw error("expected four hexadecimal digits after \\u, found \(found)", from: start) }
            value = value * 16 + digit
            offset += 1
        }
        return value
    }

    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }
}
