import Testing
@testable import Descent

@Suite("Tensor arithmetic, broadcasting and reductions")
struct TensorTests {
    let m = try! Tensor([[1, 2, 3], [4, 5, 6]])

    @Test func elementwiseSameShape() throws {
        let sum = try m + m
        #expect(sum.scalars == [2, 4, 6, 8, 10, 12])
        #expect(try (m * m).scalars == [1, 4, 9, 16, 25, 36])
        #expect(try (m - m).scalars == [0, 0, 0, 0, 0, 0])
        #expect(try (m / m).scalars == [1, 1, 1, 1, 1, 1])
    }

    @Test func broadcastsRowVectorColumnAndScalar() throws {
        // A vector is a row: added to every row.
        let row = try m + Tensor([10, 20, 30])
        #expect(row.shape == [2, 3])
        #expect(row.scalars == [11, 22, 33, 14, 25, 36])
        // An [n, 1] column is added to every column.
        let column = try m + Tensor([[100], [200]])
        #expect(column.scalars == [101, 102, 103, 204, 205, 206])
        let two = Tensor(2.0)
        #expect(try (m * two).scalars == [2, 4, 6, 8, 10, 12])
        #expect((2 - m).scalars == [1, 0, -1, -2, -3, -4])
        // A row and a column broadcast to a matrix.
        let outer = try Tensor([1, 2]) * Tensor([[1], [10], [100]])
        #expect(outer.shape == [3, 2])
        #expect(outer.scalars == [1, 2, 10, 20, 100, 200])
    }

    @Test func mismatchNamesBothShapes() throws {
        let error = #expect(throws: DescentError.self) { try m + Tensor([1, 2]) }
        #expect(error == .shapeMismatch(operation: "+", lhs: [2, 3], rhs: [2]))
        #expect(error?.description == "shape mismatch in +: [2, 3] and [2] cannot be combined")
        #expect(throws: DescentError.self) { try Tensor(shape: [2, 2], scalars: [1, 2, 3]) }
        #expect(throws: DescentError.self) { try Tensor(shape: [1, 1, 1], scalars: [1]) }
        #expect(throws: DescentError.self) { try Tensor([[1, 2], [3]]) }
    }

    @Test func reductions() throws {
        #expect(m.sum() == 21)
        #expect(m.mean() == 3.5)
        #expect(try m.sum(axis: 0).scalars == [5, 7, 9])
        #expect(try m.sum(axis: 1).scalars == [6, 15])
        #expect(try m.mean(axis: 0).scalars == [2.5, 3.5, 4.5])
        #expect(try m.max() == 6)
        #expect(try m.min() == 1)
        #expect(try m.max(axis: 1).scalars == [3, 6])
        #expect(try m.min(axis: 0).scalars == [1, 2, 3])
        #expect(try Tensor([[0, 5, 5], [7, 1, 2]]).argmax() == [1, 0])
        #expect(throws: DescentError.self) { try m.sum(axis: 2) }
        #expect(throws: DescentError.self) { try Tensor([Double]()).max() }
    }

    @Test func matmulAgainstHandComputation() throws {
        let b = try Tensor([[1, 0], [0, 1], [1, 1]])
        let product = try m.matmul(b)
        #expect(product.shape == [2, 2])
        #expect(product.scalars == [4, 5, 10, 11])
        #expect(try m.matmul(Tensor([1, 1, 1])).scalars == [6, 15])
        #expect(try Tensor([1, 1]).matmul(m).scalars == [5, 7, 9])
        #expect(m.transposed.shape == [3, 2])
        #expect(m.transposed.scalars == [1, 4, 2, 5, 3, 6])
        let error = #expect(throws: DescentError.self) { try m.matmul(m) }
        #expect(error == .shapeMismatch(operation: "matmul", lhs: [2, 3], rhs: [2, 3]))
    }

    @Test func elementwiseFunctions() throws {
        let x = Tensor([-2, 0, 3])
        #expect(x.abs().scalars == [2, 0, 3])
        #expect(x.relu().scalars == [0, 0, 3])
        #expect(x.clamped(min: -1, max: 1).scalars == [-1, 0, 1])
        #expect(x.pow(2).scalars == [4, 0, 9])
        #expect(Tensor([4, 9]).sqrt().scalars == [2, 3])
        #expect((x .> 0).scalars == [0, 0, 1])
        #expect(try (x .<= Tensor([0, 0, 0])).scalars == [1, 1, 0])
        #expect(try x.maximum(Tensor([1, -1, 5])).scalars == [1, 0, 5])
        // The stable sigmoid does not overflow.
        #expect(Tensor([-1000, 1000]).sigmoid().scalars == [0, 1])
    }

    @Test func rowsForMinibatches() throws {
        let picked = try m.rows([1, 0, 1])
        #expect(picked.shape == [3, 3])
        #expect(picked.scalars == [4, 5, 6, 1, 2, 3, 4, 5, 6])
        #expect(try m.row(1).scalars == [4, 5, 6])
        let error = #expect(throws: DescentError.self) { try m.rows([2]) }
        #expect(error == .indexOutOfRange(index: 2, count: 2))
    }
}
