/// The `show(...)` calls that `gradus export` wraps around displayed values, found without a Swift parser.
///
/// A cell's displayed values become explicit `show(...)` calls in an exported script, and
/// `gradus import` must take exactly those away again. A cell header's `[show]` tag says that
/// every `show(` call at the start of a statement in that cell was added by export (export
/// wraps nothing in a cell that already has such a call), so import finds them lexically:
/// skipping comments and string literals, and matching the call's parenthesis.
public enum ShowCalls {
    /// The code with `show(` inserted before and `)` after each range (UTF-8 offsets, not overlapping).
    public static func wrap(_ code: String, _ ranges: [Range<Int>]) -> String {
        var bytes = Array(code.utf8)
        for range in ranges.sorted(by: { $0.lowerBound > $1.lowerBound }) {
            guard range.lowerBound >= 0, range.upperBound <= bytes.count else { continue }
            bytes.insert(UInt8(ascii: ")"), at: range.upperBound)
            bytes.insert(contentsOf: Array("show(".utf8), at: range.lowerBound)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The code with every statement-level `show(...)` call replaced by its argument; nil when a call is unclosed.
    public static func unwrap(_ code: String) -> String? {
        let scan = LexicalScan(code)
        var bytes = scan.bytes
        for start in statementCalls(scan).reversed() {
            guard let close = scan.matchingParenthesis(at: start + 4) else { return nil }
            bytes.remove(at: close)
            bytes.removeSubrange(start..<(start + 5))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the code has a `show(` call at the start of a statement.
    public static func hasStatementCall(_ code: String) -> Bool {
        !statementCalls(LexicalScan(code)).isEmpty
    }

    /// Offsets of `show(` where a statement starts: after a line break, `;`, `{` or `}` and blanks.
    static func statementCalls(_ scan: LexicalScan) -> [Int] {
        let bytes = scan.bytes, word = Array("show(".utf8)
        var found: [Int] = []
        var index = 0
        while index + word.count <= bytes.count {
            defer { index += 1 }
            guard bytes[index..<(index + word.count)].elementsEqual(word),
                  (index..<(index + word.count)).allSatisfy({ scan.isCode[$0] }) else { continue }
            var before = index - 1
            while before >= 0, bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\t") { before -= 1 }
            if before < 0 || bytes[before] == UInt8(ascii: "\n") || bytes[before] == UInt8(ascii: "\r")
                || (scan.isCode[before] && [UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}")].contains(bytes[before])) {
                found.append(index)
            }
        }
        return found
    }
}

/// Which bytes of Swift source are code, as opposed to comments and string literals.
///
/// Interpolations count as part of their string: only top-level code matters to `ShowCalls`.
struct LexicalScan {
    let bytes: [UInt8]
    private(set) var isCode: [Bool]

    init(_ text: String) {
        bytes = Array(text.utf8)
        isCode = Array(repeating: false, count: bytes.count)
        var index = 0
        scanCode(&index, mark: true, untilClosingParenthesis: false)
    }

    /// The offset of the `)` matching the `(` at `open`, counting code bytes only.
    func matchingParenthesis(at open: Int) -> Int? {
        var depth = 0
        for index in open..<bytes.count where isCode[index] {
            if bytes[index] == UInt8(ascii: "(") { depth += 1 }
            if bytes[index] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    private func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Scans code from `index`; inside an interpolation it stops after the `)` that closes it.
    private mutating func scanCode(_ index: inout Int, mark: Bool, untilClosingParenthesis: Bool) {
        var depth = 0
        while index < bytes.count {
            let current = bytes[index]
            if current == UInt8(ascii: "/"), byte(index + 1) == UInt8(ascii: "/") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            }
            if current == UInt8(ascii: "/"), byte(index + 1) == UInt8(ascii: "*") {
                skipBlockComment(&index)
                continue
            }
            if current == UInt8(ascii: "\"") || current == UInt8(ascii: "#") && startsRawString(index) {
                skipString(&index)
                continue
            }
            if current == UInt8(ascii: "(") { depth += 1 }
            if current == UInt8(ascii: ")") {
                if untilClosingParenthesis, depth == 0 { index += 1; return }
                depth -= 1
            }
            if mark { isCode[index] = true }
            index += 1
        }
    }

    private func startsRawString(_ index: Int) -> Bool {
        var next = index
        while byte(next) == UInt8(ascii: "#") { next += 1 }
        return byte(next) == UInt8(ascii: "\"")
    }

    /// Skips `/* ... */`, which nest in Swift.
    private func skipBlockComment(_ index: inout Int) {
        var depth = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), byte(index + 1) == UInt8(ascii: "*") { depth += 1; index += 2; continue }
            if bytes[index] == UInt8(ascii: "*"), byte(index + 1) == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return }
                continue
            }
            index += 1
        }
    }

    /// Skips a string literal (`"…"`, `"""…"""`, raw `#"…"#`), interpolations included.
    private mutating func skipString(_ index: inout Int) {
        var hashes = 0
        while byte(index) == UInt8(ascii: "#") { hashes += 1; index += 1 }
        let multiline = byte(index + 1) == UInt8(ascii: "\"") && byte(index + 2) == UInt8(ascii: "\"")
        index += multiline ? 3 : 1
        let quotes = multiline ? 3 : 1
        while index < bytes.count {
            let current = bytes[index]
            if current == UInt8(ascii: "\\"), (0..<hashes).allSatisfy({ byte(index + 1 + $0) == UInt8(ascii: "#") }) {
                let after = index + 1 + hashes
                if byte(after) == UInt8(ascii: "(") {
                    index = after + 1
                    scanCode(&index, mark: false, untilClosingParenthesis: true)
                    continue
                }
                index = hashes == 0 ? index + 2 : after
                continue
            }
            if current == UInt8(ascii: "\""), (0..<quotes).allSatisfy({ byte(index + $0) == UInt8(ascii: "\"") }),
               (0..<hashes).allSatisfy({ byte(index + quotes + $0) == UInt8(ascii: "#") }) {
                index += quotes + hashes
                return
            }
            if !multiline, current == UInt8(ascii: "\n") { return }
            index += 1
        }
    }
}
