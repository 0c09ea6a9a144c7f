#if os(Linux)
import CSeccomp
import Glibc
#endif

/// Locks the calling process down before it runs untrusted lesson code.
///
/// A kernel calls `enter` once, after warming up everything that needs the file system
/// (see docs/sandbox.md) and before reading any lesson. Nothing here can be undone: the
/// limits are lowered hard and soft, and the system-call filter forbids raising them.
public enum Sandbox {
    /// Applies every layer it can, in an order where each step still has the calls it needs.
    ///
    /// Limits, no-new-privileges and the namespace come first because the filter refuses
    /// `setrlimit`, `prctl` and `unshare`; the filter comes last. A layer that fails is
    /// recorded in the report with the system's reason and the others still apply, so a
    /// container that forbids seccomp or namespaces still gets the resource limits.
    public static func enter(_ policy: SandboxPolicy) -> SandboxReport {
        #if os(Linux)
        var report = SandboxReport()
        report.record(.memory, failure: ResourceLimits.set(RLIMIT_AS, to: policy.memoryBytes))
        if let seconds = policy.cpuSeconds {
            report.record(.cpu, failure: ResourceLimits.setCPU(seconds: seconds))
        }
        report.record(.fileSize, failure: ResourceLimits.set(RLIMIT_FSIZE, to: 0, signal: SIGXFSZ))
        report.record(.openFiles, failure: ResourceLimits.setOpenFiles(atLeast: policy.openFiles))
        report.record(.coreDumps, failure: ResourceLimits.set(RLIMIT_CORE, to: 0))
        report.record(.noNewPrivileges, failure: ResourceLimits.forbidNewPrivileges())
        if !policy.network {
            report.record(.networkNamespace, failure: NetworkNamespace.enter())
        }
        report.record(.syscallFilter, failure: SyscallFilter.load())
        return report
        #else
        let reason = "sandboxing is implemented for Linux only"
        var layers: [SandboxLayer] = [.memory, .fileSize, .openFiles, .coreDumps, .noNewPrivileges, .syscallFilter]
        if policy.cpuSeconds != nil { layers.insert(.cpu, at: 1) }
        if !policy.network { layers.append(.networkNamespace) }
        return SandboxReport(missing: layers.map { .init(layer: $0, reason: reason) })
        #endif
    }
}

#if os(Linux)
/// Moves the process into a fresh network namespace: no interfaces, not even loopback up.
enum NetworkNamespace {
    static let newNet: Int32 = 0x4000_0000   // CLONE_NEWNET
    static let newUser: Int32 = 0x1000_0000  // CLONE_NEWUSER

    /// Unshares the network namespace; returns nil when in force, else why not.
    ///
    /// Namespaces belong to a thread, not to the process, so a namespace entered while
    /// other threads run would leave them (and threads they start) on the host network.
    /// The layer is therefore only applied single-threaded; the system-call filter still
    /// refuses sockets either way. As root (or with CAP_SYS_ADMIN) a network namespace is
    /// enough; unprivileged, a user namespace around it grants the right to create it.
    static func enter() -> String? {
        let threads = threadCount()
        if threads > 1 {
            return "\(threads) threads are already running and a namespace would cover only the calling one; "
                + "call Sandbox.enter before starting any thread"
        }
        if gradus_unshare(newNet) == 0 { return nil }
        let privileged = systemError("unshare(CLONE_NEWNET)")
        if gradus_unshare(newUser | newNet) == 0 { return nil }
        return "\(privileged); unshare(CLONE_NEWUSER|CLONE_NEWNET): \(String(cString: strerror(errno)))"
    }

    /// The number of threads in this process, from /proc/self/task (1 if it cannot be read).
    static func threadCount() -> Int {
        guard let directory = opendir("/proc/self/task") else { return 1 }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            if entry.pointee.d_name.0 != 0x2E { count += 1 }  // skip "." and ".."
        }
        return max(1, count)
    }
}
#endif
