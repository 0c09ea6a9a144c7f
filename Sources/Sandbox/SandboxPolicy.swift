/// What a worker process may use once it has entered the sandbox.
///
/// The parent sends this to a kernel before any lesson, so it is Codable; every field
/// has a default so a policy can be written as `SandboxPolicy()` plus what differs.
public struct SandboxPolicy: Codable, Sendable, Equatable {
    /// Address space in bytes (`RLIMIT_AS`): allocations beyond it fail instead of swapping the machine.
    public var memoryBytes: Int
    /// CPU seconds the process may use from `Sandbox.enter` on (`RLIMIT_CPU`); nil leaves CPU time unlimited.
    ///
    /// At the limit the kernel sends SIGXCPU, one second later SIGKILL, so a process that
    /// ignores the first signal still ends.
    public var cpuSeconds: Int?
    /// The smallest file-descriptor limit (`RLIMIT_NOFILE`); raised to cover descriptors already open.
    public var openFiles: Int
    /// Whether the process keeps the network; false moves it into a fresh, empty network namespace.
    public var network: Bool

    public static let defaultMemoryBytes = 2 << 30
    public static let defaultOpenFiles = 16

    public init(
        memoryBytes: Int = SandboxPolicy.defaultMemoryBytes,
        cpuSeconds: Int? = nil,
        openFiles: Int = SandboxPolicy.defaultOpenFiles,
        network: Bool = false
    ) {
        self.memoryBytes = memoryBytes
        self.cpuSeconds = cpuSeconds
        self.openFiles = openFiles
        self.network = network
    }
}

/// One independent protection `Sandbox.enter` applies; each can be missing on its own.
public enum SandboxLayer: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// `RLIMIT_AS`: the address-space cap.
    case memory
    /// `RLIMIT_CPU`: the CPU-time cap (only when the policy sets one).
    case cpu
    /// `RLIMIT_FSIZE` 0: no file can grow, even through a descriptor opened earlier.
    case fileSize
    /// `RLIMIT_NOFILE`: few descriptors.
    case openFiles
    /// `RLIMIT_CORE` 0: a crash leaves no core file with the process's memory in it.
    case coreDumps
    /// `PR_SET_NO_NEW_PRIVS`: no set-uid or file-capability gain, ever, for this process and its threads.
    case noNewPrivileges
    /// A fresh network namespace with no interfaces (only when the policy refuses the network).
    case networkNamespace
    /// The seccomp-bpf system-call allowlist.
    case syscallFilter

    public var description: String {
        switch self {
        case .memory: "address-space limit (RLIMIT_AS)"
        case .cpu: "CPU-time limit (RLIMIT_CPU)"
        case .fileSize: "file-size limit 0 (RLIMIT_FSIZE)"
        case .openFiles: "open-file limit (RLIMIT_NOFILE)"
        case .coreDumps: "no core dumps (RLIMIT_CORE)"
        case .noNewPrivileges: "no new privileges (PR_SET_NO_NEW_PRIVS)"
        case .networkNamespace: "empty network namespace"
        case .syscallFilter: "system-call allowlist (seccomp)"
        }
    }
}

/// What `Sandbox.enter` managed to apply and, for each layer it could not, why.
public struct SandboxReport: Sendable, Equatable, Codable {
    /// A layer that is not in force, with the operating system's reason.
    public struct Missing: Sendable, Equatable, Codable {
        public var layer: SandboxLayer
        public var reason: String

        public init(layer: SandboxLayer, reason: String) {
            self.layer = layer
            self.reason = reason
        }
    }

    public var applied: [SandboxLayer] = []
    public var missing: [Missing] = []

    public init(applied: [SandboxLayer] = [], missing: [Missing] = []) {
        self.applied = applied
        self.missing = missing
    }

    /// True when every layer the policy asked for is in force (what `--require-sandbox` needs).
    public var isComplete: Bool { missing.isEmpty }

    /// The reason `layer` is missing, or nil when it was applied or not asked for.
    public func reason(_ layer: SandboxLayer) -> String? {
        missing.first { $0.layer == layer }?.reason
    }

    /// One line per missing layer, for the kernel to print once on stderr; empty when complete.
    public var missingSummary: String {
        missing.map { "sandbox: no \($0.layer): \($0.reason)" }.joined(separator: "\n")
    }

    mutating func record(_ layer: SandboxLayer, failure: String?) {
        if let failure {
            missing.append(Missing(layer: layer, reason: failure))
        } else {
            applied.append(layer)
        }
    }
}
