import Foundation
import Testing
@testable import Descent

/// Each built-in objective next to the same formula written as a `Function2D` on jets.
let pairs: [(any Objective, Function2D)] = [
    (Rosenbrock(), Function2D("jet Rosenbrock") { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }),
    (Rosenbrock(a: 2, b: 10), Function2D("jet Rosenbrock 2 10") { x, y in pow(2 - x, 2) + 10 * pow(y - x * x, 2) }),
    (Beale(), Function2D("jet Beale") { x, y in
        pow(1.5 - x + x * y, 2) + pow(2.25 - x + x * y * y, 2) + pow(2.625 - x + x * pow(y, 3), 2)
    }),
    (Booth(), Function2D("jet Booth") { x, y in pow(x + 2 * y - 7, 2) + pow(2 * x + y - 5, 2) }),
    (Himmelblau(), Function2D("jet Himmelblau") { x, y in pow(x * x + y - 11, 2) + pow(x + y * y - 7, 2) }),
    (Rastrigin(), Function2D("jet Rastrigin") { x, y in
        20 + x * x - 10 * cos(2 * Double.pi * x) + y * y - 10 * cos(2 * Double.pi * y)
    }),
    (Ravine(), Function2D("jet ravine") { x, y in x * x / 20 + y * y }),
    (Quadratic(a: 1, b: 10), Function2D("jet quadratic") { x, y in x * x + 10 * y * y }),
    (Saddle(), Function2D("jet saddle") { x, y in x * x - y * y }),
]

let probePoints: [[Double]] = [[0.5, -0.25], [-1.2, 1.0], [1.7, 2.3], [-0.3, 0.0], [2.5, -1.5]]

@Suite("Test functions")
struct TestFunctionTests {
    @Test("closed forms agree with jets", arguments: 0..<9)
    func closedFormMatchesJet(index: Int) throws {
        let (objective, jet) = pairs[index]
        for point in probePoints.map(Tensor.init) {
            let (value, gradient) = try objective.valueAndGradient(at: point)
            let (jetValue, jetGradient) = try jet.valueAndGradient(at: point)
            #expect(close(value, jetValue, 1e-12), "\(objective.name) value at \(point)")
            for (a, b) in zip(gradient.scalars, jetGradient.scalars) {
                #expect(close(a, b, 1e-12), "\(objective.name) gradient at \(point): \(gradient) vs \(jetGradient)")
            }
            let hessian = try #require(try objective.hessian(at: point))
            let jetHessian = try #require(try jet.hessian(at: point))
            #expect(hessian.shape == [2, 2])
            for (a, b) in zip(hessian.scalars, jetHessian.scalars) {
                #expect(close(a, b, 1e-12), "\(objective.name) Hessian at \(point): \(hessian) vs \(jetHessian)")
            }
        }
    }

    @Test("closed forms agree with central differences", arguments: 0..<9)
    func closedFormMatchesFiniteDifferences(index: Int) throws {
        let objective = pairs[index].0
        let reference = FiniteDifferences(f: { x, y in (try? objective.value(at: Tensor([x, y]))) ?? .nan })
        for point in probePoints {
            let gradient = try objective.valueAndGradient(at: Tensor(point)).gradient.scalars
            let numeric = reference.gradient(point[0], point[1])
            #expect(close(gradient[0], numeric[0], 1e-6) && close(gradient[1], numeric[1], 1e-6),
                    "\(objective.name) gradient at \(point): \(gradient) vs \(numeric)")
            let hessian = try #require(try objective.hessian(at: Tensor(point))).scalars
            let numericHessian = reference.hessian(point[0], point[1])
            #expect(hessian[1] == hessian[2], "\(objective.name) Hessian is symmetric")
            for (a, b) in zip([hessian[0], hessian[1], hessian[3]], numericHessian) {
                #expect(close(a, b, 1e-3), "\(objective.name) Hessian at \(point): \(hessian) vs \(numericHessian)")
            }
        }
    }

    @Test("known minima have zero gradient, a positive definite Hessian, and lie in the plot window", arguments: 0..<9)
    func minimaAreStationary(index: Int) throws {
        let objective = pairs[index].0
        let bounds = try #require(objective.plotBounds)
        for minimum in objective.minima {
            let gradient = try objective.valueAndGradient(at: Tensor(minimum)).gradient
            #expect(gradient.norm < 1e-9, "\(objective.name) gradient at \(minimum) is \(gradient)")
            let h = try #require(try objective.hessian(at: Tensor(minimum))).scalars
            #expect(h[0] > 0 && h[0] * h[3] - h[1] * h[2] > 0, "\(objective.name) Hessian at \(minimum) is \(h)")
            #expect(bounds.xMin < minimum[0] && minimum[0] < bounds.xMax && bounds.yMin < minimum[1] && minimum[1] < bounds.yMax)
        }
    }

    @Test("the catalogue's minima: counts and values")
    func catalogue() throws {
        #expect(Himmelblau().minima.count == 4)
        #expect(Saddle().minima.isEmpty && Quadratic(a: 1, b: -1).minima.isEmpty)
        #expect(Rosenbrock(a: 2, b: 10).minima == [[2, 4]])
        for objective in [Rosenbrock(), Beale(), Booth(), Himmelblau(), Rastrigin()] as [any Objective] {
            for minimum in objective.minima {
                #expect(try objective.value(at: Tensor(minimum)) < 1e-20, "\(objective.name) at \(minimum)")
            }
        }
        #expect(Rosenbrock().name == "Rosenbrock" && Quadratic(a: 1, b: 10).name == "Quadratic(a: 1, b: 10)")
    }

    @Test("a point without two elements is rejected with its shape")
    func wrongShape() {
        #expect(throws: DescentError.invalidShape(operation: "Booth at a point", shape: [3], expected: "2 elements (x, y)")) {
            try Booth().valueAndGradient(at: Tensor([1, 2, 3]))
        }
        #expect(throws: DescentError.self) { try Function2D("f") { x, _ in x }.hessian(at: Tensor([1])) }
    }

    @Test("the gradient keeps the point's shape")
    func gradientShape() throws {
        let column = try Tensor([[1], [2]])
        #expect(try Ravine().valueAndGradient(at: column).gradient.shape == [2, 1])
        #expect(try Function2D("f") { x, y in x * y }.valueAndGradient(at: column).gradient == Tensor(shape: [2, 1], scalars: [2, 1]))
    }
}
