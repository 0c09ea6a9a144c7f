/// The `key=value` words after a fence's language, in the order the author wrote them.
///
/// Order is kept so a rewrite or a listing shows attributes as written; lookups are by key.
/// Equality compares keys and values only, so tests can write a dictionary literal.
public struct CellAttributes: Sendable, Hashable, Codable, Sequence, ExpressibleByDictionaryLiteral,
    CustomStringConvertible
{
    /// One attribute; a bare word such as `hidden` has the empty value.
    public struct Attribute: Sendable, Hashable, Codable {
        /// The name before `=`.
        public var key: String
        /// The value after `=`, unquoted; empty for a bare word.
        public var value: String
        /// Where the key is written in the file (not part of equality).
        public var location: SourceLocation?

        /// Creates an attribute.
        public init(key: String, value: String, location: SourceLocation? = nil) {
            self.key = key
            self.value = value
            self.location = location
        }

        public static func == (lhs: Attribute, rhs: Attribute) -> Bool {
            lhs.key == rhs.key && lhs.value == rhs.value
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(key)
            hasher.combine(value)
        }
    }

    /// The attributes in written order.
    public var entries: [Attribute]

    /// Creates attributes from entries in order.
    public init(_ entries: [Attribute] = []) {
        self.entries = entries
    }

    /// Creates attributes from a literal, keeping its order: `["exercise": "momentum", "hidden": ""]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        entries = elements.map { Attribute(key: $0.0, value: $0.1) }
    }

    /// The value of the first attribute named `key`, `""` for a bare word, nil if absent.
    public subscript(key: String) -> String? {
        entries.first { $0.key == key }?.value
    }

    /// Whether an attribute named `key` is present, with or without a value.
    public func contains(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The first attribute named `key`, with its location.
    public func attribute(_ key: String) -> Attribute? { entries.first { $0.key == key } }

    /// The keys in written order.
    public var keys: [String] { entries.map(\.key) }

    /// The number of attributes.
    public var count: Int { entries.count }

    /// Whether there are no attributes.
    public var isEmpty: Bool { entries.isEmpty }

    public func makeIterator() -> IndexingIterator<[Attribute]> { entries.makeIterator() }

    /// The attributes as they would be written in an info string, quoting values that need it.
    public var description: String {
        entries.map { entry in
            if entry.value.isEmpty { return entry.key }
            let plain = entry.value.allSatisfy { !$0.isWhitespace && $0 != "\"" && $0 != "'" && $0 != "=" }
            if plain { return "\(entry.key)=\(entry.value)" }
            let escaped = entry.value.replacing("\\", with: "\\\\")
                .replacing("\"", with: "\\\"")
            return "\(entry.key)=\"\(escaped)\""
        }.joined(separator: " ")
    }
}
