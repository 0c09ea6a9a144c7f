import Foundation

/// A child process started with `posix_spawn`, wired to three pipes the parent holds close-on-exec.
///
/// Foundation's `Process` leaves the parent's pipe ends inheritable, so a kernel started later
/// held copies of an earlier kernel's input and that kernel never saw its end of input; spawning
/// by hand keeps every parent end out of every child and lets the parent reap on its own terms.
final class ChildProcess: @unchecked Sendable {
    /// How the child ended.
    enum Exit: Equatable {
        case status(Int32)
        case signal(Int32)
    }

    let pid: pid_t
    /// The write end of the child's standard input.
    private(set) var input: Int32
    /// The read ends of the child's standard output and error (the latter closed by its reader).
    let output: Int32
    let errors: Int32
    private let lock = NSLock()
    private var ended: Exit?

    private init(pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
        self.errors = errors
    }

    deinit {
        _ = terminate()
        Glibc.close(output)
    }

    /// Starts `executable` with `arguments` and `environment`; signals the parent ignores or blocks
    /// (SIGPIPE, SIGINT under `serve`, SIGXCPU on a Dispatch thread) get their defaults back.
    static func spawn(_ executable: String, arguments: [String], environment: [String: String]) throws(KernelFailure) -> ChildProcess {
        var ends: [[Int32]] = []
        for _ in 0..<3 {
            var pair: [Int32] = [-1, -1]
            // pipe2 is not imported; a child spawned in the moment before FD_CLOEXEC is set closes
            // inherited pipes itself (`Sandbox.closeInheritedPipes`).
            guard pipe(&pair) == 0, fcntl(pair[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(pair[1], F_SETFD, FD_CLOEXEC) == 0 else {
                for open in ends.flatMap({ $0 }) { Glibc.close(open) }
                throw KernelFailure("cannot make a pipe: \(String(cString: strerror(errno)))")
            }
            ends.append(pair)
        }
        // The child's ends: read end of the first pipe, write ends of the other two.
        let childEnds = [ends[0][0], ends[1][1], ends[2][1]]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, fd) in childEnds.enumerated() { posix_spawn_file_actions_adddup2(&actions, fd, Int32(target)) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGXCPU, SIGXFSZ, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let failure = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        for fd in childEnds { Glibc.close(fd) }
        guard failure == 0 else {
            for fd in [ends[0][1], ends[1][0], ends[2][0]] { Glibc.close(fd) }
            throw KernelFailure("cannot start a kernel ('\(executable)'): \(String(cString: strerror(failure)))")
        }
        return ChildProcess(pid: pid, input: ends[0][1], output: ends[1][0], errors: ends[2][0])
    }

    /// Closes the child's standard input, so a kernel waiting for work ends by itself.
    func closeInput() {
        lock.withLock {
            if input >= 0 { Glibc.close(input) }
            input = -1
        }
    }

    /// Closes its input and waits up to `seconds` for it to end, then kills it.
    @discardableResult
    func finish(within seconds: Double) -> Exit {
        closeInput()
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        while DispatchTime.now().uptimeNanoseconds < deadline {
            if let exit = reap(blocking: false) { return exit }
            usleep(5_000)
        }
        return terminate()
    }

    /// Kills the child if it still runs and reaps it.
    @discardableResult
    func terminate() -> Exit {
        closeInput()
        if let exit = reap(blocking: false) { return exit }
        kill(pid, SIGKILL)
        return reap(blocking: true) ?? .signal(SIGKILL)
    }

    /// The child's end, reaping it; nil when it still runs and `blocking` is false.
    func reap(blocking: Bool) -> Exit? {
        lock.withLock {
            if let ended { return ended }
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &status, blocking ? 0 : WNOHANG) } while result < 0 && errno == EINTR
            guard result == pid else { return nil }
            // WIFSIGNALED / WTERMSIG / WEXITSTATUS are macros Swift cannot import.
            let signal = status & 0x7f
            ended = signal != 0 && signal != 0x7f ? .signal(signal) : .status((status >> 8) & 0xff)
            return ended
        }
    }
}
