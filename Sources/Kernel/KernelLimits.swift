import Foundation

/// The operating-system limits a kernel runs under, chosen by the parent and given on its command line.
public struct KernelLimits: Sendable, Hashable, Codable {
    /// The address-space limit (`RLIMIT_AS`) in bytes: the kernel's whole memory, interpreter included.
    public var memoryBytes: Int
    /// The processor-time limit (`RLIMIT_CPU`) in seconds over the kernel's life; the parent's
    /// per-cell deadline is what stops a loop, this is the backstop if the parent cannot.
    public var cpuSeconds: Int

    /// 2 GiB and one hour of processor time.
    public static let standard = KernelLimits(memoryBytes: 2 << 30, cpuSeconds: 3600)

    public init(memoryBytes: Int, cpuSeconds: Int) {
        self.memoryBytes = memoryBytes
        self.cpuSeconds = cpuSeconds
    }

    /// The arguments that give these limits to `gradus kernel`.
    var arguments: [String] { ["--memory", String(memoryBytes), "--cpu", String(cpuSeconds)] }
}
