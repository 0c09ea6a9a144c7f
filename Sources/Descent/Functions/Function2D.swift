/// The plotting rectangle of a 2-D function: x from `xMin` to `xMax`, y from `yMin` to `yMax`.
public typealias PlotBounds = (xMin: Double, xMax: Double, yMin: Double, yMax: Double)

/// A function of two variables written as a formula, with exact gradient and Hessian.
///
/// The closure is evaluated once on `Jet`s, which carry first and second
/// derivatives through every operation, so a lesson can write any smooth
/// surface it wants to descend and still run Newton's method on it:
///
///     let ravine = Function2D("ravine") { x, y in x * x / 20 + y * y }
///
/// Points are tensors with two elements (x, y); the gradient has the point's shape.
public struct Function2D: Objective {
    public let name: String
    /// The plotting window; [-3, 3]² unless given.
    public let bounds: PlotBounds
    public let minima: [[Double]]
    /// The formula, evaluated on jets.
    public let formula: @Sendable (Jet, Jet) -> Jet

    /// - Parameters:
    ///   - name: how tables and plots name the function.
    ///   - bounds: the contour-plot window (xMin, xMax, yMin, yMax); [-3, 3]² when nil.
    ///   - minima: known global minima as [x, y] pairs, for plots and tests.
    ///   - f: the formula of x and y.
    public init(
        _ name: String, bounds: PlotBounds? = nil, minima: [[Double]] = [],
        _ f: @escaping @Sendable (Jet, Jet) -> Jet
    ) {
        self.name = name
        self.bounds = bounds ?? (-3, 3, -3, 3)
        self.minima = minima
        self.formula = f
    }

    public var plotBounds: PlotBounds? { bounds }

    /// The value with gradient and Hessian at (x, y).
    public func jet(x: Double, y: Double) -> Jet {
        formula(.x(x), .y(y))
    }

    /// The value at (x, y), for plotting without tensors.
    public func callAsFunction(_ x: Double, _ y: Double) -> Double {
        formula(Jet(x), Jet(y)).value
    }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        let (x, y) = try coordinates(of: point, for: name)
        let result = jet(x: x, y: y)
        return (result.value, try Tensor(shape: point.shape, scalars: [result.dx, result.dy]))
    }

    public func hessian(at point: Tensor) throws -> Tensor? {
        let (x, y) = try coordinates(of: point, for: name)
        return try Tensor(jet(x: x, y: y).hessian)
    }
}

/// The (x, y) of a two-element point, or an error naming the function and the shape it got.
func coordinates(of point: Tensor, for name: String) throws -> (Double, Double) {
    guard point.count == 2 else {
        throw DescentError.invalidShape(operation: "\(name) at a point", shape: point.shape, expected: "2 elements (x, y)")
    }
    return (point.scalars[0], point.scalars[1])
}

/// Packs a closed-form value, gradient and Hessian for a two-element point.
func closedForm(
    _ point: Tensor, _ value: Double, _ gx: Double, _ gy: Double
) throws -> (value: Double, gradient: Tensor) {
    (value, try Tensor(shape: point.shape, scalars: [gx, gy]))
}

/// The symmetric 2×2 Hessian [[hxx, hxy], [hxy, hyy]].
func hessian2(_ hxx: Double, _ hxy: Double, _ hyy: Double) throws -> Tensor {
    try Tensor(shape: [2, 2], scalars: [hxx, hxy, hxy, hyy])
}
