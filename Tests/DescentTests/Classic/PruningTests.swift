import Foundation
import Testing
@testable import Descent

@Suite("Pruning")
struct PruningTests {
    /// A linear model ŷ = xW + b with chosen weights.
    func linearModel() throws -> Dense {
        var layer = Dense(3, 1)
        layer.parameters = [try Tensor([[0.5], [-2], [1]]), Tensor([0.3])]
        return layer
    }

    func linearData() throws -> Dataset {
        try Dataset(x: Tensor([[1, 2, 0], [3, -1, 1], [0, 1, 2], [-2, 0, 1]]), y: Tensor([1, 0, -1, 2]))
    }

    @Test("OBD on a linear model with MSE matches the closed form h_jj = (2/n) Σ x_ij²")
    func obdLinearClosedForm() throws {
        // MSE = (1/n) Σ_i (x_i·w + b − y_i)², so ∂²/∂w_j² = (2/n) Σ_i x_ij² and ∂²/∂b² = 2.
        // n = 4: Σ x_i1² = 1 + 9 + 0 + 4 = 14, Σ x_i2² = 4 + 1 + 1 + 0 = 6, Σ x_i3² = 0 + 1 + 4 + 1 = 6.
        let h: [Double] = [2 * 14 / 4.0, 2 * 6 / 4.0, 2 * 6 / 4.0]   // 7, 3, 3
        let w: [Double] = [0.5, -2, 1]
        let model = try linearModel()
        let data = try linearData()
        let diagonal = try hessianDiagonal(of: model, on: data, loss: .mse)
        for j in 0..<3 { #expect(close(diagonal[0].scalars[j], h[j], 1e-8)) }
        #expect(close(diagonal[1].scalars[0], 2, 1e-8))
        // s_j = h_jj w_j² / 2 = 7·0.25/2, 3·4/2, 3·1/2 = 0.875, 6, 1.5.
        let s = try saliencies(of: model, on: data, loss: .mse)
        #expect(s[0].shape == [3, 1] && s[1].shape == [1])
        for (j, expected) in [0.875, 6, 1.5].enumerated() { #expect(close(s[0].scalars[j], expected, 1e-8)) }
        #expect(close(s[1].scalars[0], 2 * 0.09 / 2, 1e-8))
        // One output unit: each feature's saliency is its single connection's.
        let features = try featureSaliencies(of: model, on: data, loss: .mse)
        for (a, b) in zip(features, s[0].scalars) { #expect(a == b) }
        // Pruning a third of the weights (one) by OBD removes w₁, the smallest saliency 0.875; the bias stays.
        let (pruned, masks) = try prune(model, fraction: 1.0 / 3, by: .obd(data, .mse))
        #expect(masks[0] == (try Tensor([[0], [1], [1]])) && masks[1] == Tensor([1]))
        #expect(pruned.parameters[0] == (try Tensor([[0], [-2], [1]])) && pruned.parameters[1] == Tensor([0.3]))
    }

    @Test("OBD and magnitude disagree when inputs have different scales")
    func obdVersusMagnitude() throws {
        // Feature 1 is 10× larger: its small weight 0.2 matters more (h = 2·100 → s = 4) than weight 1 on feature 2 (h = 2 → s = 1).
        var layer = Dense(2, 1)
        layer.parameters = [try Tensor([[0.2], [1]]), Tensor([0])]
        let data = try Dataset(x: Tensor([[10, 1], [-10, -1]]), y: Tensor([0, 0]))
        let s = try saliencies(of: layer, on: data, loss: .mse)
        #expect(close(s[0].scalars[0], 4, 1e-8) && close(s[0].scalars[1], 1, 1e-8))
        let byMagnitude = try prune(layer, fraction: 0.5, by: .magnitude)
        let byOBD = try prune(layer, fraction: 0.5, by: .obd(data, .mse))
        #expect(byMagnitude.masks[0].scalars == [0, 1])
        #expect(byOBD.masks[0].scalars == [1, 0])
    }

    @Test("magnitude pruning removes exactly the smallest weights, across layers, and keeps biases")
    func magnitudeKeepsLargest() throws {
        let model = Sequential(seed: 5) { Dense(4, 6); Tanh(); Dense(6, 2) }
        for fraction in [0.0, 0.25, 0.5, 0.9, 1.0] {
            let (pruned, masks) = try prune(model, fraction: fraction, by: .magnitude)
            var kept: [Double] = []
            var removed: [Double] = []
            for (p, w) in model.parameters.enumerated() {
                #expect(masks[p].shape == w.shape)
                for k in w.scalars.indices {
                    if masks[p].scalars[k] == 1 {
                        #expect(pruned.parameters[p].scalars[k] == w.scalars[k])
                        if w.rank == 2 { kept.append(Swift.abs(w.scalars[k])) }
                    } else {
                        #expect(w.rank == 2, "biases are never pruned")
                        #expect(pruned.parameters[p].scalars[k] == 0)
                        removed.append(Swift.abs(w.scalars[k]))
                    }
                }
            }
            // 24 + 12 = 36 weights.
            #expect(removed.count == Int((fraction * 36).rounded()))
            if let smallestKept = kept.min(), let largestRemoved = removed.max() {
                #expect(largestRemoved <= smallestKept)
            }
        }
        #expect(throws: DescentError.invalidHyperparameter(name: "fraction", value: 1.5, expected: "a value in [0, 1]")) {
            try prune(model, fraction: 1.5)
        }
    }

    @Test("MaskedOptimizer keeps pruned weights at exactly zero, even with momentum and weight decay")
    func maskedOptimizerKeepsZeros() throws {
        let masks = [try Tensor([[1, 0], [0, 1]]), Tensor([1, 0])]
        var parameters = [try Tensor([[0.5, 0], [0, -1]]), Tensor([0.2, 0])]
        var optimizer = MaskedOptimizer(SGD(lr: 0.1, momentum: 0.9, weightDecay: 0.01), masks: masks)
        #expect(optimizer.name.hasPrefix("Masked(SGD") && optimizer.lr == 0.1)
        var random = RandomSource(seed: 11)
        for _ in 0..<20 {
            let gradients = parameters.map { p in
                var g = p
                for k in g.scalars.indices { g.scalars[k] = random.normal() }
                return g
            }
            try optimizer.step(&parameters, gradients: gradients)
            #expect(parameters[0].scalars[1] == 0 && parameters[0].scalars[2] == 0 && parameters[1].scalars[1] == 0)
        }
        #expect(parameters[0].scalars[0] != 0.5 && parameters[1].scalars[0] != 0.2)
    }

    @Test("MaskedOptimizer over plain gradient descent: kept weights move by exactly −lr·g")
    func maskedStepByHand() throws {
        var optimizer = MaskedOptimizer(GD(lr: 0.5), masks: [Tensor([1, 0, 1])])
        var parameters = [Tensor([1, 2, 3])]
        try optimizer.step(&parameters, gradients: [Tensor([2, 4, -2])])
        #expect(parameters == [Tensor([0, 0, 4])])
        var wrong = MaskedOptimizer(GD(lr: 0.5), masks: [Tensor([1, 0.5, 1])])
        #expect(throws: DescentError.self) { try wrong.step(&parameters, gradients: [Tensor([1, 1, 1])]) }
        var mismatched = MaskedOptimizer(GD(lr: 0.5), masks: [Tensor([1, 0])])
        #expect(throws: DescentError.self) { try mismatched.step(&parameters, gradients: [Tensor([1, 1, 1])]) }
    }
}
