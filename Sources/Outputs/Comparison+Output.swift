import Descent

/// A `minimize` or `fit` comparison as the output a page, a terminal or a script shows.
///
/// The interpreter and an exported script both convert through here, so a comparison shows the
/// same table, curves and contour map whichever ran it.
extension RunsOutput {
    /// The comparison's runs, with the contour grid of a 2-D minimization when `surface` is given.
    public init(_ comparison: Comparison, surface: Surface?) {
        let runs = comparison.runs.map { run in
            RunSeries(name: run.name, loss: run.loss, points: run.points, validationLoss: run.validationLoss,
                      stopReason: run.stopReason == .completed ? nil : run.stopReason.description, divergedAt: run.divergedAt)
        }
        self.init(title: comparison.title, kind: comparison.kind == .minimize ? .minimize : .fit, runs: runs, surface: surface)
    }

    /// The comparison with its contour grid computed from its objective (a 2-D minimization only).
    public init(_ comparison: Comparison) throws {
        var surface: Surface?
        if comparison.kind == .minimize, let objective = comparison.objective,
           comparison.runs.contains(where: { $0.points.first?.count == 2 }) {
            surface = try Surface.sampling(objective, showing: comparison.runs.flatMap(\.points),
                                           keeping: comparison.runs.compactMap(\.points.first))
        }
        self.init(comparison, surface: surface)
    }
}

extension Surface {
    /// Grid points across and down the contour map: fine enough for the site to draw smooth contours.
    public static let columns = 101, rows = 81

    /// The objective on a 101 × 81 grid over its plotting window, widened to show the paths, for the contour map.
    ///
    /// The window grows to include every finite point of every path, but by at
    /// most its own width (height) on each side, 3× in all: a run that diverges
    /// to 1e8 would otherwise shrink the interesting region to a single cell.
    /// Checks the execution limits once per row, since an interpreted objective can be slow.
    ///
    /// The starts (`keeping`) and the objective's minima are always inside the window, whatever
    /// else the paths do: a reader must see where each run began and where it should end.
    public static func sampling(_ objective: any Objective, showing points: [[Double]], keeping starts: [[Double]] = []) throws -> Surface? {
        guard let window = objective.plotBounds else { return nil }
        let anchors = (starts + objective.minima).filter { $0.count == 2 && $0[0].isFinite && $0[1].isFinite }
        let (x0, x1) = including(window.xMin, window.xMax, anchors.map { $0[0] })
        let (y0, y1) = including(window.yMin, window.yMax, anchors.map { $0[1] })
        let xs = points.compactMap { $0.count == 2 && $0[0].isFinite ? $0[0] : nil }
        let ys = points.compactMap { $0.count == 2 && $0[1].isFinite ? $0[1] : nil }
        let (xMin, xMax) = widened(x0, x1, toShow: xs)
        let (yMin, yMax) = widened(y0, y1, toShow: ys)
        guard xMax - xMin < 1e6, yMax - yMin < 1e6, xMax > xMin, yMax > yMin else { return nil }
        var values: [[Double]] = []
        for row in 0..<rows {
            try ExecutionLimits.check()
            let y = yMin + (yMax - yMin) * Double(row) / Double(rows - 1)
            values.append(try (0..<columns).map { column in
                let x = xMin + (xMax - xMin) * Double(column) / Double(columns - 1)
                return try objective.value(at: Tensor([x, y]))
            })
        }
        return Surface(xMin: xMin, xMax: xMax, yMin: yMin, yMax: yMax, values: values, minima: objective.minima)
    }

    /// One axis of the window stretched to hold every one of `coordinates`, with a 5% margin.
    static func including(_ low: Double, _ high: Double, _ coordinates: [Double]) -> (Double, Double) {
        guard let first = coordinates.min(), let last = coordinates.max(), first < low || last > high else { return (low, high) }
        let (a, b) = (min(first, low), max(last, high))
        let margin = 0.05 * (b - a)
        return (first < low ? a - margin : a, last > high ? b + margin : b)
    }

    /// One axis of the window: stretched to the path's extent plus a 5% margin, clamped to one window width beyond each side.
    static func widened(_ low: Double, _ high: Double, toShow coordinates: [Double]) -> (Double, Double) {
        guard let first = coordinates.min(), let last = coordinates.max(), first < low || last > high else { return (low, high) }
        let width = high - low
        let (a, b) = (max(min(first, low), low - width), min(max(last, high), high + width))
        let margin = 0.05 * (b - a)
        return (max(a - margin, low - width), min(b + margin, high + width))
    }
}
