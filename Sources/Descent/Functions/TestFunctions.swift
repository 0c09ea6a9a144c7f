import Foundation

/// Rosenbrock's banana valley (a − x)² + b(y − x²)², minimum 0 at (a, a²).
///
/// The valley floor is easy to reach and hard to follow: gradient descent
/// zig-zags across it while momentum and Newton's method run along it.
/// Value, gradient and Hessian are closed forms, faster than `Function2D`
/// and an independent check of the jets.
public struct Rosenbrock: Objective {
    public var name: String
    public var a: Double
    public var b: Double

    public init(a: Double = 1, b: Double = 100) {
        self.a = a
        self.b = b
        name = (a == 1 && b == 100) ? "Rosenbrock" : "Rosenbrock(a: \(formatNumber(a)), b: \(formatNumber(b)))"
    }

    /// [-2, 2] × [-1, 3] for a = 1, widened to keep (a, a²) inside for other a.
    public var plotBounds: PlotBounds? {
        let x = Swift.max(2, Swift.abs(a) + 1)
        return (-x, x, -1, Swift.max(3, a * a + 2))
    }
    public var minima: [[Double]] { [[a, a * a]] }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        let (x, y) = try coordinates(of: point, for: name)
        let r = y - x * x
        return try closedForm(point, (a - x) * (a - x) + b * r * r, -2 * (a - x) - 4 * b * x * r, 2 * b * r)
    }

    public func hessian(at point: Tensor) throws -> Tensor? {
        let (x, y) = try coordinates(of: point, for: name)
        return try hessian2(2 - 4 * b * y + 12 * b * x * x, -4 * b * x, 2 * b)
    }
}

/// Beale's function, minimum 0 at (3, 0.5), with flat plateaus and steep walls near the corners.
public struct Beale: Objective {
    public var name = "Beale"
    public init() {}

    public var plotBounds: PlotBounds? { (-4.5, 4.5, -4.5, 4.5) }
    public var minima: [[Double]] { [[3, 0.5]] }

    /// The three residuals tᵢ = cᵢ − x + x·yⁱ with their partial derivatives (∂xx tᵢ is 0).
    private func terms(_ x: Double, _ y: Double)
        -> [(t: Double, tx: Double, ty: Double, txy: Double, tyy: Double)] {
        let (y2, y3) = (y * y, y * y * y)
        return [
            (1.5 - x + x * y, y - 1, x, 1, 0),
            (2.25 - x + x * y2, y2 - 1, 2 * x * y, 2 * y, 2 * x),
            (2.625 - x + x * y3, y3 - 1, 3 * x * y2, 3 * y2, 6 * x * y),
        ]
    }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        let (x, y) = try coordinates(of: point, for: name)
        var (value, gx, gy) = (0.0, 0.0, 0.0)
        for term in terms(x, y) {
            value += term.t * term.t
            gx += 2 * term.t * term.tx
            gy += 2 * term.t * term.ty
        }
        return try closedForm(point, value, gx, gy)
    }

    public func hessian(at point: Tensor) throws -> Tensor? {
        let (x, y) = try coordinates(of: point, for: name)
        var (hxx, hxy, hyy) = (0.0, 0.0, 0.0)
        for term in terms(x, y) {
            hxx += 2 * term.tx * term.tx
            hxy += 2 * (term.tx * term.ty + term.t * term.txy)
            hyy += 2 * (term.ty * term.ty + term.t * term.tyy)
        }
        return try hessian2(hxx, hxy, hyy)
    }
}

/// Booth's function (x + 2y − 7)² + (2x + y − 5)², a tilted bowl with minimum 0 at (1, 3).
public struct Booth: Objective {
    public var name = "Booth"
    public init() {}

    public var plotBounds: PlotBounds? { (-10, 10, -10, 10) }
    public var minima: [[Double]] { [[1, 3]] }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        let (x, y) = try coordinates(of: point, for: name)
        let (u, v) = (x + 2 * y - 7, 2 * x + y - 5)
        return try closedForm(point, u * u + v * v, 2 * u + 4 * v, 4 * u + 2 * v)
    }

    public func hessian(at point: Tensor) throws -> Tensor? { try hessian2(10, 8, 10) }
}

/// Himmelblau's function (x² + y − 11)² + (x + y² − 7)², four minima of value 0.
///
/// Which minimum a run reaches depends on where it starts, the point of the lesson on local minima.
public struct Himmelblau: Objective {
    public var name = "Himmelblau"
    public init() {}

    public var plotBounds: PlotBounds? { (-5, 5, -5, 5) }
    /// (3, 2) exactly; the other three to double precision (roots of the gradient found with 30-digit Newton).
    public var minima: [[Double]] {
        [[3, 2], [-2.8051180869527449, 3.131312518250573],
         [-3.7793102533777469, -3.2831859912861694], [3.5844283403304917, -1.8481265269644036]]
    }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        let (x, y) = try coordinates(of: point, for: name)
        let (u, v) = (x * x + y - 11, x + y * y - 7)
        return try closedForm(point, u * u + v * v, 4 * x * u + 2 * v, 2 * u + 4 * y * v)
    }

    public func hessian(at point: Tensor) throws -> Tensor? {
        let (x, y) = try coordinates(of: point, for: name)
        let (u, v) = (x * x + y - 11, x + y * y - 7)
        return try hessian2(4 * u + 8 * x * x + 2, 4 * x + 4 * y, 4 * v + 8 * y * y + 2)
    }
}

/// Rastrigin's function 2A + Σ (xᵢ² − A cos 2πxᵢ) in two variables: a bowl covered in local minima.
public struct Rastrigin: Objective {
    public var name: String
    public var A: Double

    public init(A: Double = 10) {
        self.A = A
        name = A == 10 ? "Rastrigin" : "Rastrigin(A: \(formatNumber(A)))"
    }

    public var plotBounds: PlotBounds? { (-5.12, 5.12, -5.12, 5.12) }
    public var minima: [[Double]] { [[0, 0]] }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        let (x, y) = try coordinates(of: point, for: name)
        let twoPi = 2 * Double.pi
        let value = 2 * A + x * x - A * Foundation.cos(twoPi * x) + y * y - A * Foundation.cos(twoPi * y)
        return try closedForm(point, value,
                              2 * x + twoPi * A * Foundation.sin(twoPi * x),
                              2 * y + twoPi * A * Foundation.sin(twoPi * y))
    }

    public func hessian(at point: Tensor) throws -> Tensor? {
        let (x, y) = try coordinates(of: point, for: name)
        let curvature = 4 * Double.pi * Double.pi * A
        return try hessian2(2 + curvature * Foundation.cos(2 * Double.pi * x), 0,
                            2 + curvature * Foundation.cos(2 * Double.pi * y))
    }
}
