/// A function of one tensor of any size, differentiated by reverse-mode autodiff.
///
/// Where `Function2D` is for surfaces a lesson can plot, `Function` is for
/// objectives in many dimensions, written with `Variable` operations:
///
///     let sphere = Function("sphere") { w in (w * w).sum() }
///
/// The closure must return a one-element variable. It has no exact Hessian,
/// so Newton's method does not apply to it; first-order optimizers do.
public struct Function: Objective {
    public let name: String
    public let minima: [[Double]]
    /// The plotting window, for a `Function` that happens to take two elements.
    public let bounds: PlotBounds?
    /// The formula, evaluated on variables.
    public let formula: @Sendable (Variable) throws -> Variable

    /// - Parameters:
    ///   - name: how tables and plots name the function.
    ///   - bounds: a contour-plot window (xMin, xMax, yMin, yMax) when the input has 2 elements.
    ///   - minima: known global minima, as flat lists of the input's elements.
    ///   - f: the formula; it receives the point as a variable and returns a one-element variable.
    public init(
        _ name: String, bounds: PlotBounds? = nil, minima: [[Double]] = [],
        _ f: @escaping @Sendable (Variable) throws -> Variable
    ) {
        self.name = name
        self.bounds = bounds
        self.minima = minima
        self.formula = f
    }

    public var plotBounds: PlotBounds? { bounds }

    public func valueAndGradient(at point: Tensor) throws -> (value: Double, gradient: Tensor) {
        try valueWithGradient(at: point, of: formula)
    }
}

/// Values of a 2-D objective on a regular grid, for contour and surface plots.
///
/// `values[j][i]` is the value at (`xs[i]`, `ys[j]`): rows follow y, the
/// layout matplotlib's `contour(xs, ys, values)` and most plotting code expect.
public struct ContourGrid: Sendable, Equatable {
    /// The x coordinates, evenly spaced from xMin to xMax inclusive.
    public let xs: [Double]
    /// The y coordinates, evenly spaced from yMin to yMax inclusive.
    public let ys: [Double]
    /// One row per y, one column per x.
    public let values: [[Double]]

    /// The smallest and largest finite value on the grid, for choosing contour levels.
    public var range: (min: Double, max: Double)? {
        let finite = values.joined().filter { $0.isFinite }
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return (low, high)
    }
}

/// Evaluates a 2-D objective at `resolution` × `resolution` points for a contour plot.
///
/// - Parameters:
///   - objective: a function of two variables.
///   - resolution: points per axis, at least 2 (the corners of the window are included).
///   - bounds: the window; the objective's `plotBounds` when nil.
/// - Throws: `DescentError` when the resolution is below 2, when neither `bounds`
///   nor the objective gives a window, or when the window is empty.
public func grid(of objective: any Objective, resolution: Int = 100, bounds: PlotBounds? = nil) throws -> ContourGrid {
    guard resolution >= 2 else {
        throw DescentError.invalidArgument(name: "resolution", value: "\(resolution)", expected: "at least 2 points per axis")
    }
    guard let window = bounds ?? objective.plotBounds else {
        throw DescentError.invalidArgument(
            name: "bounds", value: "nil", expected: "a window (xMin, xMax, yMin, yMax): \(objective.name) has no plotBounds")
    }
    guard window.xMin < window.xMax, window.yMin < window.yMax else {
        throw DescentError.invalidArgument(
            name: "bounds", value: "(\(window.xMin), \(window.xMax), \(window.yMin), \(window.yMax))",
            expected: "xMin < xMax and yMin < yMax")
    }
    func axis(_ low: Double, _ high: Double) -> [Double] {
        (0..<resolution).map { low + (high - low) * Double($0) / Double(resolution - 1) }
    }
    let xs = axis(window.xMin, window.xMax)
    let ys = axis(window.yMin, window.yMax)
    let values = try ys.map { y in try xs.map { x in try objective.value(at: Tensor([x, y])) } }
    return ContourGrid(xs: xs, ys: ys, values: values)
}
