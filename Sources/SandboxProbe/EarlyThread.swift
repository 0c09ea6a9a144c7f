import Foundation
import Sandbox

/// A thread started before `Sandbox.enter` that later runs one piece of work.
final class EarlyThread: @unchecked Sendable {
    private let start = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var work: (() -> Outcome)?
    private var outcome = Outcome(line: "early thread did not run", status: 1)

    init() {
        let thread = Thread { [self] in
            start.wait()
            if let work { outcome = work() }
            finished.signal()
        }
        thread.start()
    }

    /// Hands `work` to the waiting thread and returns what it produced.
    func run(_ work: @escaping () -> Outcome) -> Outcome {
        self.work = work
        start.signal()
        finished.wait()
        return outcome
    }
}
