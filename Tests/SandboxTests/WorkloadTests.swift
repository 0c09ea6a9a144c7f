import Foundation
import Sandbox
import Testing

/// What the interpreter needs still works inside the sandbox, and a crash keeps its own signal.
@Suite struct WorkloadTests {
    @Test func aBigStackThreadAndDispatchWorkersRun() throws {
        let inside = try Probe.run(["thread"])
        try inside.require(.syscallFilter)
        // 100,000 frames need more than the default 8 MiB stack; 8 sums come from concurrentPerform.
        #expect(inside.line == "ok depth 100000, 8 parallel sums", "\(inside)")
    }

    @Test func jsonRoundTrips() throws {
        let inside = try Probe.run(["json"])
        try inside.require(.syscallFilter)
        // The probe checks the decoded value equals the encoded one; the size is of the same JSON outside.
        let control = try Probe.run(["--no-sandbox", "json"])
        #expect(inside.line == control.line && inside.line.hasPrefix("ok "), "\(inside) vs \(control)")
    }

    @Test func printingNumbersMatchesOutside() throws {
        let inside = try Probe.run(["print"])
        try inside.require(.syscallFilter)
        let expected = "3.1416 6.020000e+23    42 x 0.30000000000000004 0.33333334 inf 9223372036854775807 0.0"
        #expect(inside.stdout.split(separator: "\n").map(String.init).sorted() == ["ok", expected].sorted(), "\(inside)")
    }

    @Test func everythingTogether() throws {
        let inside = try Probe.run(["workload"])
        try inside.require(.syscallFilter)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(inside.line.hasSuffix("elapsed true, \(cores) cores"), "\(inside)")
        #expect(inside.signal == nil && inside.status == 0)
    }

    @Test func aCrashEndsWithItsOwnSignalNotSIGSYS() throws {
        // With Swift's backtracer on (the default), it tries to spawn swift-backtrace; the
        // filter refuses the clone, and the process must still die of the original trap.
        for environment in [[:], ["SWIFT_BACKTRACE": "enable=no"]] {
            let inside = try Probe.run(["crash"], environment: environment)
            try inside.require(.syscallFilter)
            #expect(inside.signal == SIGILL || inside.signal == SIGTRAP, "\(environment): \(inside)")
            #expect(inside.stderr.contains("Fatal error: sandbox-probe: deliberate crash"))
        }
    }

    @Test func theReportNamesEveryLayerOnce() throws {
        let inside = try Probe.run(["--cpu", "30", "report"])
        let named = inside.applied + SandboxLayer.allCases.filter { inside.missing($0) != nil }
        #expect(named.sorted { $0.rawValue < $1.rawValue } == SandboxLayer.allCases.sorted { $0.rawValue < $1.rawValue },
                "\(inside.stderr)")
        for layer in SandboxLayer.allCases where inside.missing(layer) != nil {
            print("this machine lacks \(layer): \(inside.missing(layer) ?? "")")
        }
    }
}

/// The policy and report as the kernel protocol carries them.
@Suite struct PolicyTests {
    @Test func policyRoundTripsThroughJSON() throws {
        let policy = SandboxPolicy(memoryBytes: 512 << 20, cpuSeconds: 7, openFiles: 20, network: true)
        let data = try JSONEncoder().encode(policy)
        #expect(try JSONDecoder().decode(SandboxPolicy.self, from: data) == policy)
        let defaults = try JSONDecoder().decode(
            SandboxPolicy.self, from: Data(#"{"memoryBytes":2147483648,"openFiles":16,"network":false}"#.utf8))
        #expect(defaults == SandboxPolicy())
        #expect(SandboxPolicy().memoryBytes == 2 * 1024 * 1024 * 1024)
    }

    @Test func aReportSaysWhatIsMissing() {
        var report = SandboxReport(applied: [.memory])
        #expect(report.isComplete && report.missingSummary.isEmpty)
        report.missing.append(.init(layer: .syscallFilter, reason: "seccomp_load: Invalid argument"))
        #expect(!report.isComplete)
        #expect(report.reason(.syscallFilter) == "seccomp_load: Invalid argument")
        #expect(report.reason(.memory) == nil)
        #expect(report.missingSummary
            == "sandbox: no system-call allowlist (seccomp): seccomp_load: Invalid argument")
    }
}
