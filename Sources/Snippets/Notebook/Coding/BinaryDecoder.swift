/// Decodes any `Decodable` value from Gradus's binary result format (`BinaryTag`).
///
/// Nothing is parsed ahead into a tree: a decoder is the bytes and the offset of one value, a
/// keyed container finds its keys' offsets in one pass, and an `[Double]` is copied out in one
/// piece. The bytes are untrusted (a kernel a cell took over, a damaged cache file): the whole
/// value is walked once first, depth-bounded, so anything malformed is a `BinaryFormatError`.
public struct BinaryDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let magic = BinaryMagic.bytes
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { throw BinaryFormatError.notMagic }
        var walker = BinaryReader(bytes: bytes, offset: magic.count)
        try walker.skipValue()
        guard walker.remaining == 0 else { throw BinaryFormatError.trailingBytes(at: walker.offset) }
        return try BinaryDecoding(bytes: bytes, offset: magic.count).decodeValue(type)
    }
}

/// The `Decoder` handed to `init(from:)`: the value at `offset`.
struct BinaryDecoding: Decoder {
    let bytes: [UInt8]
    let offset: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var reader: BinaryReader { BinaryReader(bytes: bytes, offset: offset) }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == [Double].self, try reader.peekTag() == .doubles {
            var reader = reader
            _ = try reader.tag()
            if let doubles = try reader.doubles() as? T { return doubles }
        }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedBinaryDecoding<Key>(bytes: bytes, offset: offset))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedBinaryDecoding(bytes: bytes, offset: offset)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleBinaryDecoding(decoder: self) }

    // The primitives, shared by the three containers.

    func decodeNil() throws -> Bool { try reader.peekTag() == .null }

    func decodeBool() throws -> Bool {
        var reader = reader
        switch try reader.tag() {
        case .trueValue: return true
        case .falseValue: return false
        default: throw BinaryFormatError.mismatch(expected: "a Bool", at: offset)
        }
    }

    func decodeString() throws -> String {
        var reader = reader
        guard try reader.tag() == .string else { throw BinaryFormatError.mismatch(expected: "a String", at: offset) }
        return try reader.string()
    }

    func decodeDouble() throws -> Double {
        var reader = reader
        guard try reader.tag() == .double else { throw BinaryFormatError.mismatch(expected: "a Double", at: offset) }
        return Double(bitPattern: try reader.fixed64())
    }

    func decodeSigned<T: FixedWidthInteger & SignedInteger>(_ type: T.Type) throws -> T {
        var reader = reader
        let value: Int64
        switch try reader.tag() {
        case .int:
            value = try reader.signedVarint()
        case .uint:
            guard let fitting = Int64(exactly: try reader.varint()) else { throw BinaryFormatError.outOfRange("\(T.self)", at: offset) }
            value = fitting
        default: throw BinaryFormatError.mismatch(expected: "an integer", at: offset)
        }
        guard let result = T(exactly: value) else { throw BinaryFormatError.outOfRange("\(T.self)", at: offset) }
        return result
    }

    func decodeUnsigned<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type) throws -> T {
        var reader = reader
        switch try reader.tag() {
        case .uint:
            guard let result = T(exactly: try reader.varint()) else { throw BinaryFormatError.outOfRange("\(T.self)", at: offset) }
            return result
        case .int:
            let value = try reader.signedVarint()
            guard let result = T(exactly: value) else { throw BinaryFormatError.outOfRange("\(T.self)", at: offset) }
            return result
        default: throw BinaryFormatError.mismatch(expected: "an unsigned integer", at: offset)
        }
    }
}
