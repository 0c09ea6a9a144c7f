import Foundation
import Testing
@testable import Descent

/// A comparison's runs go side by side on the caller's thread and threads started for the call,
/// never on Dispatch's pool: libdispatch traps in a sandboxed kernel when it cannot read
/// `/proc/<tid>/stat` of its workers (see WorkerThreads).
@Suite struct ParallelRunsTests {
    @Test func runsUseTheCallersThreadAndOwnWorkersOnly() throws {
        let caller = pthread_self()
        let places = try runInParallel(6) { index -> String in
            // Long enough that a second thread takes some jobs.
            Thread.sleep(forTimeInterval: 0.02)
            return pthread_equal(pthread_self(), caller) != 0 ? "caller" : Self.threadName()
        }
        #expect(places.count == 6)
        #expect(places.allSatisfy { $0 == "caller" || $0 == WorkerThreads.name }, "\(places)")
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            #expect(places.contains(WorkerThreads.name), "\(places)")
        }
    }

    /// The operating system's name of the running thread (what `ps -L` shows).
    static func threadName() -> String {
        let comm = "/proc/thread-self/comm"
        return ((try? String(contentsOfFile: comm, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func resultsComeBackInInputOrderAndErrorsInInputOrder() {
        let squares = try? runInParallel(9) { $0 * $0 }
        #expect(squares == (0..<9).map { $0 * $0 })
        #expect(throws: DescentError.self) {
            _ = try runInParallel(5) { index -> Int in
                if index >= 3 { throw DescentError.invalidArgument(name: "run", value: "\(index)", expected: "fewer") }
                return index
            }
        }
    }

    @Test func helperThreadsComputeEveryPartOnceInManyCallsAndFromSeveralCallers() {
        // Back-to-back calls (helpers spinning, sleeping, or late for a call) and callers at once
        // (the busy pool makes a caller compute every part itself): each part once, every time.
        let seen = Seen()
        WorkerThreads.run(4, width: 4) { caller in
            for call in 0..<500 {
                let parts = 2 + call % 3
                HelperThreads.shared.run(parts: parts) { part in seen.add(caller * 1_000_000 + call * 10 + part) }
            }
        }
        var expected: [Int] = []
        for caller in 0..<4 { for call in 0..<500 { for part in 0..<(2 + call % 3) { expected.append(caller * 1_000_000 + call * 10 + part) } } }
        #expect(seen.sorted() == expected.sorted())
    }

    /// A kernel's chunks cover its range once, start on multiples of the alignment, and number
    /// at most four per thread: what lets any thread compute any chunk with the same bits.
    @Test func chunksCoverTheRangeOnceOnAlignedStarts() {
        for count in [0, 1, 5, 8, 9, 63, 64, 65, 100, 1000] {
            for alignment in [1, 4, 6, 8] {
                for threads in [1, 2, 3] {
                    let seen = Seen()
                    Parallel.chunks(count: count, threads: threads, alignment: alignment) { range in
                        seen.add(range.lowerBound * 10_000 + range.upperBound)
                    }
                    let ranges = seen.sorted().map { ($0 / 10_000)..<($0 % 10_000) }
                    #expect(ranges.flatMap { Array($0) } == Array(0..<count), "\(count) \(alignment) \(threads)")
                    #expect(ranges.allSatisfy { $0.lowerBound % alignment == 0 && !$0.isEmpty || count == 0 })
                    #expect(ranges.count <= max(1, threads * Parallel.partsPerThread))
                }
            }
        }
    }

    @Test func workerThreadsVisitEveryIndexOnce() {
        let seen = Seen()
        WorkerThreads.run(1000, width: 3) { seen.add($0) }
        #expect(seen.sorted() == Array(0..<1000))
        WorkerThreads.run(0, width: 2) { seen.add($0) }
        WorkerThreads.run(1, width: 4) { seen.add($0 + 5000) }
        #expect(seen.sorted().last == 5000)
    }
}

private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var indices: [Int] = []
    func add(_ index: Int) { lock.withLock { indices.append(index) } }
    func sorted() -> [Int] { lock.withLock { indices.sorted() } }
}
