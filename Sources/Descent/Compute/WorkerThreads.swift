import CKernels
import Foundation

/// Runs jobs on the calling thread and on threads started for the call, never on Dispatch's.
///
/// libdispatch on Linux watches its global worker pool once a second while work waits, reading
/// each worker's `/proc/<tid>/stat`; when the file cannot be opened it traps ("workq: registered
/// worker exited prematurely", a bare SIGILL). A sandboxed kernel may not open files, so kernels
/// running a comparison under load died of it (the kernel's trap report named
/// `_dispatch_workq_monitor_pools`). Threads started here are ones libdispatch never watches.
/// Starting one costs tens of microseconds, so this serves coarse jobs (whole training runs).
enum WorkerThreads {
    /// The name of the threads started here (at most 15 bytes, the operating system's limit).
    static let name = "descent-worker"
    /// A Dispatch worker's stack on Linux; jobs never run interpreted code, which stays on the cell's thread.
    static let stackSize = 8 << 20

    /// Calls `job(i)` for every `i` in `0..<count`, on at most `width` threads (the caller's included),
    /// and returns when all have finished. Which thread runs which index depends on timing, so jobs
    /// must be independent and write only their own results.
    static func run(_ count: Int, width: Int, _ job: (Int) -> Void) {
        let helpers = Swift.min(width, count) - 1
        guard helpers > 0 else {
            for index in 0..<count { job(index) }
            return
        }
        let indices = IndexDealer(count: count)
        let finished = DispatchSemaphore(value: 0)
        withoutActuallyEscaping(job) { job in
            // The started threads get a pointer to the closure, not a reference: a finished thread
            // may outlive this call for a moment, and must not still hold the closure when
            // `withoutActuallyEscaping` checks that it did not escape.
            withUnsafePointer(to: job) { pointer in
                let shared = UncheckedSendable(pointer)
                for _ in 0..<helpers {
                    let thread = Thread {
                        // Named for the operating system (`ps -L`, a debugger, the tests); a new thread
                        // would otherwise keep its creator's name, e.g. a Dispatch worker's.
                        ck_name_current_thread(name)
                        while let index = indices.next() { shared.value.pointee(index) }
                        finished.signal()
                    }
                    thread.stackSize = stackSize
                    thread.start()
                }
                while let index = indices.next() { job(index) }
                for _ in 0..<helpers { finished.wait() }
            }
        }
    }
}

/// Hands out `0..<count` once each to whichever thread asks next.
private final class IndexDealer: @unchecked Sendable {
    private let lock = NSLock()
    private var following = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard following < count else { return nil }
            defer { following += 1 }
            return following
        }
    }
}
