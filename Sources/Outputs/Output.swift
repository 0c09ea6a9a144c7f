import Descent

/// What a cell shows: printed text, a table, a comparison of runs, or a plot.
///
/// Outputs are structured, not text, so the terminal, JSON and (later) HTML
/// renderers each draw them their own way from the same data. They are `Codable` so the site
/// can cache them on disk as they are.
public enum Output: Sendable, Codable, Equatable {
    case text(String)
    case table(TableOutput)
    case runs(RunsOutput)
    case plot(PlotOutput)

    /// The name the DSL gives this kind of value, for error messages.
    public var typeName: String {
        switch self {
        case .text: return "String"
        case .table: return "Table"
        case .runs: return "Comparison"
        case .plot: return "Plot"
        }
    }
}

/// A table made by `table(columns:rows:)` or derived from a comparison.
public struct TableOutput: Sendable, Codable, Equatable {
    public var title: String?
    public var columns: [String]
    public var rows: [[TableCell]]
    /// For each row, the column to mark as best (e.g. the lowest loss), if any.
    public var best: [Int?]
    /// Lines shown under the table, e.g. "GD(lr: 1.0) diverged at step 3".
    public var footnotes: [String]

    public init(title: String? = nil, columns: [String], rows: [[TableCell]], best: [Int?] = [], footnotes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.best = best
        self.footnotes = footnotes
    }
}

/// One table cell: numbers stay numbers so JSON keeps full precision.
public enum TableCell: Sendable, Codable, Equatable {
    case int(Int)
    case number(Double)
    case text(String)
}

/// The runs of a `minimize` or `fit` comparison, every step of each.
public struct RunsOutput: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case minimize, fit }

    public var title: String
    public var kind: Kind
    public var runs: [RunSeries]
    /// The objective's values on a grid, for the contour map of a 2-D minimization.
    public var surface: Surface?
    /// A comparison repeated over several seeds (`overSeeds`): the seeds, in the order they ran;
    /// each run's curves are then their means, with the spread beside them.
    public var seeds: [Int]?

    public init(title: String, kind: Kind, runs: [RunSeries], surface: Surface? = nil, seeds: [Int]? = nil) {
        self.title = title
        self.kind = kind
        self.runs = runs
        self.surface = surface
        self.seeds = seeds
    }
}

/// One optimizer's run.
public struct RunSeries: Sendable, Codable, Equatable {
    public var name: String
    /// Minimize: the value at each iterate, index 0 the start. Fit: the training loss per epoch.
    public var loss: [Double]
    /// Minimize in 2-D: each iterate's coordinates.
    public var points: [[Double]]
    /// Fit with validation data: the validation loss per epoch.
    public var validationLoss: [Double]
    public var stopReason: String?
    /// The step at which the loss stopped being finite.
    public var divergedAt: Int?
    /// Over several seeds: the spread of the training loss at each index (`loss` holds the means,
    /// so every drawing of a run, table, curve or text, shows the mean).
    public var spread: [Spread]?
    /// Over several seeds: the spread of the validation loss at each epoch (`validationLoss` holds the means).
    public var validationSpread: [Spread]?

    public init(name: String, loss: [Double], points: [[Double]] = [], validationLoss: [Double] = [], stopReason: String? = nil, divergedAt: Int? = nil,
                spread: [Spread]? = nil, validationSpread: [Spread]? = nil) {
        self.name = name
        self.loss = loss
        self.points = points
        self.validationLoss = validationLoss
        self.stopReason = stopReason
        self.divergedAt = divergedAt ?? loss.firstIndex { !$0.isFinite }
        self.spread = spread
        self.validationSpread = validationSpread
    }
}

/// A function of two variables sampled on a regular grid: `values[row][column]`, row 0 at `yMin`.
public struct Surface: Sendable, Codable, Equatable {
    public var xMin: Double, xMax: Double, yMin: Double, yMax: Double
    public var values: [[Double]]
    public var minima: [[Double]]

    public init(xMin: Double, xMax: Double, yMin: Double, yMax: Double, values: [[Double]], minima: [[Double]] = []) {
        self.xMin = xMin
        self.xMax = xMax
        self.yMin = yMin
        self.yMax = yMax
        self.values = values
        self.minima = minima
    }
}

/// A line plot made by `plot(...)`.
public struct PlotOutput: Sendable, Codable, Equatable {
    public var title: String?
    public var series: [PlotSeries]
    public var xLabel: String
    public var yLabel: String
    public var logScale: Bool

    public init(title: String? = nil, series: [PlotSeries], xLabel: String = "x", yLabel: String = "y", logScale: Bool = false) {
        self.title = title
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logScale = logScale
    }
}

public struct PlotSeries: Sendable, Codable, Equatable {
    public var name: String
    public var x: [Double]
    public var y: [Double]

    public init(name: String, x: [Double], y: [Double]) {
        self.name = name
        self.x = x
        self.y = y
    }
}
