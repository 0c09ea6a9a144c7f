/// The tags and byte layout of Gradus's binary result format.
///
/// Results cross a pipe from every kernel and sit in the execution cache; as JSON, formatting and
/// parsing their numbers (a contour map holds thousands) cost a cold build about a third of its
/// time, and non-finite numbers needed string stand-ins. Here a number is its 8-byte bit pattern,
/// so a result read back is bit for bit the result written, NaN payloads included.
///
/// A value is one tag byte and its payload; counts and lengths are LEB128 varints:
/// `nil` | `false` | `true` | `int` zigzag varint | `uint` varint | `double` 8 bytes little-endian |
/// `string` length, UTF-8 | `array` count, values | `object` count, (key string, value) pairs |
/// `doubles` count, 8 bytes each (an `[Double]`, the bulk of a result, copied in one piece).
enum BinaryTag: UInt8 {
    case null = 0, falseValue, trueValue, int, uint, double, string, array, object, doubles
}

/// The first bytes of every encoded value, so a file of another format (an old JSON cache entry)
/// is rejected at once rather than misread.
enum BinaryMagic {
    static let bytes: [UInt8] = Array("GRB1".utf8)
}

/// Appends values in the binary format.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func tag(_ tag: BinaryTag) { bytes.append(tag.rawValue) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A signed integer zigzag-encoded, so small negative numbers stay short.
    mutating func signedVarint(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func doubles(_ values: [Double]) {
        varint(UInt64(values.count))
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { fixed64(value.bitPattern) }
        #endif
    }
}

/// Reads the binary format from a byte buffer, every read checked against its end.
///
/// The bytes may come from a kernel that a cell has taken over, or from a damaged cache file: a
/// count larger than the bytes left, a truncated value or nesting deeper than `maxDepth` is a
/// `BinaryFormatError`, never a trap or an allocation the bytes cannot back.
struct BinaryReader {
    let bytes: [UInt8]
    var offset: Int

    /// Deeper than any result type nests; the skipper recurses, so this bounds its stack.
    static let maxDepth = 200

    init(bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: Int { bytes.count - offset }

    mutating func byte() throws(BinaryFormatError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated(at: offset) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func tag() throws(BinaryFormatError) -> BinaryTag {
        let at = offset
        guard let tag = BinaryTag(rawValue: try byte()) else { throw .badTag(at: at) }
        return tag
    }

    /// The tag at the reader without consuming it.
    func peekTag() throws(BinaryFormatError) -> BinaryTag {
        guard offset < bytes.count else { throw .truncated(at: offset) }
        guard let tag = BinaryTag(rawValue: bytes[offset]) else { throw .badTag(at: offset) }
        return tag
    }

    /// A signed integer, zigzag-encoded (`BinaryWriter.signedVarint`).
    mutating func signedVarint() throws(BinaryFormatError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func varint() throws(BinaryFormatError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let at = offset
            let next = try byte()
            guard shift < 64, shift < 63 || next <= 1 else { throw .overlong(at: at) }
            value |= UInt64(next & 0x7f) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    /// A count of items each at least `minimumSize` bytes long, no more than the bytes left allow.
    mutating func count(minimumSize: Int) throws(BinaryFormatError) -> Int {
        let at = offset
        let value = try varint()
        guard value <= UInt64(remaining / max(minimumSize, 1)) else { throw .countTooLarge(at: at) }
        return Int(value)
    }

    mutating func fixed64() throws(BinaryFormatError) -> UInt64 {
        guard remaining >= 8 else { throw .truncated(at: offset) }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    mutating func string() throws(BinaryFormatError) -> String {
        let length = try count(minimumSize: 1)
        let at = offset
        offset += length
        return String(decoding: bytes[at..<offset], as: UTF8.self)
    }

    mutating func doubles() throws(BinaryFormatError) -> [Double] {
        let count = try count(minimumSize: 8)
        let start = offset
        offset += 8 * count
        #if _endian(little)
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<offset]))
            }
            initialized = count
        }
        #else
        var reader = BinaryReader(bytes: bytes, offset: start)
        return try (0..<count).map { _ throws(BinaryFormatError) in Double(bitPattern: try reader.fixed64()) }
        #endif
    }

    /// Moves past one whole value of any kind.
    mutating func skipValue(depth: Int = 0) throws(BinaryFormatError) {
        guard depth < Self.maxDepth else { throw .tooDeep(at: offset) }
        switch try tag() {
        case .null, .falseValue, .trueValue: return
        case .int, .uint: _ = try varint()
        case .double:
            guard remaining >= 8 else { throw .truncated(at: offset) }
            offset += 8
        case .string: _ = try string()
        case .doubles:
            let count = try count(minimumSize: 8)
            offset += 8 * count
        case .array:
            for _ in 0..<(try count(minimumSize: 1)) { try skipValue(depth: depth + 1) }
        case .object:
            for _ in 0..<(try count(minimumSize: 2)) {
                _ = try string()
                try skipValue(depth: depth + 1)
            }
        }
    }
}

/// Bytes that are not a value of the expected type; the offset says where reading stopped.
public enum BinaryFormatError: Error, Equatable, CustomStringConvertible {
    case truncated(at: Int)
    case badTag(at: Int)
    case overlong(at: Int)
    case countTooLarge(at: Int)
    case tooDeep(at: Int)
    case notMagic
    case mismatch(expected: String, at: Int)
    case missingKey(String, at: Int)
    case outOfRange(String, at: Int)
    case trailingBytes(at: Int)

    public var description: String {
        switch self {
        case .truncated(let at): "the bytes end inside a value at byte \(at)"
        case .badTag(let at): "an unknown value tag at byte \(at)"
        case .overlong(let at): "a number longer than 64 bits at byte \(at)"
        case .countTooLarge(let at): "a count larger than the bytes left at byte \(at)"
        case .tooDeep(let at): "values nested deeper than \(BinaryReader.maxDepth) at byte \(at)"
        case .notMagic: "not a Gradus result (the format's first bytes are missing)"
        case .mismatch(let expected, let at): "expected \(expected) at byte \(at)"
        case .missingKey(let key, let at): "no value for '\(key)' in the object at byte \(at)"
        case .outOfRange(let type, let at): "a number that does not fit \(type) at byte \(at)"
        case .trailingBytes(let at): "bytes left over after the value, from byte \(at)"
        }
    }
}

/// How results are stored and sent: a kernel's messages, the execution cache's entries.
public enum ResultCoding {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] { try BinaryEncoder().encode(value) }
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try BinaryDecoder().decode(type, from: bytes)
    }
}
