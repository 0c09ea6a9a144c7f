import Foundation

/// One thread with a large stack that runs a lesson's cells one after another.
///
/// Deep recursion in a cell needs a large stack, and a stack is address space: under a kernel's
/// memory limit a fresh 512 MiB stack per cell (while the last one is still being torn down) can
/// fail to map. One thread per run reserves the stack once.
final class CellThread: @unchecked Sendable {
    /// The stack every cell runs on; the interpreter's depth limit is chosen to fit in it.
    static let stackSize = 1 << 29

    private let condition = NSCondition()
    private var work: (() -> Void)?
    private var closed = false

    init() {
        let thread = Thread { [self] in loop() }
        thread.stackSize = Self.stackSize
        thread.start()
    }

    /// Runs `body` on the thread once the previous body has returned.
    func submit(_ body: @escaping () -> Void) {
        condition.withLock {
            work = body
            condition.signal()
        }
    }

    /// Lets the thread end after the current body.
    func close() {
        condition.withLock {
            closed = true
            condition.signal()
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while work == nil && !closed { condition.wait() }
            guard let body = work else {
                condition.unlock()
                return
            }
            work = nil
            condition.unlock()
            body()
        }
    }
}
