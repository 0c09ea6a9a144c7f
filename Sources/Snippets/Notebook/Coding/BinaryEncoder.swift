/// Encodes any `Encodable` value in Gradus's binary result format (`BinaryTag`).
///
/// Values are gathered into a small tree first, as Foundation's JSON encoder does, because a
/// keyed container may be filled after a nested one was opened; an `[Double]` is one node
/// holding the array, written in one copy. Coding paths are not tracked: the format is only
/// written and read by Gradus itself, and a path per value would cost an allocation each.
public struct BinaryEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = EncodedNode()
        try BinaryEncoding.encodeValue(value, into: root)
        var writer = BinaryWriter()
        writer.bytes.reserveCapacity(256)
        writer.bytes.append(contentsOf: BinaryMagic.bytes)
        root.write(to: &writer)
        return writer.bytes
    }
}

/// One value of the tree; containers keep references so nested containers can fill them later.
final class EncodedNode {
    enum Content {
        case empty, null, bool(Bool), int(Int64), uint(UInt64), double(Double), string(String), doubles([Double])
        case array([EncodedNode])
        case object([(String, EncodedNode)])
    }

    var content: Content = .empty

    func write(to writer: inout BinaryWriter) {
        switch content {
        case .empty, .null: writer.tag(.null)
        case .bool(let value): writer.tag(value ? .trueValue : .falseValue)
        case .int(let value):
            writer.tag(.int)
            writer.signedVarint(value)
        case .uint(let value):
            writer.tag(.uint)
            writer.varint(value)
        case .double(let value):
            writer.tag(.double)
            writer.fixed64(value.bitPattern)
        case .string(let value):
            writer.tag(.string)
            writer.string(value)
        case .doubles(let values):
            writer.tag(.doubles)
            writer.doubles(values)
        case .array(let items):
            writer.tag(.array)
            writer.varint(UInt64(items.count))
            for item in items { item.write(to: &writer) }
        case .object(let entries):
            writer.tag(.object)
            writer.varint(UInt64(entries.count))
            for (key, node) in entries {
                writer.string(key)
                node.write(to: &writer)
            }
        }
    }

    /// The child under `key`, made when absent (a key encoded twice keeps its last value, as in JSON).
    func child(forKey key: String) -> EncodedNode {
        guard case .object(var entries) = content else {
            let node = EncodedNode()
            content = .object([(key, node)])
            return node
        }
        if let existing = entries.first(where: { $0.0 == key }) { return existing.1 }
        let node = EncodedNode()
        content = .empty
        entries.append((key, node))
        content = .object(entries)
        return node
    }

    /// A new last element of this array node.
    func appended() -> EncodedNode {
        let node = EncodedNode()
        guard case .array(var items) = content else {
            content = .array([node])
            return node
        }
        content = .empty
        items.append(node)
        content = .array(items)
        return node
    }

    var arrayCount: Int {
        if case .array(let items) = content { items.count } else { 0 }
    }
}

/// The `Encoder` handed to `encode(to:)`: it fills one node.
struct BinaryEncoding: Encoder {
    let node: EncodedNode
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Encodes `value` into `node`, taking the one-copy path for `[Double]`.
    static func encodeValue<T: Encodable>(_ value: T, into node: EncodedNode) throws {
        if let doubles = value as? [Double] {
            node.content = .doubles(doubles)
        } else {
            try value.encode(to: BinaryEncoding(node: node))
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedBinaryEncoding<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedBinaryEncoding(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleBinaryEncoding(node: node) }
}
