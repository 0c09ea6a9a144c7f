import Foundation
import Testing
@testable import Snippets

/// A cell keeps at most 1 MiB of text and 10,000 table rows; the rest is counted and named in a last line.
@Suite struct OutputLimitTests {
    /// Bytes of text a result shows, summed over its text outputs.
    static func textBytes(_ outputs: [Output]) -> Int {
        outputs.reduce(0) { total, output in
            if case let .text(text) = output { return total + text.utf8.count }
            return total
        }
    }

    @Test func endlessPrintStopsAtTheTimeLimitWithBoundedOutput() {
        let lesson = """
            ```swift timeout=1
            let line = Array(repeating: "x", count: 9_999).joined()
            while true { print(line) }
            ```

            ```swift
            print("after")
            ```
            """
        let start = Date()
        let result = Notebook.run(source: lesson, path: "flood.md")
        #expect(Date().timeIntervalSince(start) < 2.5)
        let first = result.cells.first
        #expect(first?.error?.message.hasPrefix("time limit exceeded") == true)
        // 1 MiB kept: 104 lines of 10,000 bytes and 8,576 bytes of the next, which has no newline to drop.
        let outputs = first?.outputs ?? []
        guard case let .text(kept)? = outputs.first, case let .text(note)? = outputs.last else {
            Issue.record("expected the kept text and the truncation note, got \(outputs)")
            return
        }
        #expect(kept.utf8.count == (1 << 20))
        #expect(note.hasPrefix("… output truncated ("))
        #expect(note.hasSuffix(" more bytes)"))
        let dropped = Int(note.dropFirst("… output truncated (".count).prefix { $0.isNumber }) ?? 0
        #expect(dropped > 0)
        #expect(result.cells.last?.status == .ok)
        #expect(CaseFileTests.shown(result.cells.last?.outputs ?? []) == ["after"])
    }

    @Test func oneHugePrintIsCutAtTheCapAndCounted() {
        let lesson = """
            ```swift
            let line = Array(repeating: "x", count: 1_100_000).joined()
            print(line)
            ```
            """
        let result = Notebook.run(source: lesson, path: "huge.md")
        let outputs = result.cells.first?.outputs ?? []
        #expect(result.cells.first?.error == nil)
        // 1,100,000 x's and a newline: 1,048,576 kept, 1,100,001 - 1,048,576 = 51,425 dropped.
        #expect(Self.textBytes(Array(outputs.prefix(1))) == 1 << 20)
        #expect(outputs.last == .text("… output truncated (51425 more bytes)"))
    }

    @Test func tablesKeepTenThousandRows() {
        let lesson = """
            ```swift
            table(columns: ["i", "square"], rows: (0..<10_005).map { [$0, $0 * $0] })
            ```
            """
        let result = Notebook.run(source: lesson, path: "rows.md")
        #expect(result.cells.first?.error == nil)
        guard case let .table(table)? = result.cells.first?.outputs.first else {
            Issue.record("expected a table")
            return
        }
        #expect(table.rows.count == 10_001)
        #expect(table.rows[9_999] == [.int(9_999), .int(9_999 * 9_999)])
        #expect(table.rows.last == [.text("… output truncated (5 more rows)"), .text("")])
    }
}
