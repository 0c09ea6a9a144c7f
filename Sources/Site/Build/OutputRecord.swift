import Snippets

/// A cell output as a `Codable` value: text, a table, a comparison's runs, or a plot.
public enum OutputRecord: Codable, Sendable, Equatable {
    case text(String)
    case table(TableRecord)
    case runs(RunsRecord)
    case plot(PlotRecord)

    public init(_ output: Output) {
        switch output {
        case let .text(text): self = .text(text)
        case let .table(table): self = .table(TableRecord(table))
        case let .runs(runs): self = .runs(RunsRecord(runs))
        case let .plot(plot): self = .plot(PlotRecord(plot))
        }
    }
}

/// A table: numbers stay numbers so the page can align them and mark the best.
public struct TableRecord: Codable, Sendable, Equatable {
    public enum Value: Codable, Sendable, Equatable {
        case int(Int)
        case number(Double)
        case text(String)
    }

    public var title: String?
    public var columns: [String]
    public var rows: [[Value]]
    /// For each row, the column holding the best value, if any.
    public var best: [Int?]
    public var footnotes: [String]

    public init(title: String?, columns: [String], rows: [[Value]], best: [Int?], footnotes: [String]) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.best = best
        self.footnotes = footnotes
    }

    init(_ table: TableOutput) {
        self.init(title: table.title, columns: table.columns, rows: table.rows.map { row in
            row.map { cell in
                switch cell {
                case let .int(i): return .int(i)
                case let .number(d): return .number(d)
                case let .text(t): return .text(t)
                }
            }
        }, best: table.best, footnotes: table.footnotes)
    }
}

/// A `minimize` or `fit` comparison: every run's losses, 2-D paths and the objective's surface.
public struct RunsRecord: Codable, Sendable, Equatable {
    public struct Run: Codable, Sendable, Equatable {
        public var name: String
        public var loss: [Double]
        public var points: [[Double]]
        public var validationLoss: [Double]
        public var stopReason: String?
        public var divergedAt: Int?

        public init(name: String, loss: [Double], points: [[Double]] = [], validationLoss: [Double] = [],
                    stopReason: String? = nil, divergedAt: Int? = nil) {
            self.name = name
            self.loss = loss
            self.points = points
            self.validationLoss = validationLoss
            self.stopReason = stopReason
            self.divergedAt = divergedAt ?? loss.firstIndex { !$0.isFinite }
        }
    }

    public struct Surface: Codable, Sendable, Equatable {
        public var xMin: Double, xMax: Double, yMin: Double, yMax: Double
        /// `values[row][column]`, row 0 at `yMin`.
        public var values: [[Double]]
        public var minima: [[Double]]

        public init(xMin: Double, xMax: Double, yMin: Double, yMax: Double, values: [[Double]], minima: [[Double]]) {
            self.xMin = xMin
            self.xMax = xMax
            self.yMin = yMin
            self.yMax = yMax
            self.values = values
            self.minima = minima
        }
    }

    public var title: String
    /// "minimize" or "fit".
    public var kind: String
    public var runs: [Run]
    public var surface: Surface?

    public init(title: String, kind: String, runs: [Run], surface: Surface? = nil) {
        self.title = title
        self.kind = kind
        self.runs = runs
        self.surface = surface
    }

    init(_ output: RunsOutput) {
        self.init(title: output.title, kind: output.kind.rawValue, runs: output.runs.map {
            Run(name: $0.name, loss: $0.loss, points: $0.points, validationLoss: $0.validationLoss,
                stopReason: $0.stopReason, divergedAt: $0.divergedAt)
        }, surface: output.surface.map {
            Surface(xMin: $0.xMin, xMax: $0.xMax, yMin: $0.yMin, yMax: $0.yMax, values: $0.values, minima: $0.minima)
        })
    }

    /// Log scale when the positive finite losses span more than two decades (as the terminal decides).
    public var usesLogScale: Bool {
        let values = runs.flatMap(\.loss).filter { $0.isFinite }
        guard let low = values.min(), let high = values.max(), low > 0 else { return false }
        return high / low > 100
    }
}

/// A line plot made by `plot(...)`.
public struct PlotRecord: Codable, Sendable, Equatable {
    public struct Series: Codable, Sendable, Equatable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
    }

    public var title: String?
    public var series: [Series]
    public var xLabel: String
    public var yLabel: String
    public var logScale: Bool

    init(_ plot: PlotOutput) {
        title = plot.title
        series = plot.series.map { Series(name: $0.name, x: $0.x, y: $0.y) }
        xLabel = plot.xLabel
        yLabel = plot.yLabel
        logScale = plot.logScale
    }
}
