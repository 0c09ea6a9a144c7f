import Foundation
import Outputs

/// Cell outputs as HTML: text in `<pre>`, tables as `<table>` with the best value marked, plots as SVG.
public enum OutputHTML {
    /// The HTML of one output.
    public static func html(_ output: Output) -> String {
        switch output {
        case let .text(text):
            return "<pre class=\"output output-text\">\(HTML.escape(text))</pre>"
        case let .table(table):
            return self.table(table)
        case let .plot(plot):
            return figure(LinePlot.svg(plot.series, title: plot.title, xLabel: plot.xLabel, yLabel: plot.yLabel, logScale: plot.logScale))
        case let .runs(runs):
            return self.runs(runs)
        }
    }

    /// A comparison: its loss table(s), the loss curves, and for a 2-D minimization the contour map.
    static func runs(_ runs: RunsOutput) -> String {
        var parts = [table(runs.lossTable())]
        if runs.runs.contains(where: { !$0.validationLoss.isEmpty }) {
            parts.append(table(runs.lossTable(validation: true)))
        }
        if let spread = runs.spreadTable() { parts.append(table(spread)) }
        parts.append(figure(lossPlot(runs)))
        if let map = contourMap(runs) { parts.append(figure(map)) }
        return "<div class=\"output output-runs\">" + parts.joined() + "</div>"
    }

    /// A 2-D minimization's contour map with each optimizer's path, nil for other comparisons;
    /// pages, feedback and notebooks all draw it here.
    public static func contourMap(_ runs: RunsOutput) -> String? {
        guard let surface = runs.surface else { return nil }
        func draw() -> String {
            let paths = runs.runs.map { ContourPlot.Path(name: $0.name, points: $0.points) }
            return ContourPlot.svg(
                values: surface.values, xRange: surface.xMin...max(surface.xMax, surface.xMin + 1e-12),
                yRange: surface.yMin...max(surface.yMax, surface.yMin + 1e-12), minima: surface.minima,
                paths: paths, title: runs.title)
        }
        return FigureMemo.current?.contourMap(runs, draw: draw) ?? draw()
    }

    /// The loss curves; a fit with validation data shows each run's validation curve dashed, in
    /// its training curve's colour, beside it. Over several seeds the curves are the means, each
    /// with a band of ± s behind it, and the title says so. The site, feedback pages and notebooks
    /// all draw a comparison's curves here.
    public static func lossPlot(_ runs: RunsOutput) -> String {
        var curves = runs.lossCurves
        var styles = curves.indices.map { LinePlot.Style(color: $0) }
        var bands = runs.bands(validation: false).map(band)
        let validationBands = runs.bands(validation: true)
        let offset = runs.kind == .minimize ? 0 : 1
        for (index, run) in runs.runs.enumerated() where !run.validationLoss.isEmpty {
            curves.append(PlotSeries(name: run.name + " (validation)",
                                     x: run.validationLoss.indices.map { Double($0 + offset) }, y: run.validationLoss))
            styles.append(LinePlot.Style(color: index, dashed: true))
            bands.append(band(validationBands[index]))
        }
        var title = curves.count > runs.runs.count ? "training and validation loss" : "loss"
        if let caption = runs.bandCaption { title += ": " + caption }
        let note = runs.seeds.map { "each curve is the mean over \($0.count) seeds, its band ± one sample standard deviation s" }
        return LinePlot.svg(curves, title: title, xLabel: runs.unit, yLabel: "loss", logScale: runs.usesLogScale, styles: styles,
                            bands: bands, bandNote: note)
    }

    private static func band(_ edges: (lower: [Double], upper: [Double])?) -> LinePlot.Band? {
        edges.map { LinePlot.Band(lower: $0.lower, upper: $0.upper) }
    }

    static func figure(_ svg: String) -> String {
        "<figure class=\"output output-plot\">\(svg)</figure>"
    }

    /// A table: a caption, header cells with scopes, numbers right-aligned in one format per column,
    /// each row's best cell `class="best"` with a visible mark. A table without a title gets a
    /// caption naming its columns, read by screen readers only.
    public static func table(_ table: TableOutput) -> String {
        var html = "<div class=\"output output-table\" tabindex=\"0\"><table>"
        if let title = table.title {
            html += "<caption>\(HTML.escape(title))</caption>"
        } else {
            html += "<caption class=\"visually-hidden\">Table of \(HTML.escape(table.columns.joined(separator: ", ")))</caption>"
        }
        let formats = table.columns.indices.map { column in
            NumberColumn(table.rows.compactMap { column < $0.count ? $0[column].number : nil })
        }
        html += "<thead><tr>" + table.columns.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (rowIndex, row) in table.rows.enumerated() {
            let best = rowIndex < table.best.count ? table.best[rowIndex] : nil
            html += "<tr>"
            for (column, value) in row.enumerated() {
                var classes: [String] = []
                let text: String
                switch value {
                case let .int(i): text = String(i); classes.append("num")
                case let .number(d): text = column < formats.count ? formats[column].text(d) : number(d); classes.append("num")
                case let .text(t): text = t
                }
                let isBest = best == column
                if isBest { classes.append("best") }
                let tag = column == 0 ? "th scope=\"row\"" : "td"
                let close = column == 0 ? "th" : "td"
                let attributes = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                let body = isBest ? "<strong title=\"best in this row\">\(HTML.escape(text))</strong>" : HTML.escape(text)
                html += "<\(tag)\(attributes)>\(body)</\(close)>"
            }
            html += "</tr>"
        }
        html += "</tbody></table>"
        for note in table.footnotes { html += "<p class=\"table-note\">\(HTML.escape(note))</p>" }
        return html + "</div>"
    }

    /// Four significant digits; scientific notation for very large or small magnitudes.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if value == 0 { return "0" }
        let magnitude = Swift.abs(value)
        if magnitude >= 1e5 || magnitude < 1e-3 { return String(format: "%.3e", value) }
        var text = String(format: "%.4g", value)
        if text.contains("e") { text = String(format: "%.4f", value) }
        return text
    }
}


/// One number format for a whole table column, so a column's digits line up and compare at a glance.
///
/// A column whose values span very large or very small magnitudes (any at or above 1e5, or
/// below 1e-3 but not 0) is written in scientific notation throughout; otherwise every value gets
/// the decimals that show its smallest value to four significant digits (at most six).
struct NumberColumn {
    enum Format: Equatable {
        case scientific
        case fixed(decimals: Int)
    }

    let format: Format

    init(_ values: [Double]) {
        let magnitudes = values.filter(\.isFinite).map(Swift.abs).filter { $0 > 0 }
        if magnitudes.contains(where: { $0 >= 1e5 || $0 < 1e-3 }) {
            format = .scientific
        } else {
            let decimals = magnitudes.map { Swift.min(Swift.max(3 - Int(floor(log10($0))), 0), 6) }.max() ?? 0
            format = .fixed(decimals: decimals)
        }
    }

    /// `value` in the column's format; `nan`, `inf` and `-inf` for values that are not finite.
    func text(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        switch format {
        case .scientific: return String(format: "%.3e", value)
        case let .fixed(decimals): return String(format: "%.\(decimals)f", value)
        }
    }
}

extension TableCell {
    /// The cell's value when it is a floating-point number.
    var number: Double? {
        if case let .number(value) = self { value } else { nil }
    }
}
