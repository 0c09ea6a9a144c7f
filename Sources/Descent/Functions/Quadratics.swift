import Foundation

/// The notes' ravine x²/20 + y²: a valley twenty times flatter along x than along y.
///
/// Gradient descent with a step small enough for the steep y direction crawls
/// along x; this is the surface on which momentum and adaptive steps earn their keep.
public struct Ravine: Objective {
    public var name = "Ravine"
    public init() {}

    public var plotBounds: PlotBounds? { (-10, 10, -3, 3) }
    public var minima: [[Double]] { [[0, 0]] }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        let (x, y) = try coordinates(of: point, for: name)
        return try closedForm(point, x * x / 20 + y * y, x / 10, 2 * y)
    }

    public func hessian(at point: Tensor) throws -> Tensor? { try hessian2(0.1, 0, 2) }
}

/// The axis-aligned quadratic a·x² + b·y², whose condition number is b/a.
///
/// With a, b > 0 it is a bowl with minimum 0 at the origin, on which Newton's
/// method lands in one step; with opposite signs it is a saddle.
public struct Quadratic: Objective {
    public var name: String
    public var a: Double
    public var b: Double

    /// - Parameters:
    ///   - a: the curvature coefficient of x² (the Hessian's xx entry is 2a).
    ///   - b: the curvature coefficient of y² (the Hessian's yy entry is 2b).
    public init(a: Double = 1, b: Double = 1) {
        self.a = a
        self.b = b
        name = "Quadratic(a: \(formatNumber(a)), b: \(formatNumber(b)))"
    }

    public var plotBounds: PlotBounds? { (-3, 3, -3, 3) }
    /// The origin when both coefficients are positive; none otherwise.
    public var minima: [[Double]] { a > 0 && b > 0 ? [[0, 0]] : [] }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        let (x, y) = try coordinates(of: point, for: name)
        return try closedForm(point, a * x * x + b * y * y, 2 * a * x, 2 * b * y)
    }

    public func hessian(at point: Tensor) throws -> Tensor? { try hessian2(2 * a, 0, 2 * b) }
}

/// The saddle x² − y²: zero gradient at the origin, which is neither a minimum nor a maximum.
///
/// Gradient descent started on the x axis slides into the saddle point and
/// stays; Newton's method, which solves for where the gradient vanishes, jumps
/// straight to it from anywhere. It has no minimum (it is unbounded below).
public struct Saddle: Objective {
    public var name = "Saddle"
    public init() {}

    public var plotBounds: PlotBounds? { (-2, 2, -2, 2) }
    public var minima: [[Double]] { [] }
    /// The stationary point that is not a minimum.
    public var saddlePoint: [Double] { [0, 0] }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        let (x, y) = try coordinates(of: point, for: name)
        return try closedForm(point, x * x - y * y, 2 * x, -2 * y)
    }

    public func hessian(at point: Tensor) throws -> Tensor? { try hessian2(2, 0, -2) }
}

/// A number the way a lesson would type it: `1`, `0.5`, `1e-6`.
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int(value)) }
    var text = String(format: "%g", value)
    // %g pads the exponent to two digits ("1e-06"); Swift source writes 1e-6.
    for (padded, plain) in [("e-0", "e-"), ("e+0", "e"), ("e+", "e")] {
        text = text.replacingOccurrences(of: padded, with: plain)
    }
    return text
}
