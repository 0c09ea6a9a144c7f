import CZlib
import Foundation

/// A zip file built in memory, byte-identical for the same entries.
///
/// Gradescope takes an autograder as a zip. Writing it here rather than calling `zip` keeps the
/// output deterministic (entries sorted by path, every timestamp 1980-01-01 00:00, no extra
/// fields) and needs no tool beyond zlib. Entries are deflated (raw deflate, level 6) and carry
/// Unix modes, so `unzip` restores the scripts' execute bits. No Zip64: each entry and the whole
/// archive must stay under 4 GiB, and there are fewer than 65,535 entries.
struct ZipArchive {
    /// One file: its path inside the archive (`key/momentum.md`), its bytes and its Unix permissions.
    struct Entry {
        var path: String
        var data: Data
        var mode: UInt32
    }

    private(set) var entries: [Entry] = []

    /// Adds a file; a path that is absolute, empty, has `.`/`..` parts or is already present is refused.
    mutating func add(_ path: String, _ data: Data, mode: UInt32 = 0o644) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw GradingError("'\(path)' cannot be a path inside a zip: use a relative path without '.' or '..'")
        }
        guard !entries.contains(where: { $0.path == path }) else { throw GradingError("'\(path)' is in the zip twice") }
        entries.append(Entry(path: path, data: data, mode: mode))
    }

    /// The archive's bytes: local headers and data in path order, then the central directory.
    func data() throws -> Data {
        let sorted = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        guard sorted.count < 0xFFFF else { throw GradingError("a zip without Zip64 holds fewer than 65535 files") }
        var archive = Data(), directory = Data()
        for entry in sorted {
            let name = Data(entry.path.utf8)
            let packed = try Self.deflate(entry.data)
            let offset = archive.count
            guard entry.data.count < 0xFFFF_FFFF, offset + packed.count < 0xFFFF_FFFF else {
                throw GradingError("'\(entry.path)' would make the zip larger than 4 GiB")
            }
            // Shared by the local header (after its signature and version) and the central directory entry.
            var common = Data()
            common.append(le16: 0x0800)  // the name is UTF-8
            common.append(le16: 8)  // deflate
            common.append(le16: 0)  // time 00:00:00
            common.append(le16: 0x21)  // date 1980-01-01
            common.append(le32: Self.crc32(entry.data))
            common.append(le32: UInt32(packed.count))
            common.append(le32: UInt32(entry.data.count))
            common.append(le16: UInt16(name.count))
            common.append(le16: 0)  // no extra field
            archive.append(le32: 0x0403_4B50)
            archive.append(le16: 20)  // version needed: deflate
            archive.append(common)
            archive.append(name)
            archive.append(packed)
            directory.append(le32: 0x0201_4B50)
            directory.append(le16: 3 << 8 | 20)  // made by Unix, so the external attributes are a mode
            directory.append(le16: 20)
            directory.append(common)
            directory.append(le16: 0)  // no comment
            directory.append(le16: 0)  // disk 0
            directory.append(le16: 0)  // internal attributes
            directory.append(le32: (0o100000 | entry.mode) << 16)  // a regular file with these permissions
            directory.append(le32: UInt32(offset))
            directory.append(name)
        }
        let directoryOffset = archive.count
        archive.append(directory)
        archive.append(le32: 0x0605_4B50)
        archive.append(le16: 0)
        archive.append(le16: 0)
        archive.append(le16: UInt16(sorted.count))
        archive.append(le16: UInt16(sorted.count))
        archive.append(le32: UInt32(directory.count))
        archive.append(le32: UInt32(directoryOffset))
        archive.append(le16: 0)  // no comment
        return archive
    }

    /// Raw deflate: zlib's stream without its 2-byte header and 4-byte Adler-32 trailer.
    static func deflate(_ data: Data) throws -> Data {
        var size = compressBound(uLong(data.count))
        var output = Data(count: Int(size))
        let status = output.withUnsafeMutableBytes { out in
            data.withUnsafeBytes { input in
                compress2(out.baseAddress?.assumingMemoryBound(to: Bytef.self), &size,
                          input.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(data.count), 6)
            }
        }
        guard status == Z_OK, size >= 6 else { throw GradingError("zlib could not compress (status \(status))") }
        return output.subdata(in: 2..<Int(size) - 4)
    }

    /// The CRC-32 zip files check each entry with.
    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { bytes in
            UInt32(CZlib.crc32(0, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
        }
    }
}

extension Data {
    fileprivate mutating func append(le16 value: UInt16) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
    }

    fileprivate mutating func append(le32 value: UInt32) {
        append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)])
    }
}
