import SwiftSyntax

/// Number and string literals as Swift reads them.
extension Interpreter {
    /// A number literal without its `_` separators; most have none, and Foundation's search for one
    /// cost a tenth of a numeric loop's time.
    static func withoutSeparators(_ written: String) -> String {
        written.utf8.contains(UInt8(ascii: "_")) ? written.replacingOccurrences(of: "_", with: "") : written
    }

    /// An integer literal in any of Swift's bases; one too large for an `Int` is an error at the literal, as in swiftc.
    func integer(_ literal: IntegerLiteralExprSyntax) throws -> Value {
        let text = Self.withoutSeparators(literal.literal.text)
        let parsed: Int?
        if text.hasPrefix("0x") { parsed = Int(text.dropFirst(2), radix: 16) }
        else if text.hasPrefix("0b") { parsed = Int(text.dropFirst(2), radix: 2) }
        else if text.hasPrefix("0o") { parsed = Int(text.dropFirst(2), radix: 8) }
        else { parsed = Int(text) }
        guard let parsed else { throw SnippetError("integer literal '\(literal.literal.text)' does not fit in an Int", at: literal) }
        return .int(parsed)
    }

    /// A string literal with its escapes and interpolations; a long result is measured against the cell's memory budget.
    func string(_ literal: StringLiteralExprSyntax, in scope: Environment) throws -> String {
        var result = ""
        for segment in literal.segments {
            switch segment {
            case let .stringSegment(text):
                result += literal.openingPounds == nil ? try unescape(text.content.text, at: text) : text.content.text
            case let .expressionSegment(interpolation):
                for element in interpolation.expressions {
                    let value = try evaluate(element.expression, in: scope)
                    result += try text(of: value)
                }
            }
        }
        if result.utf8.count > 4096 {
            do { try Footprint.require(result.utf8.count, for: "this string") } catch let error as SnippetError { throw error.located(at: literal) }
        }
        return result
    }

    /// Swift's escapes in a string segment (`\n`, `\t`, `\u{…}`); raw strings (`#"…"#`) keep them as written.
    private func unescape(_ text: String, at node: some SyntaxProtocol) throws -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else { result.append(character); continue }
            guard let escaped = iterator.next() else { result.append("\\"); break }
            switch escaped {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "0": result.append("\0")
            case "u":
                var hex = ""
                while let next = iterator.next(), next != "}" { if next != "{" { hex.append(next) } }
                guard let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) else {
                    throw SnippetError("invalid unicode escape '\\u{\(hex)}'", at: node)
                }
                result.unicodeScalars.append(scalar)
            default: result.append(escaped)
            }
        }
        return result
    }
}
