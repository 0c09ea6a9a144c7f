/// A lexical pass over a cell that finds brackets nested too deeply for SwiftParser, before it parses.
///
/// SwiftParser's lookahead for inline array types (`[3 of Int]`) tries two readings at every
/// `[` that directly follows another, so `[[[[…]]]]` costs time doubling per level, and the
/// lookahead recurses without the parser's nesting limit, so 100,000 `[` overflow the stack.
/// Neither can be fixed from outside swift-syntax; refusing the input first can.
public struct BracketNesting {
    /// Whether `source` has brackets past either limit; the site then shows it unhighlighted.
    public static func isTooDeep(_ source: String) -> Bool { problem(in: source) != nil }

    /// The most brackets of any kind open at once.
    static let maxDepth = 64
    /// The most `[` in a row (only spaces and newlines between them).
    static let maxRun = 8

    /// Where the first bracket beyond a limit is (a UTF-8 offset), and what to say about it.
    struct Problem {
        var offset: Int
        var message: String
    }

    /// Finds the first bracket past either limit, skipping string literals and comments.
    static func problem(in source: String) -> Problem? {
        let bytes = Array(source.utf8)
        var depth = 0, run = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index = skipBlockComment(bytes, from: index)
                continue
            case UInt8(ascii: "\""):
                index = skipString(bytes, from: index)
                run = 0
                continue
            case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"):
                depth += 1
                run = byte == UInt8(ascii: "[") ? run + 1 : 0
                if depth > maxDepth {
                    return Problem(offset: index, message: "brackets nested too deeply (more than \(maxDepth) levels); split the expression into several lets")
                }
                if run > maxRun {
                    return Problem(offset: index, message: "more than \(maxRun) '[' in a row; build deeply nested arrays in steps, e.g. let inner = [[1]] then [[inner]]")
                }
            case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                run = 0
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            default:
                run = 0
            }
            index += 1
        }
        return nil
    }

    /// The index after a `/* … */` comment (comments nest in Swift).
    private static func skipBlockComment(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 2, level = 1
        while index < bytes.count, level > 0 {
            if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                level += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                level -= 1
                index += 2
            } else {
                index += 1
            }
        }
        return index
    }

    /// The index after a string literal (`"…"` or `"""…"""`); interpolations count as part of it.
    private static func skipString(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = UInt8(ascii: "\"")
        let triple = start + 2 < bytes.count && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (triple ? 3 : 1)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if !triple, byte == UInt8(ascii: "\n") { return index }
            if byte == quote {
                if !triple { return index + 1 }
                if index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote { return index + 3 }
            }
            index += 1
        }
        return index
    }
}
