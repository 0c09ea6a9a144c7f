import Testing
@testable import Descent

@Suite("SplitMix64 random source")
struct RandomSourceTests {
    @Test func matchesTheReferenceSequence() {
        // SplitMix64 from seed 0: first outputs of the reference C implementation
        // (Vigna, splitmix64.c), computed independently in Python with 64-bit masks.
        var random = RandomSource(seed: UInt64(0))
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func sameSeedSameBits() {
        var a = RandomSource(seed: 42), b = RandomSource(seed: 42)
        let xs = (0..<100).map { _ in a.normal() }
        let ys = (0..<100).map { _ in b.normal() }
        #expect(xs.map(\.bitPattern) == ys.map(\.bitPattern))
        var c = RandomSource(seed: 43)
        #expect(xs[0] != c.normal())
    }

    @Test func uniformAndNormalMoments() {
        var random = RandomSource(seed: 7)
        let n = 200_000
        let u = (0..<n).map { _ in random.nextDouble() }
        #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(u.reduce(0, +) / Double(n) - 0.5) < 0.005)
        let z = (0..<n).map { _ in random.normal() }
        let mean = z.reduce(0, +) / Double(n)
        let variance = z.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.02)
    }

    @Test func permutationIsAPermutation() {
        var random = RandomSource(seed: 1)
        let p = random.permutation(1000)
        #expect(p.sorted() == Array(0..<1000))
        #expect(p != Array(0..<1000))
        #expect((0..<10_000).allSatisfy { _ in (0..<7).contains(random.nextInt(below: 7)) })
    }
}
