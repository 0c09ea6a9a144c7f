import CKernels
import Foundation
import Synchronization

/// Threads of Descent's own that take a share of one kernel call, started once and kept.
///
/// Element-wise kernels and matrix products split their output into fixed chunks ("parts").
/// Dispatch did this before, but a sandboxed kernel cannot use Dispatch's pool (see
/// `WorkerThreads`). Parts are dealt from one counter: the caller takes parts until none is
/// left, so a helper that is still waking up costs nothing (the caller does its part too), and
/// the caller then waits only for parts a helper has begun. A helper spins briefly for the next
/// call before it sleeps, so back-to-back kernels of a training step hand over quickly, while an
/// idle helper costs nothing.
///
/// One pool serves the process. Calls are serialized: a caller that finds the pool busy (two
/// runs side by side, each splitting its kernels) computes every part itself. Which thread
/// computes a part never changes its bits.
final class HelperThreads: @unchecked Sendable {
    /// The pool for this process: one helper per extra core, at most `maxHelpers`.
    static let shared = HelperThreads(helpers: Swift.min(maxHelpers, Swift.max(0, ProcessInfo.processInfo.activeProcessorCount - 1)))
    static let maxHelpers = 7
    /// How long a helper polls for the next call before it sleeps, in polls of one `pause` each
    /// (about 24 ns here, so about a millisecond): longer than the gap between a training step's
    /// large kernels, so a helper is awake for the next one. With 8,000 polls digits ran at 106 or
    /// at 155 µs/step from one run to the next (the helper sometimes slept between kernels and
    /// its wake-ups cost more than its parts saved); with 40,000, at 105–112 in every run.
    static let spins = 40_000
    /// A ticket is `generation << partBits | next part`, so a helper late for one call can never take a part of the next.
    private static let partBits = 16

    let helpers: Int
    private let busy = NSLock()
    private let condition = NSCondition()
    private var job: UnsafePointer<(Int) -> Void>?
    private var parts = 0
    private var generation = 0
    /// The current call's generation and next part.
    private let ticket = Atomic<Int>(0)
    /// Parts finished in the current call.
    private let finished = Atomic<Int>(0)
    private var started = false

    private init(helpers: Int) { self.helpers = helpers }

    /// Calls `body(part)` for every part in `0..<parts` on this thread and the helpers, and returns
    /// when all are done. With no helpers, or the pool busy with another caller, every part runs here.
    func run(parts: Int, _ body: (Int) -> Void) {
        guard helpers > 0, parts > 1, parts < 1 << Self.partBits, busy.try() else {
            for part in 0..<parts { body(part) }
            return
        }
        defer { busy.unlock() }
        startIfNeeded()
        withoutActuallyEscaping(body) { body in
            withUnsafePointer(to: body) { pointer in
                condition.lock()
                job = pointer
                self.parts = parts
                generation += 1
                let current = generation
                finished.store(0, ordering: .relaxed)
                ticket.store(current << Self.partBits, ordering: .releasing)
                condition.broadcast()
                condition.unlock()
                while let part = take(current, parts) {
                    body(part)
                    finished.add(1, ordering: .releasing)
                }
                // Parts a helper took are being computed: wait for them, spinning first.
                var polls = 0
                while finished.load(ordering: .acquiring) < parts, polls < Self.spins {
                    ck_spin_pause()
                    polls += 1
                }
                condition.lock()
                while finished.load(ordering: .acquiring) < parts { condition.wait() }
                job = nil
                condition.unlock()
            }
        }
    }

    /// The next part of call `current`, or nil when its parts are all taken or the call is over.
    private func take(_ current: Int, _ parts: Int) -> Int? {
        var seen = ticket.load(ordering: .acquiring)
        while seen >> Self.partBits == current, seen & ((1 << Self.partBits) - 1) < parts {
            let (exchanged, original) = ticket.compareExchange(expected: seen, desired: seen + 1, ordering: .acquiringAndReleasing)
            if exchanged { return seen & ((1 << Self.partBits) - 1) }
            seen = original
        }
        return nil
    }

    private func startIfNeeded() {
        guard !started else { return }
        started = true
        for _ in 0..<helpers {
            let thread = Thread { [self] in loop() }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// A helper's life: wait for a call it has not seen, take parts while there are any, repeat.
    private func loop() {
        ck_name_current_thread("descent-helper")
        var seen = 0
        while true {
            var polls = 0
            while ticket.load(ordering: .acquiring) >> Self.partBits == seen, polls < Self.spins {
                ck_spin_pause()
                polls += 1
            }
            condition.lock()
            while generation == seen { condition.wait() }
            seen = generation
            let work = job, parts = self.parts
            condition.unlock()
            guard let work else { continue }
            while let part = take(seen, parts) {
                work.pointee(part)
                if finished.add(1, ordering: .releasing).newValue == parts {
                    condition.lock()
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
    }
}
