import Foundation

#if os(Linux)
import Glibc
#endif

/// What one probe action reported: the stdout line and the exit status.
public struct Outcome: Sendable {
    public var line: String
    public var status: Int32

    public init(line: String, status: Int32) {
        self.line = line
        self.status = status
    }

    public static func ok(_ detail: String = "") -> Outcome {
        Outcome(line: detail.isEmpty ? "ok" : "ok \(detail)", status: 0)
    }

    /// A refused call, worded like the kernel's message: "refused: open: Operation not permitted".
    public static func refused(_ call: String, _ code: Int32 = errno) -> Outcome {
        Outcome(line: "refused: \(call): \(String(cString: strerror(code)))", status: 3)
    }
}

/// The actions a probe can try inside the sandbox, one per layer the tests check.
///
/// Test-only: `sandbox-probe` runs them in a process of its own, and a kernel's probe request
/// runs them from inside a real kernel.
public enum ProbeAction {
    public static func run(_ action: String, _ argument: String, preopened: Int32) -> Outcome {
        switch action {
        case "open-file":
            let fd = open(argument, O_RDONLY)
            return fd >= 0 ? .ok("fd \(fd)") : .refused("open")
        case "write-file":
            guard preopened >= 0 else { return .refused("open before entering") }
            return write(preopened, "x", 1) == 1 ? .ok() : .refused("write")
        case "socket":
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            return fd >= 0 ? .ok("fd \(fd)") : .refused("socket")
        case "exec":
            let path = "/bin/true"
            var argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
            execv(path, &argv)
            return .refused("execv")
        case "fork":
            let child = fork()
            if child == 0 { _exit(0) }
            return child > 0 ? .ok("child \(child)") : .refused("fork")
        case "spawn":
            // posix_spawn is glibc's clone(CLONE_VM|CLONE_VFORK), a different path from fork.
            var child: pid_t = 0
            let path = "/bin/true"
            var argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
            let status = posix_spawn(&child, path, nil, nil, &argv, nil)
            return status == 0 ? .ok("child \(child)") : .refused("posix_spawn", status)
        case "thread":
            return Workload.threads()
        case "allocate":
            guard let bytes = Int(argument), let memory = malloc(bytes) else { return .refused("malloc") }
            free(memory)
            return .ok("\(argument) bytes")
        case "cpu-spin":
            var x: UInt64 = 1
            while x != 0 { x = x &* 6364136223846793005 &+ 1442695040888963407 }
            return .ok("\(x)")
        case "json":
            return Workload.json()
        case "print":
            return Workload.printing()
        case "workload":
            return Workload.all()
        case "crash":
            fatalError("sandbox-probe: deliberate crash")
        case "report":
            return .ok()
        case "wait":
            // Blocks until stdin closes, so a test can inspect /proc/PID from outside meanwhile.
            var byte: UInt8 = 0
            while read(0, &byte, 1) > 0 {}
            return .ok()
        default:
            return Outcome(line: "unknown action \(action)", status: 2)
        }
    }
}
