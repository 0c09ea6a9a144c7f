import Foundation
import Sandbox
import Testing

/// The resource limits, read back from /proc and shown to bite.
@Suite struct LimitTests {
    @Test func theKernelSeesEveryLayer() throws {
        let memory: UInt64 = 1 << 30
        try Inspection.with(["--memory", "\(memory)", "--cpu", "5", "--files", "16"]) { probe in
            #expect(probe.report.contains("applied: "), "\(probe.report)")
            #expect(try probe.limit("Max address space") == (memory, memory))
            #expect(try probe.limit("Max file size") == (0, 0))
            #expect(try probe.limit("Max core file size") == (0, 0))
            // The policy's 16, or one above the highest descriptor the probe holds (a parent
            // spawning from many threads can leak its pipes into the child).
            let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(probe.pid)/fd").compactMap { UInt64($0) }
            let expected = max(16, (descriptors.max() ?? 2) + 1)
            #expect(try probe.limit("Max open files") == (expected, expected), "descriptors \(descriptors.sorted())")
            // CPU counts from process start: 5 s plus at most the one second already begun.
            let cpu = try probe.limit("Max cpu time")
            #expect((5...6).contains(cpu.soft ?? 0) && cpu.hard == cpu.soft.map { $0 + 1 }, "\(cpu)")
            #expect(try probe.status("NoNewPrivs") == "1")
            if probe.report.contains("missing syscallFilter") {
                print("skipped the seccomp check: \(probe.report)")
            } else {
                #expect(try probe.status("Seccomp") == "2")  // SECCOMP_MODE_FILTER
            }
        }
    }

    @Test func aFreshNetworkNamespace() throws {
        let own = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/net")
        try Inspection.with(["--network"]) { probe in
            let namespace = try probe.networkNamespace()
            #expect(namespace == own, "network: true must keep the host network")
        }
        try Inspection.with([]) { probe in
            if let line = probe.report.split(separator: "\n").first(where: { $0.hasPrefix("missing networkNamespace") }) {
                print("skipped: \(line)")
                try Test.cancel("\(line)")
            }
            #expect(try probe.networkNamespace() != own)
        }
    }

    @Test func allocatingPastTheMemoryLimitFails() throws {
        let control = try Probe.run(["allocate", "\(1 << 30)"])
        #expect(control.line == "ok \(1 << 30) bytes", "1 GiB fits under the default 2 GiB: \(control)")

        let inside = try Probe.run(["--memory", "\(2 << 30)", "allocate", "\(3 << 30)"])
        try inside.require(.memory)
        #expect(inside.line == "refused: malloc: Cannot allocate memory")
        #expect(inside.status == 3 && inside.signal == nil)
    }

    @Test func spinningPastTheCPULimitIsKilled() throws {
        let inside = try Probe.run(["--cpu", "1", "cpu-spin"], deadline: 20)
        try inside.require(.cpu)
        // SIGXCPU at the soft limit; SIGKILL a second later if it were ignored. The watchdog's
        // SIGTERM would mean the limit never fired.
        #expect(inside.signal == SIGXCPU || inside.signal == SIGKILL, "\(inside)")
        // At most 2 CPU seconds; wall time is looser because the machine is shared.
        #expect(inside.seconds < 10, "took \(inside.seconds) s")
    }

    @Test func descriptorsAlreadyOpenStayUsable() throws {
        // A limit below the open descriptors is raised to cover them, so the pipes still work.
        let inside = try Probe.run(["--files", "1", "json"])
        try inside.require(.openFiles)
        #expect(inside.line.hasPrefix("ok "), "\(inside)")
    }
}
