import Outputs

/// Line plots as inline SVG: loss curves of a comparison and the curves of `plot(...)`.
///
/// Points that cannot be drawn (not finite, or not positive on a log axis) break the line
/// rather than ending it, so a run that diverges shows where it left the plot.
public enum LinePlot {
    /// The SVG of `curves` with axes, tick labels, axis labels and (for more than one curve) a legend.
    public static func svg(_ curves: [PlotSeries], title: String?, xLabel: String, yLabel: String, logScale: Bool) -> String {
        let showLegend = curves.count > 1 || (curves.first.map { $0.name != "y" } ?? false)
        let frame = PlotFrame(title: title, xLabel: xLabel, yLabel: yLabel, legend: showLegend ? curves.map(\.name) : [])
        let x = Scale(covering: curves.flatMap(\.x), logarithmic: false, start: frame.plotLeft, end: frame.plotRight)
        let y = Scale(covering: curves.flatMap(\.y), logarithmic: logScale, start: frame.plotBottom, end: frame.plotTop)
        var svg = frame.open(kind: "line-plot", logScale: logScale)
        svg += frame.axes(x: x, y: y)
        svg += "<g class=\"series\">"
        for (index, curve) in curves.enumerated() {
            let d = path(curve, x: x, y: y)
            guard !d.isEmpty else { continue }
            svg += "<path class=\"line s\(index % 8)\" d=\"\(d)\"><title>\(HTML.escape(curve.name))</title></path>"
        }
        svg += "</g>" + frame.legendSVG() + "</svg>"
        return svg
    }

    /// `M x y L x y …`, starting a new subpath after each point that cannot be drawn.
    ///
    /// A lone point gets a tiny segment so the round line cap shows it as a dot.
    static func path(_ curve: PlotSeries, x: Scale, y: Scale) -> String {
        var segments: [[(String, String)]] = [[]]
        for (xValue, yValue) in zip(curve.x, curve.y) {
            if let px = x.pixel(xValue), let py = y.pixel(yValue) {
                segments[segments.count - 1].append((HTML.coordinate(px), HTML.coordinate(py)))
            } else if segments[segments.count - 1].isEmpty == false {
                segments.append([])
            }
        }
        var d = ""
        for segment in segments where !segment.isEmpty {
            d += "M\(segment[0].0) \(segment[0].1)"
            for point in segment.dropFirst() { d += "L\(point.0) \(point.1)" }
            if segment.count == 1 { d += "h0.01" }
        }
        return d
    }
}
