import Foundation
import Kernel
import Testing

/// Each sandbox layer tried from inside a real kernel: what a cell could never do, tried directly.
@Suite struct KernelSandboxTests {
    static let pool = KernelSupport.pool()

    /// The layers this machine cannot apply; a refusal test needs the system-call filter.
    static var filterMissing: Bool {
        ((try? pool.missingSandboxLayers()) ?? ["unknown"]).contains { $0.hasPrefix("system-call filter") || $0 == "unknown" }
    }

    /// Opening a file, a socket and fork are refused; exec kills the kernel outright.
    @Test(arguments: [
        ("open-file /etc/hostname", "refused: open: Operation not permitted"),
        ("socket", "refused: socket: Operation not permitted"),
        ("fork", "refused: fork: Operation not permitted"),
        ("exec", "the kernel stopped: signal 31 (a forbidden system call)"),
    ])
    func whatACellCouldNeverDoIsRefusedInsideAKernel(_ action: String, _ answer: String) throws {
        try #require(!Self.filterMissing, "the system-call filter is missing here")
        #expect(try Self.pool.probe(action) == answer)
    }

    @Test func everyLayerHoldsAsRoot() throws {
        // CI and the developers' machines run as root, where every layer can be applied.
        guard getuid() == 0 else { return }
        #expect(try Self.pool.missingSandboxLayers() == [])
    }
}
