import Foundation
import Testing
@testable import Descent

/// Same seed, same bits: trajectories, trainings and kernels hash to the digests recorded
/// in `Fixtures/digests.json` on every machine, vector path and thread count.
///
/// The digests were recorded from the scalar one-thread code before vector and
/// thread paths existed, so a pass means those paths changed no bit. Setting
/// `DESCENT_WRITE_DIGESTS=FILE` writes the current digests to FILE instead of
/// comparing (for a deliberate change of numerics; torch parity still holds them to PyTorch).
@Suite("Bit-exact digests")
struct BitDigestTests {
    static func recorded() throws -> [String: String] {
        let url = try #require(Bundle.module.url(forResource: "digests", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
    }

    /// Every vector path this machine runs, on one and two threads, with thresholds low enough
    /// that every workload is split; plus the settings users get.
    static let settings: [ComputeSettings] = [.automatic] + VectorPath.supported.flatMap { path in
        [1, 2].map { ComputeSettings(path: path, threads: $0, elementThreshold: 64, productThreshold: 64) }
    }

    @Test("every workload hashes to its recorded digest, on each vector path and thread count",
          arguments: settings)
    func digestsMatch(_ settings: ComputeSettings) throws {
        try ComputeSettings.$current.withValue(settings) { try Self.check() }
    }

    static func check() throws {
        if let path = ProcessInfo.processInfo.environment["DESCENT_WRITE_DIGESTS"] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(try BitDigests.all()).write(to: URL(fileURLWithPath: path))
            return
        }
        let expected = try Self.recorded()
        #expect(expected.count == BitDigests.optimizers.count + 15, "digests.json lists every workload")
        let actual = try BitDigests.all()
        #expect(Set(actual.keys) == Set(expected.keys))
        for (name, digest) in actual.sorted(by: { $0.key < $1.key }) {
            #expect(digest == expected[name], "\(name): \(digest), recorded \(expected[name] ?? "nothing")")
        }
    }
}
