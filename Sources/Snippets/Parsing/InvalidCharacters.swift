/// Characters Swift does not allow in source, found before the parser sees them.
///
/// The Swift compiler rejects control characters anywhere in a file. SwiftParser accepts them as
/// invalid tokens, and its fix-it for such a token glued to `=` (or a U+FFFD, which cmark makes of
/// a NUL) traps: "A Fix-It must have at least one change" (found by the fuzzer). Refusing them
/// here turns that trap into a located error.
enum InvalidCharacters {
    /// The first control character (other than tab, line feed, carriage return and form feed) or
    /// U+FFFD in `source`, as a problem at its byte offset.
    static func problem(in source: String) -> BracketNesting.Problem? {
        var offset = 0
        for scalar in source.unicodeScalars {
            let value = scalar.value
            let control = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C) || value == 0x7F
            if control || value == 0xFFFD {
                let name = "U+" + String(value, radix: 16, uppercase: true).leftPadded(to: 4)
                let what = value == 0xFFFD ? "\(name), a replacement character (often left by a broken text encoding)" : "the control character \(name)"
                return BracketNesting.Problem(
                    offset: offset,
                    message: "this cell contains \(what), which Swift does not allow in source; delete it, or write it as \"\\u{\(String(value, radix: 16, uppercase: true))}\" inside a string")
            }
            offset += String(scalar).utf8.count
        }
        return nil
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
