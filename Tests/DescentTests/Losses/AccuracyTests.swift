import Testing
@testable import Descent

@Suite("Accuracy")
struct AccuracyTests {
    @Test("binary on logits (threshold 0) and probabilities (threshold 0.5)")
    func binary() throws {
        let logits = try Tensor([[2.0], [-1.0], [0.3], [-0.2]])
        let labels = try Tensor([[1], [0], [0], [0]])
        #expect(try accuracy(logits, labels) == 0.75)
        let probabilities = try Tensor([[0.9], [0.4], [0.6], [0.55]])
        #expect(try accuracy(probabilities, labels, threshold: 0.5) == 0.5)
        // Probabilities against the logit threshold would call every row class 1.
        #expect(try accuracy(probabilities, labels) == 0.25)
    }

    @Test("multi-class by argmax, with index or one-hot targets")
    func multiclass() throws {
        let scores = try Tensor([[0.1, 2.0, 0.3], [1.0, 0.0, -1.0], [0.2, 0.1, 0.9]])
        #expect(try accuracy(scores, Tensor([1, 0, 0])) == 2.0 / 3.0)
        let oneHot = try Tensor([[0, 1, 0], [1, 0, 0], [0, 0, 1]])
        #expect(try accuracy(scores, oneHot) == 1)
    }

    @Test("mismatched shapes throw")
    func badShapes() throws {
        #expect(throws: DescentError.self) { try accuracy(try Tensor([[1.0], [2.0]]), Tensor([1, 0, 1])) }
        #expect(throws: DescentError.self) { try accuracy(try Tensor([[1.0, 0.0]]), Tensor([.nan])) }
        #expect(throws: DescentError.self) { try accuracy(Tensor(shape: [0], scalars: []), Tensor(shape: [0], scalars: [])) }
    }
}
