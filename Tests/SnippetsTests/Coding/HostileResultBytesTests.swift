import Foundation
import Testing
@testable import Snippets

/// Bytes from a kernel a cell took over, or a damaged cache file, become errors: never a trap, a
/// huge allocation or a stack overflow.
@Suite struct HostileResultBytesTests {
    static let magic = Array("GRB1".utf8)

    @Test func everyTruncationIsAnError() throws {
        let bytes = try ResultCoding.encode(ResultCodingTests.result())
        #expect(bytes.count > 1000)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 2000)) {
            #expect(throws: (any Error).self) { try ResultCoding.decode(NotebookResult.self, from: Array(bytes[0..<length])) }
        }
    }

    /// Flipped bytes either still decode or throw; the run finishing is the assertion that none trapped.
    @Test func flippedBytesNeverTrap() throws {
        let bytes = try ResultCoding.encode(ResultCodingTests.result())
        var generator = SplitMix(state: 17)
        var decoded = 0, rejected = 0
        for _ in 0..<3000 {
            var damaged = bytes
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                let at = 4 + Int(generator.next() % UInt64(bytes.count - 4))
                damaged[at] = UInt8(truncatingIfNeeded: generator.next())
            }
            if (try? ResultCoding.decode(NotebookResult.self, from: damaged)) != nil { decoded += 1 } else { rejected += 1 }
        }
        #expect(decoded + rejected == 3000)
        #expect(rejected > 0)
    }

    @Test func aCountLargerThanTheBytesIsRejectedBeforeAllocating() {
        // An array of 2^62 elements, then a string of 2^40 bytes, then 2^56 doubles: each in a few bytes.
        let hugeArray = Self.magic + [BinaryTag.array.rawValue] + [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]
        #expect(throws: BinaryFormatError.countTooLarge(at: 5)) { try ResultCoding.decode([Int].self, from: hugeArray) }
        let hugeString = Self.magic + [BinaryTag.string.rawValue, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]
        #expect(throws: BinaryFormatError.countTooLarge(at: 5)) { try ResultCoding.decode(String.self, from: hugeString) }
        let hugeDoubles = Self.magic + [BinaryTag.doubles.rawValue, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]
        #expect(throws: BinaryFormatError.countTooLarge(at: 5)) { try ResultCoding.decode([Double].self, from: hugeDoubles) }
        let overlong = Self.magic + [BinaryTag.int.rawValue] + [UInt8](repeating: 0xff, count: 11)
        #expect(throws: BinaryFormatError.overlong(at: 14)) { try ResultCoding.decode(Int.self, from: overlong) }
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let depth = 100_000
        let bytes = Self.magic + [UInt8](repeating: 0, count: 2 * depth).enumerated().map { $0.offset % 2 == 0 ? BinaryTag.array.rawValue : 1 } + [BinaryTag.null.rawValue]
        #expect(throws: BinaryFormatError.tooDeep(at: 4 + 2 * BinaryReader.maxDepth)) { try ResultCoding.decode([Int].self, from: bytes) }
    }

    @Test func otherFormatsAndLeftoversAreRejected() throws {
        // An execution-cache entry from before the binary format.
        let json = Array(#"{"fenceLines":[17],"result":{"cell":0}}"#.utf8)
        #expect(throws: BinaryFormatError.notMagic) { try ResultCoding.decode([Int].self, from: json) }
        #expect(throws: BinaryFormatError.notMagic) { try ResultCoding.decode([Int].self, from: []) }
        let trailing = try ResultCoding.encode([1, 2]) + [0]
        #expect(throws: BinaryFormatError.trailingBytes(at: trailing.count - 1)) { try ResultCoding.decode([Int].self, from: trailing) }
        let unknownTag = Self.magic + [0xee]
        #expect(throws: BinaryFormatError.badTag(at: 4)) { try ResultCoding.decode(Int.self, from: unknownTag) }
    }
}

/// A small deterministic generator, so a failing damage pattern can be replayed.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension HostileResultBytesTests {
    /// `Fuzz/corpus/result.bin` seeds the fuzzer's result-bytes path: a real result (text, a table,
    /// a plot, an error; small, as seeds should be) without the format's first bytes, which the
    /// fuzzer puts back. Regenerate with `GRADUS_WRITE_SEEDS=1`.
    @Test func theFuzzSeedIsARealResult() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let seed = root.appendingPathComponent("Fuzz/corpus/result.bin")
        let lesson = "```swift\nprint(\"hi\", 0.5)\ntable(columns: [\"a\"], rows: [[1.5]])\nplot([1.0, 0.5, Double.nan])\n```\n\n```swift\nlet y = nope\n```\n"
        let bytes = try ResultCoding.encode(Notebook.run(source: lesson, path: "seed.md"))
        if ProcessInfo.processInfo.environment["GRADUS_WRITE_SEEDS"] == "1" {
            try Data(bytes.dropFirst(4)).write(to: seed)
        }
        let stored = try [UInt8](Data(contentsOf: seed))
        let decoded = try ResultCoding.decode(NotebookResult.self, from: Self.magic + stored)
        #expect(decoded.cells.count == 2 && decoded.cells[0].outputs.count == 3)
        #expect(try ResultCoding.encode(decoded) == bytes, "the seed is what this version writes")
    }
}
