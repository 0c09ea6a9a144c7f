import Foundation
import Testing
@testable import Descent

/// A tensor as scripts/make-model-fixtures.py writes it.
struct ModelFixtureTensor: Decodable {
    let shape: [Int]
    let data: [Double]
    func tensor() throws -> Tensor { try Tensor(shape: shape, scalars: data) }
}

struct ModelLossCase: Decodable {
    let name: String
    let loss: String
    let output: ModelFixtureTensor
    let target: ModelFixtureTensor
    let value: Double
    let gradient: ModelFixtureTensor
}

struct ModelLayerCase: Decodable {
    let name: String
    let layer: String
    let input: ModelFixtureTensor
    let parameters: [ModelFixtureTensor]
    let upstream: ModelFixtureTensor
    let output: ModelFixtureTensor
    let inputGradient: ModelFixtureTensor
    let parameterGradients: [ModelFixtureTensor]
}

struct ModelStandardizerCase: Decodable {
    let train: ModelFixtureTensor
    let test: ModelFixtureTensor
    let mean: ModelFixtureTensor
    let std: ModelFixtureTensor
    let standardizedTest: ModelFixtureTensor
}

struct ModelLossFixture: Decodable { let cases: [ModelLossCase] }
struct ModelLayerFixture: Decodable {
    let cases: [ModelLayerCase]
    let standardizer: ModelStandardizerCase
}

enum ModelFixtures {
    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }
}

/// True when every element agrees to `relative` of the larger magnitude (or `absolute` near 0).
func modelClose(_ a: Tensor, _ b: Tensor, relative: Double = 1e-10, absolute: Double = 1e-12) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a.scalars, b.scalars).allSatisfy { x, y in
        Swift.abs(x - y) <= Swift.max(absolute, relative * Swift.max(Swift.abs(x), Swift.abs(y)))
    }
}

func modelClose(_ a: Double, _ b: Double, relative: Double = 1e-10, absolute: Double = 1e-12) -> Bool {
    Swift.abs(a - b) <= Swift.max(absolute, relative * Swift.max(Swift.abs(a), Swift.abs(b)))
}
