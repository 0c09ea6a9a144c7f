import Testing
@testable import Descent

@Suite("Dropout")
struct DropoutTests {
    let ones = try! Tensor(repeating: 1, shape: [200, 100])

    func train(_ layer: Dropout, _ x: Tensor, seed: Int = 11) throws -> Variable {
        var context = ForwardContext(training: true, random: RandomSource(seed: seed))
        return try layer.forward(Variable(x, requiresGrad: true), parameters: [], context: &context)
    }

    @Test("inverted: drops about p, scales kept units by 1/(1−p), identity at inference")
    func inverted() throws {
        let p = 0.3
        let y = try train(Dropout(p), ones).value
        let dropped = Double(y.scalars.filter { $0 == 0 }.count) / Double(y.count)
        // 20 000 Bernoulli(0.3) draws: sd √(0.21/20000) ≈ 0.0032; allow 5 sd.
        #expect(Swift.abs(dropped - p) < 0.017)
        #expect(y.scalars.allSatisfy { $0 == 0 || modelClose($0, 1 / (1 - p), relative: 1e-15) })
        // Expected output equals the inference output, 1.
        #expect(Swift.abs(y.mean() - 1) < 0.025)
        #expect(try Dropout(p).predict(ones) == ones)
    }

    @Test("classic: kept units unscaled while training, output × (1−p) at inference")
    func classic() throws {
        let p = 0.4
        let layer = Dropout(p, form: .classic)
        let y = try train(layer, ones).value
        #expect(y.scalars.allSatisfy { $0 == 0 || $0 == 1 })
        let inference = try layer.predict(ones)
        #expect(inference.scalars.allSatisfy { modelClose($0, 0.6) })
        // Training mean (1 − p) matches the inference output.
        #expect(Swift.abs(y.mean() - 0.6) < 0.02)
    }

    @Test("the gradient is the mask, and the mask is fixed by the context's seed")
    func gradientAndDeterminism() throws {
        let x = try Tensor([[1, 2, 3, 4], [5, 6, 7, 8]])
        let layer = Dropout(0.5)
        let out = try train(layer, x)
        let mask = try out.value / x
        #expect(mask.scalars.allSatisfy { $0 == 0 || $0 == 2 })
        let gradient = try valueWithGradient(at: x) { v in
            var context = ForwardContext(training: true, random: RandomSource(seed: 11))
            return try layer.forward(v, parameters: [], context: &context).sum()
        }.gradient
        #expect(gradient == mask)
        #expect(try train(layer, x, seed: 11).value == out.value)
        #expect(try train(layer, ones, seed: 11).value != train(layer, ones, seed: 12).value)
    }

    @Test("the context's generator advances, so successive layers draw different masks")
    func contextAdvances() throws {
        var context = ForwardContext(training: true, random: RandomSource(seed: 3))
        let a = try Dropout(0.5).forward(Variable(ones), parameters: [], context: &context).value
        let b = try Dropout(0.5).forward(Variable(ones), parameters: [], context: &context).value
        #expect(a != b)
    }

    @Test("edge probabilities and bad p")
    func edges() throws {
        #expect(try train(Dropout(0), ones).value == ones)
        #expect(try train(Dropout(1), ones).value.scalars.allSatisfy { $0 == 0 })
        #expect(throws: DescentError.self) { try train(Dropout(1.5), ones) }
        #expect(throws: DescentError.self) { try Dropout(-0.1).predict(ones) }
    }
}
