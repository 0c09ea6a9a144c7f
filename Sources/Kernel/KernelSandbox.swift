import Foundation

/// Applies the kernel's operating-system limits before it reads any lesson.
enum KernelSandbox {
    /// Locks the process down; returns the layers that could not be applied, each with why.
    static func enter(_ limits: KernelLimits) -> [String] {
        var missing: [String] = []
        func limit(_ resource: Int32, _ value: Int, _ name: String) {
            var bound = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
            if setrlimit(__rlimit_resource_t(UInt32(resource)), &bound) != 0 {
                missing.append("\(name): \(String(cString: strerror(errno)))")
            }
        }
        limit(Int32(RLIMIT_AS.rawValue), limits.memoryBytes, "RLIMIT_AS")
        limit(Int32(RLIMIT_CORE.rawValue), 0, "RLIMIT_CORE")
        limit(Int32(RLIMIT_FSIZE.rawValue), 0, "RLIMIT_FSIZE")
        limit(Int32(RLIMIT_CPU.rawValue), limits.cpuSeconds, "RLIMIT_CPU")
        return missing
    }
}
