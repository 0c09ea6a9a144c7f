import Foundation
import Sandbox

/// Applies the kernel's operating-system limits before it reads any lesson.
enum KernelSandbox {
    /// Descriptors a kernel may hold: its three pipes and the runtime's few, with room to spare.
    static let openFiles = 16

    /// Locks the process down; returns the layers that could not be applied, each with why.
    static func enter(_ limits: KernelLimits) -> [String] {
        Sandbox.closeInheritedPipes()
        let policy = SandboxPolicy(memoryBytes: limits.memoryBytes, cpuSeconds: limits.cpuSeconds,
                                   openFiles: openFiles, network: false)
        return Sandbox.enter(policy).missing.map { "\($0.layer): \($0.reason)" }
    }
}
