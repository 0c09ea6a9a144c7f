import Foundation
import FuzzEntry
import Testing

/// Runs every fuzz seed and every saved crash through `fuzzOne`, the function the fuzzer calls.
///
/// This is how `make test` keeps what fuzzing found: a reproducer in Fuzz/regressions/ that
/// crashes again kills the test process with the same trap the fuzzer saw. Fuzz/pending/ holds
/// reproducers of crashes not fixed yet; they are listed, not run, until their fix lands.
/// Seeds run one at a time with a 5 s grace, as the fuzzer's inputs do (one at a time): dozens of
/// interpreters at once on two cores starved a cell past the 0.5 s grace, which the invariant
/// reads as a cell that cannot be stopped.
@Suite(.serialized) struct FuzzReplayTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The files in `directory` (relative to the package root) whose names end in one of `suffixes`.
    static func files(in directory: String, suffixes: [String] = [""]) -> [String] {
        let url = root.appendingPathComponent(directory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { name in !name.hasPrefix(".") && suffixes.contains { name.hasSuffix($0) } }
            .sorted().map { "\(directory)/\($0)" }
    }

    /// The seeds `scripts/fuzz.sh` gives libFuzzer, read where they live rather than copied.
    static var seeds: [String] {
        files(in: "lessons", suffixes: [".md"]) + ["docs/dsl.md", "docs/lessons.md"]
            + files(in: "Tests/SnippetsTests/Cases", suffixes: [".md"]) + files(in: "Fuzz/corpus")
    }

    static var regressions: [String] { files(in: "Fuzz/regressions") }

    static func replay(_ path: String) throws {
        let data = try Data(contentsOf: root.appendingPathComponent(path))
        fuzzOne(Array(data), grace: 5)
    }

    @Test func theSeedsAndRegressionsAreFound() {
        #expect(Self.seeds.filter { $0.hasPrefix("lessons/") }.count >= 10)
        #expect(Self.seeds.filter { $0.hasPrefix("Tests/") }.count >= 5)
        #expect(Self.seeds.filter { $0.hasPrefix("Fuzz/corpus/") }.count >= 5)
        #expect(!Self.regressions.isEmpty)
    }

    @Test(arguments: seeds) func seedRunsWithoutCrashing(path: String) throws {
        try Self.replay(path)
    }

    @Test(arguments: regressions) func regressionRunsWithoutCrashing(path: String) throws {
        try Self.replay(path)
    }
}
