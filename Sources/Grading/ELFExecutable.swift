import Foundation

/// The shared libraries a Linux executable asks the dynamic loader for (its `DT_NEEDED` entries).
///
/// `gradus autograder` reads them to warn before upload when the gradus it ships needs a library
/// Gradescope's image will not have, the Swift runtime above all. Searching the bytes for a
/// library's name would not do: gradus itself contains the names it warns about. Only 64-bit
/// little-endian ELF (x86-64, arm64) is read; every offset is bounds-checked, so a truncated or
/// hostile file is an error, never a crash.
struct ELFExecutable {
    /// The `DT_NEEDED` names in the order the file lists them.
    let neededLibraries: [String]

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        func fail(_ reason: String) -> GradingError { GradingError("not a Linux executable gradus can ship: \(reason)") }
        guard bytes.starts(with: [0x7F, 0x45, 0x4C, 0x46]) else { throw fail("no ELF header") }
        guard bytes.count >= 64, bytes[4] == 2, bytes[5] == 1 else { throw fail("not a 64-bit little-endian ELF file") }
        func word(_ offset: Int, _ size: Int) throws -> Int {
            guard offset >= 0, size <= 8, offset <= bytes.count - size else { throw fail("truncated at byte \(offset)") }
            var value: UInt64 = 0
            for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
            guard value <= UInt64(Int.max) else { throw fail("an offset out of range at byte \(offset)") }
            return Int(value)
        }
        // An offset or size must lie within the file, which also keeps every sum below from overflowing.
        func within(_ value: Int) throws -> Int {
            guard value <= bytes.count else { throw fail("an offset past the end of the file") }
            return value
        }
        let headers = try within(word(0x20, 8)), headerSize = try word(0x36, 2), headerCount = try word(0x38, 2)
        var loads: [(address: Int, offset: Int, size: Int)] = []
        var dynamic: (offset: Int, size: Int)?
        for index in 0..<headerCount {
            let header = headers + index * headerSize
            let type = try word(header, 4)
            if type == 1 { loads.append((try word(header + 16, 8), try within(word(header + 8, 8)), try word(header + 32, 8))) }
            if type == 2 { dynamic = (try within(word(header + 8, 8)), try within(word(header + 32, 8))) }
        }
        // A static executable has no dynamic segment and needs nothing.
        guard let dynamic else {
            neededLibraries = []
            return
        }
        var needed: [Int] = []
        var stringTable: Int?
        for entry in stride(from: dynamic.offset, to: dynamic.offset + dynamic.size, by: 16) {
            let tag = try word(entry, 8)
            if tag == 0 { break }
            if tag == 1 { needed.append(try word(entry + 8, 8)) }
            if tag == 5 { stringTable = try word(entry + 8, 8) }
        }
        guard let address = stringTable,
              let segment = loads.first(where: { address >= $0.address && address - $0.address < $0.size }) else {
            throw fail("no string table for its libraries")
        }
        let table = try within(address - segment.address) + segment.offset
        neededLibraries = try needed.map { name in
            let start = try table + within(name)
            guard start >= 0, start < bytes.count, let end = bytes[start...].firstIndex(of: 0) else {
                throw fail("a library name outside the file")
            }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }
}
