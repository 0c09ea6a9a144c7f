import Foundation

/// Test-only attempts at what the sandbox forbids, made from inside a running kernel.
enum KernelProbe {
    /// Tries `action` and says `allowed` or `refused: REASON`.
    static func attempt(_ action: String) -> String {
        let words = action.split(separator: " ", maxSplits: 1).map(String.init)
        switch words.first ?? "" {
        case "open-file":
            let fd = open(words.count > 1 ? words[1] : "/etc/hostname", O_RDONLY)
            return outcome(fd >= 0, close: fd)
        case "write-file":
            let fd = open(words.count > 1 ? words[1] : "/tmp/gradus-kernel-probe", O_WRONLY | O_CREAT, 0o600)
            return outcome(fd >= 0, close: fd)
        case "socket":
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            return outcome(fd >= 0, close: fd)
        case "fork":
            let pid = fork()
            if pid == 0 { _exit(0) }
            if pid > 0 { waitpid(pid, nil, 0) }
            return outcome(pid > 0, close: -1)
        case "exec":
            let result = execv("/bin/true", [strdup("/bin/true"), nil])
            return outcome(result == 0, close: -1)
        default:
            return "unknown probe '\(action)'"
        }
    }

    private static func outcome(_ succeeded: Bool, close fd: Int32) -> String {
        if succeeded {
            if fd >= 0 { Glibc.close(fd) }
            return "allowed"
        }
        return "refused: \(String(cString: strerror(errno)))"
    }
}
