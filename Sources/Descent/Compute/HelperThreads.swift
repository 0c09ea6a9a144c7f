import CKernels
import Foundation
import Synchronization

/// Threads of Descent's own that take a share of one kernel call, started once and kept.
///
/// Element-wise kernels and matrix products split their output into fixed chunks; the caller
/// computes chunk 0 and the helpers the others. Dispatch did this before, but a sandboxed
/// kernel cannot use Dispatch's pool (see `WorkerThreads`), and handing a chunk to a sleeping
/// Dispatch worker cost more than a small product saved. A helper spins briefly for the next
/// call before it sleeps, so back-to-back kernels of a training step hand over in well under
/// a microsecond, while an idle helper costs nothing.
///
/// One pool serves the process. Calls are serialized: a caller that finds the pool busy (two
/// runs side by side, each splitting its kernels) computes every chunk itself, which gives the
/// same bits, since chunks never depend on who computes them.
final class HelperThreads: @unchecked Sendable {
    /// The pool for this process: one helper per extra core, at most `maxHelpers`.
    static let shared = HelperThreads(helpers: Swift.min(maxHelpers, Swift.max(0, ProcessInfo.processInfo.activeProcessorCount - 1)))
    static let maxHelpers = 7
    /// How long a helper polls for the next call before it sleeps, in polls (a few microseconds).
    static let spins = 20_000

    let helpers: Int
    private let busy = NSLock()
    private let condition = NSCondition()
    /// Bumped for every call; a helper runs each generation once.
    private var generation = 0
    private var job: UnsafePointer<(Int) -> Void>?
    /// Helpers 1...active have a part in the current call.
    private var active = 0
    private var unfinished = 0
    /// The latest generation, read without the lock by spinning helpers (the lock decides).
    private let posted = Atomic<Int>(0)
    private var started = false

    private init(helpers: Int) { self.helpers = helpers }

    /// Calls `body(part)` for every part in `0..<parts`, part 0 on the calling thread, and returns when
    /// all are done. With no helpers, or the pool busy with another caller, every part runs here.
    func run(parts: Int, _ body: (Int) -> Void) {
        let helping = Swift.min(helpers, parts - 1)
        guard helping > 0, busy.try() else {
            for part in 0..<parts { body(part) }
            return
        }
        defer { busy.unlock() }
        startIfNeeded()
        withoutActuallyEscaping(body) { body in
            withUnsafePointer(to: body) { pointer in
                condition.lock()
                job = pointer
                active = helping
                unfinished = helping
                generation += 1
                posted.store(generation, ordering: .releasing)
                condition.broadcast()
                condition.unlock()
                // Parts beyond the helpers' (more parts than threads) are the caller's too.
                body(0)
                for part in stride(from: helping + 1, to: parts, by: 1) { body(part) }
                condition.lock()
                while unfinished > 0 { condition.wait() }
                job = nil
                condition.unlock()
            }
        }
    }

    private func startIfNeeded() {
        guard !started else { return }
        started = true
        for helper in 1...helpers {
            let thread = Thread { [self] in loop(helper) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// A helper's life: wait for a generation it has not seen, run its part if it has one, report, repeat.
    private func loop(_ part: Int) {
        ck_name_current_thread("descent-helper")
        var seen = 0
        while true {
            var polls = 0
            while posted.load(ordering: .acquiring) == seen, polls < Self.spins { polls += 1 }
            condition.lock()
            while generation == seen { condition.wait() }
            seen = generation
            let work = part <= active ? job : nil
            condition.unlock()
            guard let work else { continue }
            work.pointee(part)
            condition.lock()
            unfinished -= 1
            if unfinished == 0 { condition.broadcast() }
            condition.unlock()
        }
    }
}
