import Foundation
import Testing
@testable import Snippets

/// Time, recursion and memory limits end a cell with an error naming the limit, and later cells still run.
@Suite struct LimitTests {
    @Test func infiniteLoopStopsWithinTheLimitPlusASecond() {
        let lesson = """
            ```swift timeout=1
            var i = 0
            while true { i += 1 }
            ```

            ```swift
            print("after")
            ```
            """
        let start = Date()
        let result = Notebook.run(source: lesson, path: "loop.md")
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 2.0, "took \(elapsed) s")
        #expect(elapsed >= 1.0, "stopped before the limit: \(elapsed) s")
        let error = result.cells.first?.error
        #expect(error?.message.hasPrefix("time limit exceeded: the cell ran longer than 1 s") == true)
        #expect(error?.location.line == 3)
        #expect(error?.location.column == 1)
        #expect(result.cells.first?.status == .error)
        #expect(result.cells.last?.status == .ok)
        #expect(result.cells.last?.outputs.count == 1)
    }

    @Test func frontMatterTimeoutApplies() {
        let lesson = """
            ---
            title: Loops
            timeout: 1
            ---

            ```swift
            var n = 0
            for _ in 0..<1_000_000_000 { n += 1 }
            ```
            """
        let start = Date()
        let result = Notebook.run(source: lesson, path: "front.md")
        #expect(Date().timeIntervalSince(start) < 2.0)
        #expect(result.cells.first?.error?.message.contains("longer than 1 s") == true)
        #expect(result.cells.first?.error?.location.line == 8)
    }

    @Test func runawayRecursionIsAnErrorNotACrash() {
        let lesson = """
            ```swift
            func down(_ n: Int) -> Int { down(n + 1) }
            down(0)
            ```
            """
        let result = Notebook.run(source: lesson, path: "recursion.md")
        let error = result.cells.first?.error
        #expect(error?.message == "expression or recursion too deep (limit 10000); use a loop instead of deep recursion, or split a long expression into several lets")
        #expect(error?.location.line == 2)
        // The argument `n + 1` is the step that would have gone past the limit.
        #expect(error?.location.column == 35)
    }

    @Test func deepButBoundedRecursionWorks() {
        let lesson = """
            ```swift
            func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }
            depth(900)
            ```
            """
        let result = Notebook.run(source: lesson, path: "deep.md")
        #expect(result.cells.first?.error == nil)
        #expect(CaseFileTests.shown(result.cells.first?.outputs ?? []) == ["900"])
    }

    @Test func tensorsAboveTheMemoryCapAreRefused() {
        let lesson = """
            ```swift
            let big = Tensor(repeating: 0, shape: [100000, 100000])
            ```
            """
        let result = Notebook.run(source: lesson, path: "memory.md")
        let error = result.cells.first?.error
        #expect(error?.message == "memory limit exceeded: a tensor of 76293 MiB exceeds the limit of 1024 MiB")
        #expect(error?.location.line == 2)
        #expect(error?.location.column == 11)
    }

    @Test func growingAnArrayForeverHitsALimit() {
        let lesson = """
            ```swift timeout=2
            var items: [Int] = []
            while true { items.append(1) }
            ```
            """
        let start = Date()
        let result = Notebook.run(source: lesson, path: "grow.md")
        #expect(Date().timeIntervalSince(start) < 3.0)
        #expect(result.cells.first?.status == .error)
        let message = result.cells.first?.error?.message ?? ""
        #expect(message.hasPrefix("time limit exceeded") || message.hasPrefix("memory limit exceeded"))
    }
}
