/// The three container kinds of `BinaryEncoding`; each primitive becomes one node's content.
struct KeyedBinaryEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodedNode
    var codingPath: [any CodingKey] { [] }

    private func set(_ content: EncodedNode.Content, _ key: Key) { node.child(forKey: key.stringValue).content = content }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.double(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.int(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(.uint(UInt64(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.uint(UInt64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.uint(UInt64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.uint(UInt64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.uint(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try BinaryEncoding.encodeValue(value, into: node.child(forKey: key.stringValue))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        BinaryEncoding(node: node.child(forKey: key.stringValue)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        BinaryEncoding(node: node.child(forKey: key.stringValue)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BinaryEncoding(node: node.child(forKey: "super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { BinaryEncoding(node: node.child(forKey: key.stringValue)) }
}

struct UnkeyedBinaryEncoding: UnkeyedEncodingContainer {
    let node: EncodedNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.arrayCount }

    private func append(_ content: EncodedNode.Content) { node.appended().content = content }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.double(value)) }
    mutating func encode(_ value: Float) throws { append(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { append(.int(value)) }
    mutating func encode(_ value: UInt) throws { append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { append(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { append(.uint(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try BinaryEncoding.encodeValue(value, into: node.appended())
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        BinaryEncoding(node: node.appended()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        BinaryEncoding(node: node.appended()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BinaryEncoding(node: node.appended()) }
}

struct SingleBinaryEncoding: SingleValueEncodingContainer {
    let node: EncodedNode
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode(_ value: Bool) throws { node.content = .bool(value) }
    mutating func encode(_ value: String) throws { node.content = .string(value) }
    mutating func encode(_ value: Double) throws { node.content = .double(value) }
    mutating func encode(_ value: Float) throws { node.content = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { node.content = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { node.content = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { node.content = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { node.content = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .int(value) }
    mutating func encode(_ value: UInt) throws { node.content = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { node.content = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { node.content = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { node.content = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .uint(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try BinaryEncoding.encodeValue(value, into: node)
    }
}
