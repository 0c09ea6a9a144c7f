import Foundation
import Lessons
import Testing
@testable import Outputs
@testable import Snippets

/// The binary result format gives back exactly what it was given, and turns damaged bytes into errors.
///
/// The reference is Foundation's JSON encoder: a value read back from the binary format must
/// encode to the same JSON as the original (every field survived), and numbers must keep their
/// bit patterns (which JSON cannot show for NaN payloads or signed zeros).
@Suite struct ResultCodingTests {
    /// Every kind of result a lesson makes: text, tables, comparisons with points, contours, plots, errors.
    static let lesson = """
        ```swift
        print("héllo, 世界", 1.5, Int.max)
        let f = Rosenbrock()
        minimize(f, from: [-1.5, 2.0], steps: 30) {
            GD(lr: 0.001)
            Adam(lr: 0.05)
        }
        minimize(f, from: [-1.5, 2.0], steps: 20) { GD(lr: 10) }
        ```

        ```swift
        let xs = [1.0, 2, 3]
        plot(xs.map { $0 * $0 }, title: "squares")
        table(columns: ["lr", "loss"], rows: [[0.1, Double.nan], [0.01, -0.0]])
        ```

        ```swift
        let y = missing + 1
        ```
        """

    static func result() -> NotebookResult { Notebook.run(source: lesson, path: "coding.md") }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func aLessonsResultsComeBackWhole() throws {
        let result = Self.result()
        #expect(result.cells.count == 3)
        #expect(result.cells[2].error?.message.contains("missing") == true)
        let kinds = result.cells.flatMap(\.outputs).map(\.typeName)
        #expect(Set(kinds) == ["String", "Comparison", "Plot", "Table"], "\(kinds)")
        let bytes = try ResultCoding.encode(result)
        let back = try ResultCoding.decode(NotebookResult.self, from: bytes)
        #expect(try Self.json(back) == Self.json(result))
        #expect(try ResultCoding.encode(back) == bytes)
        #expect(back.lesson == result.lesson)
        for (mine, theirs) in zip(back.cells, result.cells) {
            #expect(try Self.json(mine) == Self.json(theirs))
        }
    }

    struct Numbers: Codable, Equatable {
        var doubles: [Double]
        var single: Double
        var float: Float
        var ints: [Int]
        var small: [Int8]
        var unsigned: UInt64
        var optional: Int?
        var absent: Int?
        var nested: [[Double]]
        var byKey: [Int: String]
        var byName: [String: [Double]]
        var empty: [String]
        var choice: Choice
    }

    enum Choice: Codable, Equatable {
        case none
        case pair(Double, label: String)
    }

    @Test func numbersKeepTheirBits() throws {
        let payloadNaN = Double(nan: 0x5_1234, signaling: false)
        let numbers = Numbers(
            doubles: [0, -0.0, .infinity, -.infinity, .nan, payloadNaN, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1, -1e-300],
            single: -0.0, float: 3.25, ints: [Int.min, -1, 0, 1, 63, 64, -64, -65, Int.max], small: [Int8.min, Int8.max],
            unsigned: UInt64.max, optional: 7, absent: nil, nested: [[], [1.5], [.nan, 2]],
            byKey: [3: "three", -1: "minus one"], byName: ["é": [1, 2]], empty: [], choice: .pair(-0.0, label: "zero"))
        let back = try ResultCoding.decode(Numbers.self, from: ResultCoding.encode(numbers))
        #expect(back.doubles.map(\.bitPattern) == numbers.doubles.map(\.bitPattern))
        #expect(back.single.bitPattern == (-0.0 as Double).bitPattern)
        #expect(back.nested.map { $0.map(\.bitPattern) } == numbers.nested.map { $0.map(\.bitPattern) })
        #expect(back.ints == numbers.ints && back.small == numbers.small && back.unsigned == .max)
        #expect(back.optional == 7 && back.absent == nil && back.byKey == numbers.byKey && back.byName == numbers.byName)
        guard case .pair(let zero, let label) = back.choice else { Issue.record("lost the enum case"); return }
        #expect(zero.bitPattern == (-0.0 as Double).bitPattern && label == "zero")
    }

    @Test func aNumberThatDoesNotFitIsAnError() throws {
        let bytes = try ResultCoding.encode([Int.max])
        #expect(throws: BinaryFormatError.outOfRange("Int8", at: 6)) { try ResultCoding.decode([Int8].self, from: bytes) }
        #expect(throws: BinaryFormatError.self) { try ResultCoding.decode([UInt].self, from: ResultCoding.encode([-1])) }
        #expect(throws: BinaryFormatError.self) { try ResultCoding.decode([String].self, from: bytes) }
    }
}
