import Foundation
import Lessons
import Snippets

/// One running kernel as the parent sees it: a child process, a pipe each way, and its last words.
final class KernelProcess {
    let limits: KernelLimits
    /// The sandbox layers the kernel said it could not apply.
    private(set) var missing: [String] = []
    private let child: ChildProcess
    private var reader: FrameReader
    private let errors: TailBuffer
    /// Jobs this kernel has finished, so a long-lived kernel can be retired.
    var jobsRun = 0

    private init(child: ChildProcess, limits: KernelLimits) {
        self.child = child
        self.reader = FrameReader(fd: child.output)
        self.errors = TailBuffer(reading: child.errors)
        self.limits = limits
    }

    /// Starts `executable arguments…` with `limits` and waits for it to say it is ready.
    static func start(executable: String, arguments: [String], limits: KernelLimits) throws(KernelFailure) -> KernelProcess {
        // Swift's backtracer would start a helper process (the sandbox forbids it) and take seconds
        // to symbolicate a crash nobody reads: the parent only needs the signal and the last words.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        // glibc gives each new thread its own malloc arena and reserves 64 MiB of address space for
        // it. Under load Dispatch starts many workers for Descent's parallel runs and kernels; their
        // arenas counted against the kernel's RLIMIT_AS until an allocation failed and the Swift
        // runtime trapped (SIGILL in a cell that used little memory). Two arenas serve two cores.
        environment["MALLOC_ARENA_MAX"] = "2"
        let child = try ChildProcess.spawn(executable, arguments: arguments + limits.arguments, environment: environment)
        let kernel = KernelProcess(child: child, limits: limits)
        switch kernel.next(deadline: DispatchTime.now().uptimeNanoseconds + 60_000_000_000) {
        case let .success(.ready(missing)):
            kernel.missing = missing
            return kernel
        case .success:
            kernel.kill()
            throw KernelFailure("a kernel did not start as expected: it spoke before saying it was ready")
        case let .failure(failure):
            throw KernelFailure("a kernel did not start: \(kernel.describe(failure))")
        }
    }

    /// Sends a request; false when the kernel is gone.
    func send(_ request: KernelRequest) -> Bool {
        guard let bytes = try? Framing.encode(request) else { return false }
        return Framing.write(bytes, to: child.input)
    }

    /// The next event, or why none came before `deadline` (uptime nanoseconds).
    func next(deadline: UInt64?) -> Result<KernelEvent, FrameReader.Failure> {
        switch reader.next(deadline: deadline) {
        case let .success(body):
            guard let event = try? Framing.decode(KernelEvent.self, from: body) else {
                return .failure(.garbage("a message that is not a kernel event"))
            }
            return .success(event)
        case let .failure(failure):
            return .failure(failure)
        }
    }

    /// Kills the kernel and waits for it, so no process outlives its use.
    func kill() {
        child.terminate()
    }

    /// Closes its input, so an idle kernel ends by itself; kills it if it has not ended within 2 s.
    func close() {
        child.finish(within: 2)
    }

    /// Why the kernel stopped answering, in words for the cell it was running.
    func describe(_ failure: FrameReader.Failure) -> String {
        switch failure {
        case .timedOut:
            kill()
            return "it stopped answering past the cell's time limit and was stopped"
        case let .garbage(what):
            kill()
            return "it sent \(what) instead of a result"
        case .closed:
            return exitDescription()
        }
    }

    /// `signal 11 (segmentation fault)` or `exit status 3`, with the last line it wrote on standard error.
    private func exitDescription() -> String {
        var text: String
        switch child.terminate() {
        case let .signal(signal):
            text = "signal \(signal) (\(Self.name(ofSignal: signal)))"
        case let .status(status):
            text = "it exited with status \(status)"
        }
        let last = errors.lastLine()
        if let last { text += "; it said: \(last)" }
        if let last, last.localizedCaseInsensitiveContains("alloc") || last.localizedCaseInsensitiveContains("memory") {
            text += Self.memoryHint(limits)
        }
        return text
    }

    static func name(ofSignal signal: Int32) -> String {
        switch signal {
        case SIGSEGV: "segmentation fault"
        case SIGILL: "illegal instruction, a runtime trap"
        case SIGTRAP: "a runtime trap"
        case SIGABRT: "aborted"
        case SIGKILL: "killed"
        case SIGXCPU: "processor time limit exceeded"
        case SIGBUS: "bus error"
        case SIGFPE: "arithmetic exception"
        case SIGSYS: "a forbidden system call"
        default: strsignal(signal).map { String(cString: $0).lowercased() } ?? "unknown signal"
        }
    }

    private static func memoryHint(_ limits: KernelLimits) -> String {
        let size = MemorySize.describe(limits.memoryBytes)
        return " — perhaps out of memory: kernels may use \(size) (raise it with `memory:` in the front matter)"
    }
}

/// A kernel could not be started or used at all.
struct KernelFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Keeps the last few KiB a child writes to a pipe, read on a thread of its own so the child never blocks.
final class TailBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var tail: [UInt8] = []
    private static let keep = 4096
    private let ended = DispatchSemaphore(value: 0)

    init(reading fd: Int32) {
        Thread { [self] in
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 {
                    close(fd)
                    ended.signal()
                    break
                }
                lock.withLock {
                    tail.append(contentsOf: chunk[0..<count])
                    if tail.count > Self.keep { tail.removeFirst(tail.count - Self.keep) }
                }
            }
        }.start()
    }

    /// The last line that reads as an error message (`Fatal error: …`), if any, made readable;
    /// a trap report (`TrapReport`) is the kernel's very last words and wins.
    func lastLine() -> String? {
        // The child has ended when this is asked; give the reader a moment to drain the pipe.
        if ended.wait(timeout: .now() + 0.5) == .success { ended.signal() }
        let text = lock.withLock { String(decoding: tail, as: UTF8.self) }
        let lines = text.split(whereSeparator: \.isNewline)
        let line = lines.last { $0.hasPrefix(TrapReport.prefix) }.flatMap { TrapReport.readable(String($0)) }
            ?? lines.last { $0.localizedCaseInsensitiveContains("error") }.map(String.init)
        return line.map { String($0.trimmingCharacters(in: .whitespaces).prefix(400)) }
    }
}
