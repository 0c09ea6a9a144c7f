import Foundation

/// A number that carries its first and second derivatives with respect to two variables x and y.
///
/// This is forward-mode automatic differentiation truncated at order two: every
/// operation applies the chain rule to the value, the gradient (∂x, ∂y) and the
/// Hessian (∂xx, ∂xy, ∂yy) at once, so a formula written once, such as
/// `{ x, y in x * x / 20 + y * y }`, gives its exact gradient and Hessian with
/// no step size to choose and no rounding error beyond the arithmetic itself.
/// That is what Newton's method on a 2-D test function needs, and it is cheap:
/// six numbers per operation, no graph.
///
/// Comparisons (`<`, `>`, `Swift.max`, `Swift.min`) look at `value` only, so a
/// branch or `max(x, 0)` picks the branch the value chooses and returns that
/// branch's derivatives, as any automatic differentiation does at a kink.
public struct Jet: Sendable, Hashable {
    /// The function value.
    public var value: Double
    /// ∂f/∂x.
    public var dx: Double
    /// ∂f/∂y.
    public var dy: Double
    /// ∂²f/∂x².
    public var dxx: Double
    /// ∂²f/∂x∂y.
    public var dxy: Double
    /// ∂²f/∂y².
    public var dyy: Double

    public init(value: Double, dx: Double = 0, dy: Double = 0, dxx: Double = 0, dxy: Double = 0, dyy: Double = 0) {
        self.value = value
        self.dx = dx
        self.dy = dy
        self.dxx = dxx
        self.dxy = dxy
        self.dyy = dyy
    }

    /// A constant: all derivatives zero.
    public init(_ constant: Double) {
        self.init(value: constant)
    }

    /// The variable x at `value` (∂x = 1), the first argument of a `Function2D` closure.
    public static func x(_ value: Double) -> Jet { Jet(value: value, dx: 1) }
    /// The variable y at `value` (∂y = 1), the second argument of a `Function2D` closure.
    public static func y(_ value: Double) -> Jet { Jet(value: value, dy: 1) }

    /// The gradient (∂x, ∂y).
    public var gradient: [Double] { [dx, dy] }
    /// The Hessian as rows [[∂xx, ∂xy], [∂xy, ∂yy]].
    public var hessian: [[Double]] { [[dxx, dxy], [dxy, dyy]] }

    /// Applies a scalar function g with derivatives g' and g'' at `value`:
    /// ∇(g∘f) = g'∇f and ∇²(g∘f) = g'∇²f + g''∇f∇fᵀ.
    @inlinable
    public func chain(_ g: Double, _ g1: Double, _ g2: Double) -> Jet {
        Jet(
            value: g,
            dx: g1 * dx,
            dy: g1 * dy,
            dxx: g1 * dxx + g2 * dx * dx,
            dxy: g1 * dxy + g2 * dx * dy,
            dyy: g1 * dyy + g2 * dy * dy)
    }
}

extension Jet: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public init(floatLiteral value: Double) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(Double(value)) }
}

extension Jet: Comparable {
    /// Orders by value alone, so `Swift.max`/`Swift.min` and `if x > 0` follow the value.
    /// (`==` compares all six numbers, so two jets with one value but different slopes
    /// are neither equal nor ordered.)
    public static func < (lhs: Jet, rhs: Jet) -> Bool { lhs.value < rhs.value }
}

extension Jet: CustomStringConvertible {
    public var description: String {
        "Jet(value: \(value), gradient: [\(dx), \(dy)], hessian: [[\(dxx), \(dxy)], [\(dxy), \(dyy)]])"
    }
}

// MARK: - Arithmetic

extension Jet {
    public static func + (lhs: Jet, rhs: Jet) -> Jet {
        Jet(value: lhs.value + rhs.value, dx: lhs.dx + rhs.dx, dy: lhs.dy + rhs.dy,
            dxx: lhs.dxx + rhs.dxx, dxy: lhs.dxy + rhs.dxy, dyy: lhs.dyy + rhs.dyy)
    }

    public static func - (lhs: Jet, rhs: Jet) -> Jet {
        Jet(value: lhs.value - rhs.value, dx: lhs.dx - rhs.dx, dy: lhs.dy - rhs.dy,
            dxx: lhs.dxx - rhs.dxx, dxy: lhs.dxy - rhs.dxy, dyy: lhs.dyy - rhs.dyy)
    }

    /// The product rule to second order: (uv)'' = u''v + 2u'v' + uv''.
    public static func * (lhs: Jet, rhs: Jet) -> Jet {
        Jet(value: lhs.value * rhs.value,
            dx: lhs.dx * rhs.value + lhs.value * rhs.dx,
            dy: lhs.dy * rhs.value + lhs.value * rhs.dy,
            dxx: lhs.dxx * rhs.value + 2 * lhs.dx * rhs.dx + lhs.value * rhs.dxx,
            dxy: lhs.dxy * rhs.value + lhs.dx * rhs.dy + lhs.dy * rhs.dx + lhs.value * rhs.dxy,
            dyy: lhs.dyy * rhs.value + 2 * lhs.dy * rhs.dy + lhs.value * rhs.dyy)
    }

    /// u / v as u · (1/v), with 1/v by the chain rule (g' = -1/v², g'' = 2/v³).
    public static func / (lhs: Jet, rhs: Jet) -> Jet {
        let v = rhs.value
        return lhs * rhs.chain(1 / v, -1 / (v * v), 2 / (v * v * v))
    }

    public static prefix func - (operand: Jet) -> Jet {
        Jet(value: -operand.value, dx: -operand.dx, dy: -operand.dy,
            dxx: -operand.dxx, dxy: -operand.dxy, dyy: -operand.dyy)
    }

    // Mixed Jet–Double operators are disfavored so that an expression of literals
    // alone, such as `2 / 200.0`, stays a Double instead of tying with Jet / Double.
    // (A literal next to a jet still becomes a jet, by the Jet–Jet operators.)
    @_disfavoredOverload
    public static func + (lhs: Jet, rhs: Double) -> Jet {
        var result = lhs
        result.value += rhs
        return result
    }

    @_disfavoredOverload
    public static func + (lhs: Double, rhs: Jet) -> Jet { rhs + lhs }
    @_disfavoredOverload
    public static func - (lhs: Jet, rhs: Double) -> Jet { lhs + (-rhs) }
    @_disfavoredOverload
    public static func - (lhs: Double, rhs: Jet) -> Jet { -rhs + lhs }

    @_disfavoredOverload
    public static func * (lhs: Jet, rhs: Double) -> Jet {
        Jet(value: lhs.value * rhs, dx: lhs.dx * rhs, dy: lhs.dy * rhs,
            dxx: lhs.dxx * rhs, dxy: lhs.dxy * rhs, dyy: lhs.dyy * rhs)
    }

    @_disfavoredOverload
    public static func * (lhs: Double, rhs: Jet) -> Jet { rhs * lhs }
    @_disfavoredOverload
    public static func / (lhs: Jet, rhs: Double) -> Jet { lhs * (Double(1) / rhs) }
    @_disfavoredOverload
    public static func / (lhs: Double, rhs: Jet) -> Jet {
        let v = rhs.value
        return rhs.chain(1 / v, -1 / (v * v), 2 / (v * v * v)) * lhs
    }

    public static func += (lhs: inout Jet, rhs: Jet) { lhs = lhs + rhs }
    public static func -= (lhs: inout Jet, rhs: Jet) { lhs = lhs - rhs }
    public static func *= (lhs: inout Jet, rhs: Jet) { lhs = lhs * rhs }
    public static func /= (lhs: inout Jet, rhs: Jet) { lhs = lhs / rhs }
}
