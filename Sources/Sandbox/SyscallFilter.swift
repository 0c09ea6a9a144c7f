#if os(Linux)
import CSeccomp
import Glibc

/// The seccomp-bpf allowlist: every system call not named here fails with EPERM.
///
/// The list is what the Swift runtime, Foundation, Dispatch and the interpreter were seen
/// to call after warm-up (docs/sandbox.md says why each is here). Calls that only a
/// compromised process would make kill it outright, so an exploit gets no second try.
enum SyscallFilter {
    /// One allowlist entry: a call, optionally only when its arguments match.
    struct Rule {
        var name: String
        var action: UInt32 = SCMP_ACT_ALLOW
        var conditions: [scmp_arg_cmp] = []
    }

    /// Calls with no legitimate use in a kernel; reaching one means the process is compromised.
    static let killed = ["execve", "execveat", "ptrace", "process_vm_readv", "process_vm_writev"]

    /// Loads the filter on every thread; returns nil when in force, else why not.
    static func load() -> String? {
        guard seccomp_api_get() >= 3 else {
            return "libseccomp reports API level \(seccomp_api_get()); KILL_PROCESS and TSYNC need level 3"
        }
        guard let context = seccomp_init(gradus_scmp_act_errno(UInt16(EPERM))) else {
            return "seccomp_init failed"
        }
        defer { seccomp_release(context) }
        // Another architecture's numbering (i386 `int 0x80`) would bypass a native-only list.
        if let failure = check(seccomp_attr_set(context, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS), "badarch") {
            return failure
        }
        // Threads started before enter (the runtime, Dispatch) get the same filter.
        if let failure = check(seccomp_attr_set(context, SCMP_FLTATR_CTL_TSYNC, 1), "tsync") {
            return failure
        }
        for rule in rules() {
            let number = seccomp_syscall_resolve_name(rule.name)
            guard number >= 0 else { continue }  // not a system call on this architecture
            let status = rule.conditions.withUnsafeBufferPointer { conditions in
                seccomp_rule_add_array(context, rule.action, number, UInt32(conditions.count), conditions.baseAddress)
            }
            if let failure = check(status, "rule for \(rule.name)") { return failure }
        }
        return check(seccomp_load(context), "seccomp_load")
    }

    /// The allowlist, with argument conditions where a call is only safe in one form.
    static func rules() -> [Rule] {
        let pid = scmp_datum_t(getpid())
        var rules = allowed.map { Rule(name: $0) }
        rules += killed.map { Rule(name: $0, action: SCMP_ACT_KILL_PROCESS) }
        // Threads only: a clone without CLONE_THREAD (fork, vfork, posix_spawn) or with a
        // namespace flag is refused.
        rules.append(Rule(name: "clone", conditions: [
            scmp_arg_cmp(arg: 0, op: SCMP_CMP_MASKED_EQ, datum_a: threadOrNamespaceFlags, datum_b: cloneThread)
        ]))
        // glibc tries clone3 first and falls back to clone on ENOSYS; clone3 passes its flags
        // in memory, where a filter cannot look.
        rules.append(Rule(name: "clone3", action: gradus_scmp_act_errno(UInt16(ENOSYS))))
        // Signals to itself only (abort() raises SIGABRT through tgkill).
        rules.append(Rule(name: "tgkill", conditions: [scmp_arg_cmp(arg: 0, op: SCMP_CMP_EQ, datum_a: pid, datum_b: 0)]))
        rules.append(Rule(name: "kill", conditions: [scmp_arg_cmp(arg: 0, op: SCMP_CMP_EQ, datum_a: pid, datum_b: 0)]))
        // Naming threads (Dispatch and Thread do); no other prctl option.
        for option in [15, 16] {  // PR_SET_NAME, PR_GET_NAME
            rules.append(Rule(name: "prctl", conditions: [scmp_arg_cmp(arg: 0, op: SCMP_CMP_EQ, datum_a: scmp_datum_t(option), datum_b: 0)]))
        }
        // Dispatch lowering its own threads' priority for quality of service; never raising it.
        rules.append(Rule(name: "setpriority", conditions: [
            scmp_arg_cmp(arg: 0, op: SCMP_CMP_EQ, datum_a: 0, datum_b: 0),  // PRIO_PROCESS
            scmp_arg_cmp(arg: 1, op: SCMP_CMP_EQ, datum_a: 0, datum_b: 0),  // the calling thread
            scmp_arg_cmp(arg: 2, op: SCMP_CMP_LE, datum_a: 19, datum_b: 0),  // nice 0...19
        ]))
        // Reading its own limits (getrlimit is prlimit64 with no new value); never setting them.
        rules.append(Rule(name: "prlimit64", conditions: [
            scmp_arg_cmp(arg: 0, op: SCMP_CMP_EQ, datum_a: 0, datum_b: 0),
            scmp_arg_cmp(arg: 2, op: SCMP_CMP_EQ, datum_a: 0, datum_b: 0),
        ]))
        return rules
    }

    /// Calls allowed with any arguments: they act only on the process's own memory,
    /// threads, signals and descriptors it already has.
    static let allowed = [
        // Descriptors already open (the pipes to the parent).
        "read", "write", "readv", "writev", "close", "fstat", "lseek",
        "poll", "ppoll",
        // Dispatch's event loop: anonymous descriptors, no path, created lazily by its first worker.
        "epoll_create1", "epoll_ctl", "epoll_wait", "epoll_pwait", "eventfd2",
        "timerfd_create", "timerfd_settime", "timerfd_gettime",
        // Memory.
        "mmap", "munmap", "mremap", "mprotect", "madvise", "brk",
        // Threads and their synchronisation.
        "futex", "set_robust_list", "rseq", "sched_yield", "sched_getaffinity", "gettid", "getpid",
        // Time.
        "clock_gettime", "clock_getres", "gettimeofday", "clock_nanosleep", "nanosleep",
        // Signals (the runtime's crash handlers and thread stacks).
        "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack",
        // Randomness for hashing seeds and SystemRandomNumberGenerator.
        "getrandom",
        // Ending a thread or the process.
        "exit", "exit_group",
    ]

    static let cloneThread: scmp_datum_t = 0x0001_0000  // CLONE_THREAD
    /// CLONE_THREAD with CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID and NEWNET.
    static let threadOrNamespaceFlags: scmp_datum_t = 0x0001_0000 | 0x0002_0000 | 0x0200_0000
        | 0x0400_0000 | 0x0800_0000 | 0x1000_0000 | 0x2000_0000 | 0x4000_0000

    /// libseccomp returns a negated errno; nil when zero.
    private static func check(_ status: Int32, _ step: String) -> String? {
        status == 0 ? nil : systemError("seccomp \(step)", -status)
    }
}
#endif
