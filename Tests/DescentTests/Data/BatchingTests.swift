import Testing
@testable import Descent

@Suite("Batching and splitting")
struct BatchingTests {
    /// Row i is (i, 10·i) with label i, so every row can be traced.
    func numbered(_ n: Int) throws -> Dataset {
        try Dataset(x: Tensor(shape: [n, 2], scalars: (0..<n).flatMap { [Double($0), 10 * Double($0)] }),
                    y: Tensor((0..<n).map(Double.init)))
    }

    @Test("batches cover every index once; the last may be short", arguments: [nil, 3] as [Int?])
    func cover(seed: Int?) throws {
        let batches = try numbered(10).batches(size: 4, seed: seed)
        #expect(batches.map(\.count) == [4, 4, 2])
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<10))
        if seed == nil { #expect(batches[0] == [0, 1, 2, 3]) }
        #expect(try numbered(10).batches(size: 4, seed: seed) == batches)
    }

    @Test("different seeds shuffle differently")
    func seeds() throws {
        let data = try numbered(50)
        #expect(try data.batches(size: 8, seed: 1) != data.batches(size: 8, seed: 2))
    }

    @Test("batch selects matching rows of x and y")
    func batch() throws {
        let (x, y) = try numbered(6).batch([4, 1])
        #expect(x == (try Tensor([[4, 40], [1, 10]])))
        #expect(y == (try Tensor([[4], [1]])))
        #expect(throws: DescentError.self) { try numbered(6).batch([6]) }
        #expect(throws: DescentError.self) { try numbered(6).batch([]) }
    }

    @Test("size 0 and empty data sets throw")
    func badBatches() throws {
        #expect(throws: DescentError.self) { try numbered(5).batches(size: 0) }
        #expect(throws: DescentError.self) { try numbered(0).batches(size: 2) }
    }

    @Test("split: sizes, disjoint parts, determinism, rows kept intact")
    func split() throws {
        let data = try numbered(10)
        let (train, test) = try data.split(0.8, seed: 5)
        #expect(train.count == 8 && test.count == 2)
        let labels = (train.y.scalars + test.y.scalars).map { Int($0) }
        #expect(labels.sorted() == Array(0..<10))
        for part in [train, test] {
            for i in 0..<part.count {
                #expect(try part.x.element(i, 1) == 10 * part.y.scalars[i])
            }
        }
        #expect(try data.split(0.8, seed: 5).train == train)
        #expect(try data.split(0.8, seed: 6).train != train)
        #expect(throws: DescentError.self) { try data.split(1, seed: 0) }
        #expect(throws: DescentError.self) { try data.split(0, seed: 0) }
        #expect(throws: DescentError.self) { try numbered(1).split(0.5, seed: 0) }
    }

    @Test("shuffled permutes whole rows")
    func shuffled() throws {
        let data = try numbered(20)
        let s = data.shuffled(seed: 4)
        #expect(s.y.scalars.sorted() == data.y.scalars)
        #expect(s.y != data.y)
        #expect((0..<20).allSatisfy { (try? s.x.element($0, 0)) == s.y.scalars[$0] })
        #expect(data.shuffled(seed: 4) == s)
    }
}
