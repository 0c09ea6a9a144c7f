import Foundation
import Testing
@testable import Descent

/// Reference numbers from PyTorch autograd, written by scripts/make-funcs-fixtures.py.
struct FuncsFixture: Decodable {
    struct FunctionCase: Decodable {
        let name: String
        let point: [Double]
        let value: Double
        let gradient: [Double]
        let hessian: [Double]
    }

    struct OBDCase: Decodable {
        let x: [[Double]]
        let y: [Double]
        let parameters: [[Double]]
        let shapes: [[Int]]
        let hessianDiagonal: [[Double]]
        let saliencies: [[Double]]
    }

    let functions: [FunctionCase]
    let obd: OBDCase

    static func load() throws -> FuncsFixture {
        let url = try #require(Bundle.module.url(forResource: "funcs", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(FuncsFixture.self, from: Data(contentsOf: url))
    }
}

@Suite("Functions and OBD against PyTorch")
struct TorchReferenceTests {
    @Test("closed-form values, gradients and Hessians match torch.autograd")
    func testFunctions() throws {
        let fixture = try FuncsFixture.load()
        let objectives: [String: any Objective] = Dictionary(uniqueKeysWithValues: ([
            Rosenbrock(), Beale(), Booth(), Himmelblau(), Rastrigin(), Ravine(), Quadratic(a: 1, b: 10), Saddle(),
        ] as [any Objective]).map { ($0.name, $0) })
        #expect(Set(fixture.functions.map(\.name)) == Set(objectives.keys))
        for reference in fixture.functions {
            let objective = try #require(objectives[reference.name])
            let point = Tensor(reference.point)
            let (value, gradient) = try objective.valueAndGradient(at: point)
            let hessian = try #require(try objective.hessian(at: point))
            #expect(close(value, reference.value, 1e-12), "\(reference.name) at \(reference.point)")
            for (a, b) in zip(gradient.scalars, reference.gradient) {
                #expect(close(a, b, 1e-12), "\(reference.name) gradient at \(reference.point)")
            }
            for (a, b) in zip(hessian.scalars, reference.hessian) {
                #expect(close(a, b, 1e-12), "\(reference.name) Hessian at \(reference.point)")
            }
        }
    }

    @Test("the OBD Hessian diagonal of a tanh network matches torch's exact Hessian")
    func obdNetwork() throws {
        let reference = try FuncsFixture.load().obd
        var model = Sequential(seed: 0) { Dense(3, 4); Tanh(); Dense(4, 1) }
        model.parameters = try zip(reference.parameters, reference.shapes).map { try Tensor(shape: $1, scalars: $0) }
        try model.validate()
        let data = try Dataset(x: Tensor(reference.x), y: Tensor(reference.y))
        let diagonal = try hessianDiagonal(of: model, on: data, loss: .mse)
        let s = try saliencies(of: model, on: data, loss: .mse)
        for p in diagonal.indices {
            #expect(diagonal[p].shape == reference.shapes[p])
            for k in diagonal[p].scalars.indices {
                // Central differences of the gradient: O(δ²) with δ = 1e-4.
                #expect(Swift.abs(diagonal[p].scalars[k] - reference.hessianDiagonal[p][k]) < 1e-7,
                        "h[\(p)][\(k)] = \(diagonal[p].scalars[k]) vs \(reference.hessianDiagonal[p][k])")
                #expect(Swift.abs(s[p].scalars[k] - reference.saliencies[p][k]) < 1e-7)
            }
        }
    }
}
