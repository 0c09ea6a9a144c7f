import Descent
import Foundation

/// Prints a value the way a lesson page shows it: the explicit form of a cell's displayed last expression.
///
/// `gradus export` turns a cell's displayed value into `show(value)`, so the exported script
/// prints what `gradus run` prints: a comparison as its loss table, curves and contour map, a
/// table or plot drawn in text, anything else as its description. Void prints nothing, as a
/// cell ending in a call that returns nothing shows nothing.
public func show<T>(_ value: T) {
    let outputs = displayed(value)
    guard !outputs.isEmpty else { return }
    let color = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    for output in outputs { print(OutputText.render(output, color: color)) }
}

/// The outputs a value displays as, in the order the page shows them.
public func displayed<T>(_ value: T) -> [Output] {
    switch value {
    case is Void: return []
    case let output as Output: return [output]
    case let comparison as Comparison:
        return [.runs((try? RunsOutput(comparison)) ?? RunsOutput(comparison, surface: nil))]
    case let seeded as SeedComparison:
        return [.runs(RunsOutput(seeded))]
    case let text as String: return [.text(text)]
    default: return [.text(String(describing: value))]
    }
}

/// A table of rows, as `table(columns:rows:)` in a lesson: Ints and Doubles stay numbers, the rest is text.
public func table(columns: [String], rows: [[Any]], title: String? = nil) throws -> Output {
    let cells = try rows.enumerated().map { index, row -> [TableCell] in
        guard row.count == columns.count else {
            throw OutputError("row \(index) has \(row.count) values but the table has \(columns.count) columns")
        }
        return row.map(TableCell.init(any:))
    }
    return .table(TableOutput(title: title, columns: columns, rows: cells))
}

/// A table of numbers only; the same as the general form, but quicker for the compiler to type-check.
public func table(columns: [String], rows: [[Double]], title: String? = nil) throws -> Output {
    try table(columns: columns, rows: rows as [[Any]], title: title)
}

/// A line plot of `y` against its index.
public func plot(_ y: [Double], title: String? = nil, xLabel: String = "index", yLabel: String = "y", logScale: Bool? = nil) -> Output {
    .plot(PlotOutput.automatic([PlotSeries(name: "y", x: y.indices.map(Double.init), y: y)], title: title, xLabel: xLabel, yLabel: yLabel, logScale: logScale))
}

/// A line plot of a tensor's elements against their index.
public func plot(_ y: Tensor, title: String? = nil, xLabel: String = "index", yLabel: String = "y", logScale: Bool? = nil) -> Output {
    plot(y.scalars, title: title, xLabel: xLabel, yLabel: yLabel, logScale: logScale)
}

/// One curve per named series (`plot(["GD": a, "Adam": b])`), in the order of their names.
///
/// A Swift dictionary has no order, so the names are sorted: the page, the terminal and a
/// compiled script draw the curves, their colours and their legend the same way.
public func plot(_ series: [String: [Double]], title: String? = nil, xLabel: String = "index", yLabel: String = "y", logScale: Bool? = nil) -> Output {
    let curves = series.sorted { $0.key < $1.key }.map { PlotSeries(name: $0.key, x: $0.value.indices.map(Double.init), y: $0.value) }
    return .plot(PlotOutput.automatic(curves, title: title, xLabel: xLabel, yLabel: yLabel, logScale: logScale))
}

/// A line plot of `y` against `x`.
public func plot(x: [Double], y: [Double], title: String? = nil, xLabel: String = "x", yLabel: String = "y", logScale: Bool? = nil) throws -> Output {
    guard x.count == y.count else {
        throw OutputError("plot(x:y:) needs as many x values as y values, got \(x.count) and \(y.count)")
    }
    return .plot(PlotOutput.automatic([PlotSeries(name: "y", x: x, y: y)], title: title, xLabel: xLabel, yLabel: yLabel, logScale: logScale))
}

/// One curve per named series against a shared `x` (`plot(x: alphas, y: ["β = 0": a, "β = 1": b])`), in name order.
public func plot(x: [Double], y series: [String: [Double]], title: String? = nil, xLabel: String = "x", yLabel: String = "y", logScale: Bool? = nil) throws -> Output {
    let curves = try series.sorted { $0.key < $1.key }.map { name, y -> PlotSeries in
        guard x.count == y.count else {
            throw OutputError("plot(x:y:) needs as many x values as y values, got \(x.count) and \(y.count) in '\(name)'")
        }
        return PlotSeries(name: name, x: x, y: y)
    }
    return .plot(PlotOutput.automatic(curves, title: title, xLabel: xLabel, yLabel: yLabel, logScale: logScale))
}

/// A mistake in building an output, such as a table row of the wrong length.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension TableCell {
    /// A table cell for any value: numbers stay numbers so they align and keep their precision.
    public init(any value: Any) {
        switch value {
        case let i as Int: self = .int(i)
        case let d as Double: self = .number(d)
        case let text as String: self = .text(text)
        default: self = .text(String(describing: value))
        }
    }
}

extension PlotOutput {
    /// A plot whose scale is logarithmic when asked, or by default when `LogScale.suits` its values.
    public static func automatic(_ series: [PlotSeries], title: String?, xLabel: String, yLabel: String = "y", logScale: Bool?) -> PlotOutput {
        PlotOutput(title: title, series: series, xLabel: xLabel, yLabel: yLabel, logScale: logScale ?? LogScale.suits(series.flatMap(\.y)))
    }
}
