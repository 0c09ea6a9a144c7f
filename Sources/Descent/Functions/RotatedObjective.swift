import Foundation

/// A 2-D objective turned by an angle about the origin: g(p) = f(Rᵀp), so its valleys turn with R.
///
/// Adaptive methods scale each coordinate separately: a diagonal preconditioner. A ravine along an
/// axis is what they fix; the same ravine at 45° is not, while gradient descent does not notice the
/// turn at all. Gradient and Hessian turn with it (R∇f, R H Rᵀ), so Newton still works.
public struct RotatedObjective: Objective {
    public let base: any Objective
    /// Radians, counter-clockwise.
    public let angle: Double

    public init(_ base: any Objective, angle: Double) {
        self.base = base
        self.angle = angle
    }

    public var name: String {
        let degrees = angle * 180 / Double.pi
        // π/6 in radians is 29.999999999999996°: a whole number within rounding shows as one.
        let whole = degrees.rounded()
        let shown = Swift.abs(degrees - whole) < 1e-9 && Swift.abs(whole) < 1e9 ? String(Int(whole)) : String(degrees)
        return "\(base.name) rotated by \(shown)°"
    }

    /// The base window's corners turned, boxed: the turned valley stays in view (a 45° turn of
    /// `Ravine()`'s (-10, 10, -3, 3) shows (-9.19, 9.19) on both axes, not a strip it crosses).
    public var plotBounds: PlotBounds? {
        guard let window = base.plotBounds else { return nil }
        let corners = [(window.xMin, window.yMin), (window.xMin, window.yMax), (window.xMax, window.yMin), (window.xMax, window.yMax)]
            .map { turn($0.0, $0.1, by: angle) }
        let xs = corners.map(\.0), ys = corners.map(\.1)
        return (xs.min() ?? window.xMin, xs.max() ?? window.xMax, ys.min() ?? window.yMin, ys.max() ?? window.yMax)
    }

    public var minima: [[Double]] {
        base.minima.compactMap { $0.count == 2 ? turn($0[0], $0[1], by: angle) : nil }.map { [$0.0, $0.1] }
    }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        let (x, y) = try coordinates(of: point, for: name)
        let (u, v) = turn(x, y, by: -angle)
        let (value, gradient) = try base.valueAndGradient(at: try Tensor(shape: point.shape, scalars: [u, v]))
        let (gx, gy) = turn(gradient.scalars[0], gradient.scalars[1], by: angle)
        return (value, try Tensor(shape: point.shape, scalars: [gx, gy]))
    }

    public func hessian(at point: Tensor) throws -> Tensor? {
        let (x, y) = try coordinates(of: point, for: name)
        let (u, v) = turn(x, y, by: -angle)
        guard let h = try base.hessian(at: try Tensor(shape: point.shape, scalars: [u, v])) else { return nil }
        let (c, s) = (cos(angle), sin(angle))
        let r = try Tensor(shape: [2, 2], scalars: [c, -s, s, c])
        return try r.matmul(h).matmul(r.transposed)
    }

    private func turn(_ x: Double, _ y: Double, by angle: Double) -> (Double, Double) {
        let (c, s) = (cos(angle), sin(angle))
        return (c * x - s * y, s * x + c * y)
    }
}

extension Objective {
    /// This 2-D function turned by `angle` radians counter-clockwise: `Ravine().rotated(by: .pi / 4)`.
    public func rotated(by angle: Double) -> RotatedObjective { RotatedObjective(self, angle: angle) }
}
