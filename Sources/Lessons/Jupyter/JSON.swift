/// A JSON value as a notebook holds it, with where it was read from, so a wrong value is a located error.
///
/// Numbers keep their literal text: a notebook's `nbformat` of `1e400` or a 40-digit
/// `execution_count` must be reported where it is written, not rounded into something valid.
/// Objects keep their members in order; writing sorts them, as Jupyter does.
public struct JSON: Sendable, Hashable {
    /// What the value is.
    public enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        /// The number's literal text, as written (`4`, `-0.5`, `1e400`).
        case number(String)
        case string(String)
        case array([JSON])
        case object([Member])
    }

    /// One `"key": value` of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSON
        /// Where the key is written, for duplicate-key errors.
        public var keyLocation: SourceLocation?

        public init(_ key: String, _ value: JSON, keyLocation: SourceLocation? = nil) {
            self.key = key
            self.value = value
            self.keyLocation = keyLocation
        }
    }

    public var kind: Kind
    /// Where the value starts in the text it was read from; nil for a value made in memory.
    public var location: SourceLocation?

    public init(_ kind: Kind, at location: SourceLocation? = nil) {
        self.kind = kind
        self.location = location
    }

    public static let null = JSON(.null)
    public static func bool(_ value: Bool) -> JSON { JSON(.bool(value)) }
    public static func int(_ value: Int) -> JSON { JSON(.number(String(value))) }
    public static func string(_ value: String) -> JSON { JSON(.string(value)) }
    public static func array(_ values: [JSON]) -> JSON { JSON(.array(values)) }
    /// An object from pairs in order; `nil` values are left out, so optional keys read naturally.
    public static func object(_ pairs: KeyValuePairs<String, JSON?>) -> JSON {
        JSON(.object(pairs.compactMap { key, value in value.map { Member(key, $0) } }))
    }
    /// An object from members.
    public static func object(_ members: [Member]) -> JSON { JSON(.object(members)) }

    /// The member named `key` of an object, nil for another kind or a missing key.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var string: String? { if case .string(let text) = kind { text } else { nil } }
    public var array: [JSON]? { if case .array(let values) = kind { values } else { nil } }
    public var members: [Member]? { if case .object(let members) = kind { members } else { nil } }
    public var bool: Bool? { if case .bool(let value) = kind { value } else { nil } }
    /// A whole number that fits an `Int`; nil for fractions, exponents and huge literals.
    public var int: Int? { if case .number(let text) = kind { Int(text) } else { nil } }
    public var isNull: Bool { kind == .null }

    /// The kind in words, for messages: "a string", "an object".
    public var kindName: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Equality of values alone, as JSON means it: where they were read from and the order of an
    /// object's keys do not matter.
    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.canonical == rhs.canonical }
    public func hash(into hasher: inout Hasher) { hasher.combine(canonical) }

    /// The value with every object's members sorted by key.
    var canonical: Kind {
        switch kind {
        case .array(let values): .array(values.map { JSON($0.canonical) })
        case .object(let members): .object(members.map { Member($0.key, JSON($0.value.canonical)) }.sorted { $0.key < $1.key })
        default: kind
        }
    }
}

extension JSON.Member {
    public static func == (lhs: JSON.Member, rhs: JSON.Member) -> Bool { lhs.key == rhs.key && lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
    }
}
