/// The three container kinds of `BinaryDecoding`; each hands a primitive to the decoder of its value.
struct KeyedBinaryDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let bytes: [UInt8]
    /// Each key with the offset of its value, in stored order (an object has a handful of keys).
    private var entries: [(key: String, offset: Int)] = []
    private let offset: Int
    var codingPath: [any CodingKey] { [] }

    init(bytes: [UInt8], offset: Int) throws {
        self.bytes = bytes
        self.offset = offset
        var reader = BinaryReader(bytes: bytes, offset: offset)
        guard try reader.tag() == .object else { throw BinaryFormatError.mismatch(expected: "an object", at: offset) }
        let count = try reader.count(minimumSize: 2)
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.string()
            entries.append((key, reader.offset))
            try reader.skipValue()
        }
    }

    var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { entries.contains { $0.key == key.stringValue } }

    private func value(_ key: Key) throws -> BinaryDecoding {
        let name = key.stringValue
        guard let entry = entries.last(where: { $0.key == name }) else { throw BinaryFormatError.missingKey(name, at: offset) }
        return BinaryDecoding(bytes: bytes, offset: entry.offset)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).decodeBool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).decodeString() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key).decodeDouble() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try value(key).decodeDouble()) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).decodeSigned(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key).decodeSigned(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key).decodeSigned(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key).decodeSigned(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key).decodeSigned(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key).decodeUnsigned(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key).decodeUnsigned(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key).decodeUnsigned(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key).decodeUnsigned(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key).decodeUnsigned(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key).decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try value(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try value(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder {
        guard let entry = entries.last(where: { $0.key == "super" }) else { throw BinaryFormatError.missingKey("super", at: offset) }
        return BinaryDecoding(bytes: bytes, offset: entry.offset)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try value(key) }
}

/// An array's elements in order; an `[Double]` stored in one piece reads as its elements too.
struct UnkeyedBinaryDecoding: UnkeyedDecodingContainer {
    let bytes: [UInt8]
    let count: Int?
    private(set) var currentIndex = 0
    /// The offset of the next element.
    private var next: Int
    /// True when the elements are the raw doubles of a `doubles` value rather than tagged values.
    private let rawDoubles: Bool
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(bytes: [UInt8], offset: Int) throws {
        self.bytes = bytes
        var reader = BinaryReader(bytes: bytes, offset: offset)
        switch try reader.tag() {
        case .array:
            count = try reader.count(minimumSize: 1)
            rawDoubles = false
        case .doubles:
            count = try reader.count(minimumSize: 8)
            rawDoubles = true
        default: throw BinaryFormatError.mismatch(expected: "an array", at: offset)
        }
        next = reader.offset
    }

    /// The next element's decoder, moving past it.
    private mutating func element() throws -> BinaryDecoding {
        guard !isAtEnd else { throw BinaryFormatError.mismatch(expected: "another array element", at: next) }
        let decoder = BinaryDecoding(bytes: bytes, offset: next)
        var reader = BinaryReader(bytes: bytes, offset: next)
        if rawDoubles {
            guard reader.remaining >= 8 else { throw BinaryFormatError.truncated(at: next) }
            reader.offset += 8
        } else {
            try reader.skipValue()
        }
        next = reader.offset
        currentIndex += 1
        return decoder
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, !rawDoubles, try BinaryReader(bytes: bytes, offset: next).peekTag() == .null else { return false }
        _ = try element()
        return true
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        guard rawDoubles else { return try element().decodeDouble() }
        var reader = BinaryReader(bytes: bytes, offset: try element().offset)
        return Double(bitPattern: try reader.fixed64())
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try element().decodeBool() }
    mutating func decode(_ type: String.Type) throws -> String { try element().decodeString() }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    mutating func decode(_ type: Int.Type) throws -> Int { try element().decodeSigned(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try element().decodeSigned(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try element().decodeSigned(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try element().decodeSigned(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try element().decodeSigned(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try element().decodeUnsigned(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try element().decodeUnsigned(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try element().decodeUnsigned(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try element().decodeUnsigned(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try element().decodeUnsigned(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if rawDoubles, T.self == Double.self, let value = try decode(Double.self) as? T { return value }
        return try element().decodeValue(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try element().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try element().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try element() }
}

struct SingleBinaryDecoding: SingleValueDecodingContainer {
    let decoder: BinaryDecoding
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? decoder.decodeNil()) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool() }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeString() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeDouble() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.decodeDouble()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeSigned(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeSigned(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeSigned(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeSigned(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeSigned(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeUnsigned(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeUnsigned(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeUnsigned(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeUnsigned(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeUnsigned(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
