import Foundation
import Testing
@testable import Outputs
@testable import Snippets

/// Small idiomatic Swift programs (standard library only) print through the interpreter exactly what
/// they print compiled: each `NAME.expected` beside `NAME.swift` comes from swiftc (`scripts/swift-corpus.sh`).
@Suite struct SwiftCorpusTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SwiftCorpus")

    static var programs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }.sorted()
    }

    @Test func corpusIsNotEmpty() {
        #expect(Self.programs.count >= 5)
    }

    @Test(arguments: programs)
    func printsWhatSwiftcPrints(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name + ".swift"), encoding: .utf8)
        let expected = try String(contentsOf: Self.directory.appendingPathComponent(name + ".expected"), encoding: .utf8)
        let result = Notebook.run(source: "```swift\n" + source + "```\n", path: name + ".md")
        let cell = try #require(result.cells.first)
        #expect(cell.error == nil, "\(name): \(cell.error?.rendered ?? "")")
        let printed = cell.outputs.compactMap { output -> String? in
            if case let .text(text) = output { return text }
            return nil
        }.joined(separator: "\n")
        let printedLines = printed.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.dropLast(expected.hasSuffix("\n") ? 1 : 0).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(printedLines.count == expectedLines.count, "\(name): \(printedLines.count) lines printed, swiftc printed \(expectedLines.count)")
        for (index, (mine, theirs)) in zip(printedLines, expectedLines).enumerated() {
            #expect(mine == theirs, "\(name).swift line \(index + 1) of the output")
        }
    }
}
