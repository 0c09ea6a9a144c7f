#if os(Linux)
import CSeccomp
import Glibc

/// The `setrlimit` layers and no-new-privileges: each returns nil when applied, else the reason.
enum ResourceLimits {
    /// Lowers soft and hard limit of `resource` to `value` (or to the current hard limit if that is lower).
    ///
    /// Lowering the hard limit is what makes it stick: an unprivileged process cannot raise it
    /// again, and the system-call filter stops even root from trying.
    static func set(_ resource: __rlimit_resource, to value: Int) -> String? {
        set(resource, soft: rlim_t(max(0, value)), hard: rlim_t(max(0, value)))
    }

    /// A limit that signals (RLIMIT_FSIZE's SIGXFSZ, RLIMIT_CPU's SIGXCPU), with the signal's default action restored.
    ///
    /// Ignored signals and the blocked mask are inherited across exec (a parent spawning from
    /// a Dispatch worker passes on a mask that blocks nearly everything), so without this the
    /// same kernel would die or merely see EFBIG depending on who started it.
    static func set(_ resource: __rlimit_resource, to value: Int, signal number: Int32) -> String? {
        restoreDefaultAction(number) ?? set(resource, to: value)
    }

    /// SIG_DFL for `number` (a zeroed sigaction), unblocked on the calling thread.
    ///
    /// Threads started later inherit the caller's mask; threads already running keep theirs.
    private static func restoreDefaultAction(_ number: Int32) -> String? {
        var action = sigaction()
        guard sigaction(number, &action, nil) == 0 else { return systemError("sigaction") }
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        let status = pthread_sigmask(SIG_UNBLOCK, &set, nil)
        return status == 0 ? nil : systemError("pthread_sigmask", status)
    }

    /// CPU time counts from process start, so the budget is added to what was already used.
    static func setCPU(seconds: Int) -> String? {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return systemError("getrusage") }
        let microseconds = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000
            + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
        let used = (microseconds + 999_999) / 1_000_000
        let soft = rlim_t(max(0, used) + max(1, seconds))
        return restoreDefaultAction(SIGXCPU) ?? set(RLIMIT_CPU, soft: soft, hard: soft + 1)
    }

    /// The descriptor limit, raised to one above the highest descriptor already open.
    ///
    /// The limit only bounds new descriptor numbers, so it must clear the pipes and whatever
    /// the runtime opened before `enter`, or `dup2` and friends in the kernel would fail.
    static func setOpenFiles(atLeast minimum: Int) -> String? {
        let limit = max(minimum, highestOpenDescriptor() + 1)
        return set(RLIMIT_NOFILE, to: limit)
    }

    /// `PR_SET_NO_NEW_PRIVS`: exec can never grant privileges again (and unprivileged seccomp needs it).
    static func forbidNewPrivileges() -> String? {
        gradus_set_no_new_privs() == 0 ? nil : systemError("prctl(PR_SET_NO_NEW_PRIVS)")
    }

    private static func set(_ resource: __rlimit_resource, soft: rlim_t, hard: rlim_t) -> String? {
        var current = rlimit()
        guard getrlimit(__rlimit_resource_t(resource.rawValue), &current) == 0 else { return systemError("getrlimit") }
        let hardLimit = min(hard, current.rlim_max)
        var limit = rlimit(rlim_cur: min(soft, hardLimit), rlim_max: hardLimit)
        return setrlimit(__rlimit_resource_t(resource.rawValue), &limit) == 0 ? nil : systemError("setrlimit")
    }

    /// The highest open descriptor, from /proc/self/fd, else by asking each number below 1024.
    private static func highestOpenDescriptor() -> Int {
        var highest = 2
        if let directory = opendir("/proc/self/fd") {
            defer { closedir(directory) }
            let own = Int(dirfd(directory))
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if let fd = Int(name), fd != own { highest = max(highest, fd) }
            }
            return highest
        }
        for fd in 0..<1024 where fcntl(Int32(fd), F_GETFD) != -1 {
            highest = fd
        }
        return highest
    }
}

/// The reason a call failed, as "call: message" from errno.
func systemError(_ call: String, _ code: Int32 = errno) -> String {
    "\(call): \(String(cString: strerror(code)))"
}
#endif
