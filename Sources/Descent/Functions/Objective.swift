/// A function `minimize` can descend: a value and gradient at any point.
///
/// The 2-D test functions (Rosenbrock, Beale, a user's `Function2D`) conform,
/// and also give their exact Hessian for Newton's method and their plotting
/// window for contour maps.
public protocol Objective: Sendable {
    /// How tables and plots name the function.
    var name: String { get }
    /// The value at `point` and the gradient there (same shape as `point`).
    func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor)
    /// The exact Hessian at `point` as an [n, n] matrix, or nil when the function has none.
    func hessian(at point: Tensor) throws -> Tensor?
    /// For 2-D functions, the rectangle (xMin, xMax, yMin, yMax) a contour plot should show.
    var plotBounds: (xMin: Double, xMax: Double, yMin: Double, yMax: Double)? { get }
    /// The known global minima, if any, for plots and tests.
    var minima: [[Double]] { get }
}

extension Objective {
    public func hessian(at point: Tensor) throws -> Tensor? { nil }
    public var plotBounds: (xMin: Double, xMax: Double, yMin: Double, yMax: Double)? { nil }
    public var minima: [[Double]] { [] }
    /// The value alone.
    public func value(at point: Tensor) throws -> Double { try valueAndGradient(at: point).value }
}
