/// The parsed info string of a fence: its language word and its attributes.
///
/// The info string is read from the original file rather than from cmark, so every attribute and
/// every mistake has an exact column.
struct FenceInfo: Sendable, Hashable {
    var language: String?
    var attributes: CellAttributes
    var diagnostics: [LessonDiagnostic]

    /// Parses `bytes`, whose first byte is at `start` in the file.
    static func parse(_ bytes: ArraySlice<UInt8>, at start: SourceLocation) -> FenceInfo {
        var parser = Parser(bytes: Array(bytes), start: start)
        parser.run()
        return FenceInfo(language: parser.language, attributes: CellAttributes(parser.entries),
                         diagnostics: parser.diagnostics)
    }

    private struct Parser {
        let bytes: [UInt8]
        let start: SourceLocation
        var index = 0
        var language: String?
        var entries: [CellAttributes.Attribute] = []
        var diagnostics: [LessonDiagnostic] = []

        init(bytes: [UInt8], start: SourceLocation) {
            self.bytes = bytes
            self.start = start
        }

        func location(_ offset: Int) -> SourceLocation { start.advanced(byColumns: offset) }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var atSpace: Bool { index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) }
        var atEnd: Bool { index >= bytes.count }

        mutating func error(_ message: String, at offset: Int, fixIt: LessonDiagnostic.FixIt? = nil) {
            diagnostics.append(.error(message, at: location(offset), fixIt: fixIt))
        }

        mutating func run() {
            var first = true
            while true {
                while atSpace { index += 1 }
                if atEnd { return }
                let keyStart = index
                while !atEnd, !atSpace, bytes[index] != UInt8(ascii: "=") { index += 1 }
                let key = text(keyStart..<index)
                guard !atEnd, bytes[index] == UInt8(ascii: "=") else {
                    if first { language = key } else { add(key, "", at: keyStart) }
                    first = false
                    continue
                }
                first = false
                if key.isEmpty {
                    error("attribute value has no name before '='", at: keyStart)
                }
                index += 1
                guard let value = readValue(key: key, equals: index - 1) else { continue }
                if !key.isEmpty { add(key, value, at: keyStart) }
            }
        }

        /// Reads the value after `=`, plain or quoted; nil (with a diagnostic) when malformed.
        mutating func readValue(key: String, equals: Int) -> String? {
            if atEnd || atSpace {
                error("expected a value after '\(key)='", at: equals, fixIt: .init(
                    "remove '='", range: SourceRange(start: location(equals), end: location(equals + 1)),
                    replacement: ""))
                return nil
            }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                let valueStart = index
                while !atEnd, !atSpace { index += 1 }
                return text(valueStart..<index)
            }
            let open = index
            index += 1
            var value: [UInt8] = []
            while !atEnd, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count,
                    bytes[index + 1] == quote || bytes[index + 1] == UInt8(ascii: "\\")
                {
                    index += 1
                }
                value.append(bytes[index])
                index += 1
            }
            guard !atEnd else {
                error("unterminated quoted value for '\(key)'", at: open, fixIt: .init(
                    "add the closing quote", range: SourceRange(at: location(bytes.count)),
                    replacement: String(UnicodeScalar(quote))))
                return nil
            }
            index += 1
            if !atEnd, !atSpace {
                error("expected a space after the quoted value of '\(key)'", at: index, fixIt: .init(
                    "insert a space", range: SourceRange(at: location(index)), replacement: " "))
                while !atEnd, !atSpace { index += 1 }
            }
            return String(decoding: value, as: UTF8.self)
        }

        mutating func add(_ key: String, _ value: String, at offset: Int) {
            let valid = key.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
            guard valid else {
                error("invalid attribute name '\(key)': use letters, digits, '-', '_' or '.'", at: offset)
                return
            }
            if let first = entries.first(where: { $0.key == key }) {
                diagnostics.append(.error(
                    "duplicate attribute '\(key)'", at: location(offset),
                    notes: [.init("first written here", at: first.location)]))
                return
            }
            entries.append(.init(key: key, value: value, location: location(offset)))
        }
    }
}
