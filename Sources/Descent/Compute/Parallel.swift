/// Splits an index range into contiguous chunks, a few per thread, and runs them at once.
///
/// Chunks are fixed by the count and the thread count alone (never by timing),
/// and callers only split work whose elements are independent, so the result
/// is the same whichever thread finishes first. A single chunk runs on the
/// calling thread; the others go to Descent's own helper threads (`HelperThreads`).
enum Parallel {
    /// Parts per thread: a caller takes parts until none is left, so with several per thread a
    /// helper that is late or preempted (the other core busy) holds back one small part, not half
    /// the work.
    static let partsPerThread = 4

    /// Calls `body` once per chunk of `0..<count`; chunk starts are multiples of `alignment`.
    static func chunks(count: Int, threads: Int, alignment: Int = 8, _ body: (Range<Int>) -> Void) {
        guard threads > 1, count > alignment else {
            body(0..<count)
            return
        }
        let wanted = threads * partsPerThread
        let perPart = (count + wanted - 1) / wanted
        let size = (perPart + alignment - 1) / alignment * alignment
        let parts = (count + size - 1) / size
        HelperThreads.shared.run(parts: parts) { index in
            let start = Swift.min(index * size, count), end = Swift.min(start + size, count)
            if start < end { body(start..<end) }
        }
    }

    /// Runs element-wise work on `count` elements with the current settings.
    static func elements(_ count: Int, settings: ComputeSettings, _ body: (Range<Int>) -> Void) {
        let threads = count >= settings.elementThreshold ? settings.threads : 1
        chunks(count: count, threads: threads, body)
    }
}

/// A value handed to another thread by a caller that guarantees the accesses do not overlap.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
