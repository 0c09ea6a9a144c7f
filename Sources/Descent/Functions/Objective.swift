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
    /// The gradient alone, as a lesson asks for it: `Booth().gradient(at: [1, 3])`.
    public func gradient(at point: Tensor) throws -> Tensor { try valueAndGradient(at: point).gradient }
    public func gradient(at point: [Double]) throws -> Tensor { try gradient(at: Tensor(point)) }
    /// The exact Hessian, for a function known to have one: throws rather than returning nil.
    ///
    /// `hessian(at:)` on a tensor returns nil for a function without a Hessian (Newton checks
    /// that); a lesson asks for a specific function's Hessian and wants the matrix.
    public func hessian(at point: [Double]) throws -> Tensor {
        guard let hessian = try hessian(at: Tensor(point)) else {
            throw DescentError.invalidArgument(name: "hessian", value: name, expected: "a function with an exact Hessian")
        }
        return hessian
    }
}
