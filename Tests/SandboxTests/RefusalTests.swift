import Foundation
import Sandbox
import Testing

/// What the system-call filter refuses, each beside the same action without the sandbox.
///
/// The unsandboxed control shows the action itself works on this machine, so a refusal
/// inside is the sandbox's doing and the test would fail if the layer stopped working.
@Suite struct RefusalTests {
    let eperm = "Operation not permitted"

    @Test func openingAFileIsRefused() throws {
        let file = try Probe.readableFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let control = try Probe.run(["--no-sandbox", "open-file", file.path])
        #expect(control.line.hasPrefix("ok fd "), "\(control)")

        let inside = try Probe.run(["open-file", file.path])
        try inside.require(.syscallFilter)
        #expect(inside.line == "refused: open: \(eperm)")
        #expect(inside.status == 3 && inside.signal == nil)
    }

    @Test func aThreadStartedBeforeEnteringIsFilteredToo() throws {
        let file = try Probe.readableFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let control = try Probe.run(["--no-sandbox", "--early-thread", "open-file", file.path])
        #expect(control.line.hasPrefix("ok fd "), "\(control)")

        let inside = try Probe.run(["--early-thread", "open-file", file.path])
        try inside.require(.syscallFilter)
        #expect(inside.line == "refused: open: \(eperm)")
        // The namespace is per thread, so with a second thread running it must say it is missing.
        #expect(!inside.applied.contains(.networkNamespace))
        #expect(inside.missing(.networkNamespace)?.contains("threads are already running") == true, "\(inside.stderr)")
    }

    @Test func aSocketIsRefused() throws {
        let control = try Probe.run(["--no-sandbox", "socket"])
        #expect(control.line.hasPrefix("ok fd "), "\(control)")

        let inside = try Probe.run(["socket"])
        try inside.require(.syscallFilter)
        #expect(inside.line == "refused: socket: \(eperm)")
    }

    @Test func execKillsTheProcess() throws {
        // Without the sandbox the probe becomes /bin/true: exit 0, nothing printed.
        let control = try Probe.run(["--no-sandbox", "exec"])
        #expect(control.status == 0 && control.signal == nil && control.stdout.isEmpty, "\(control)")

        let inside = try Probe.run(["exec"])
        try inside.require(.syscallFilter)
        #expect(inside.signal == SIGSYS, "exec must end the process with SIGSYS: \(inside)")
        #expect(inside.stdout.isEmpty)
    }

    @Test func forkAndSpawnAreRefused() throws {
        for action in ["fork", "spawn"] {
            let control = try Probe.run(["--no-sandbox", action])
            #expect(control.line.hasPrefix("ok child "), "\(action): \(control)")
        }
        let fork = try Probe.run(["fork"])
        try fork.require(.syscallFilter)
        #expect(fork.line == "refused: fork: \(eperm)")
        let spawn = try Probe.run(["spawn"])
        #expect(spawn.line == "refused: posix_spawn: \(eperm)")
    }

    @Test func writingThroughADescriptorOpenedBeforeIsStopped() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-write-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let control = try Probe.run(["--no-sandbox", "write-file", file.path])
        #expect(control.line == "ok")
        #expect(try Data(contentsOf: file) == Data("x".utf8))

        // The filter allows write on open descriptors; the file-size limit 0 is what stops it.
        let inside = try Probe.run(["write-file", file.path])
        try inside.require(.fileSize)
        #expect(inside.signal == SIGXFSZ, "a write past RLIMIT_FSIZE raises SIGXFSZ: \(inside)")
        #expect(try Data(contentsOf: file).isEmpty)
    }
}
