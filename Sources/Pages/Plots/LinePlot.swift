import Outputs

/// Line plots as inline SVG: loss curves of a comparison and the curves of `plot(...)`.
///
/// A curve that diverged (reached a value that is not finite) must not flatten the others: the
/// y axis fits the finite values of the curves that did not diverge, and a diverged curve is
/// drawn dashed, clamped to the plot's edge, with a ✕ where it left. Points that cannot be drawn
/// (not finite, or not positive on a log axis) break a line rather than ending it.
public enum LinePlot {
    /// How one curve is drawn.
    public struct Style: Sendable, Hashable {
        /// The colour class `s0`…`s7`.
        public var color: Int
        /// Dashed, for a validation curve beside its training curve.
        public var dashed: Bool

        public init(color: Int, dashed: Bool = false) {
            self.color = color
            self.dashed = dashed
        }
    }

    /// The SVG of `curves` with axes, tick labels, axis labels, a legend for more than one curve,
    /// and a `<desc>` saying in words what the curves do; `styles` defaults to one colour each.
    ///
    /// `bands[i]`, when given, shades a band behind curve i (drawn before every line, so no band
    /// covers a curve), and the y axis fits the bands of the curves it fits; `bandNote` says in
    /// the `<desc>` what the bands are, e.g. "± one sample standard deviation over 5 seeds".
    public static func svg(_ curves: [PlotSeries], title: String?, xLabel: String, yLabel: String, logScale: Bool,
                           styles: [Style]? = nil, bands: [Band?] = [], bandNote: String? = nil) -> String {
        let styles = styles ?? curves.indices.map { Style(color: $0) }
        let shaded = curves.indices.map { index in index < bands.count ? bands[index] : nil }
        let showLegend = curves.count > 1 || (curves.first.map { $0.name != "y" } ?? false)
        var frame = PlotFrame(title: title, xLabel: xLabel, yLabel: yLabel, legend: showLegend ? curves.map(\.name) : [])
        frame.legendStyles = styles
        frame.legendBands = shaded.map { $0 != nil }
        let diverged = curves.map(Self.diverged)
        let fitted = curves.indices.filter { !diverged[$0] }
        let fitting = fitted.isEmpty ? Array(curves.indices) : fitted
        let x = Scale(covering: curves.flatMap(\.x), logarithmic: false, start: frame.plotLeft, end: frame.plotRight)
        let yValues = fitting.flatMap { index in curves[index].y + (shaded[index].map { band in band.lower + band.upper } ?? []) }
        let y = Scale(covering: yValues, logarithmic: logScale, start: frame.plotBottom, end: frame.plotTop)
        let description = PlotDescription.lines(curves, diverged: diverged, bands: shaded, bandNote: bandNote, xLabel: xLabel, yLabel: yLabel)
        var svg = frame.open(kind: "line-plot", logScale: logScale, description: description)
        svg += frame.axes(x: x, y: y)
        svg += bandsSVG(curves, bands: shaded, styles: styles, x: x, y: y, edge: frame.plotTop...frame.plotBottom)
        svg += "<g class=\"series\">"
        for (index, curve) in curves.enumerated() {
            let style = index < styles.count ? styles[index] : Style(color: index)
            let edge = diverged[index] && !fitted.isEmpty ? frame.plotTop...frame.plotBottom : nil
            let (d, last) = path(curve, x: x, y: y, clampingTo: edge)
            guard !d.isEmpty else { continue }
            var classes = "line s\(style.color % 8)"
            if style.dashed { classes += " dashed" }
            if diverged[index] { classes += " diverged" }
            svg += "<path class=\"\(classes)\" d=\"\(d)\"><title>\(HTML.escape(curve.name))</title></path>"
            if diverged[index], let (px, py) = last {
                let a = HTML.coordinate(px), b = HTML.coordinate(py)
                svg += "<text class=\"diverged-mark s\(style.color % 8)\" x=\"\(a)\" y=\"\(b)\" text-anchor=\"middle\" dy=\"4\">✕"
                svg += "<title>\(HTML.escape(curve.name)) diverged</title></text>"
            }
        }
        svg += "</g>" + frame.legendSVG() + "</svg>"
        return svg
    }

    /// Whether a curve diverged: some value of it is not finite.
    static func diverged(_ curve: PlotSeries) -> Bool {
        curve.y.contains { !$0.isFinite }
    }

    /// `M x y L x y …`, starting a new subpath after each point that cannot be drawn, and the
    /// last point drawn. With `clampingTo`, points past the plot's top or bottom are drawn on its
    /// edge and the curve stops at its first value that is not finite.
    ///
    /// A lone point gets a tiny segment so the round line cap shows it as a dot.
    static func path(_ curve: PlotSeries, x: Scale, y: Scale,
                     clampingTo edge: ClosedRange<Double>? = nil) -> (d: String, last: (Double, Double)?) {
        var segments: [[(Double, Double)]] = [[]]
        for (xValue, yValue) in zip(curve.x, curve.y) {
            if let edge, !yValue.isFinite {
                if let px = x.pixel(xValue) { segments[segments.count - 1].append((px, yValue < 0 ? edge.upperBound : edge.lowerBound)) }
                break
            }
            if let px = x.pixel(xValue), var py = y.pixel(yValue) {
                if let edge { py = min(max(py, edge.lowerBound), edge.upperBound) }
                segments[segments.count - 1].append((px, py))
            } else if segments[segments.count - 1].isEmpty == false {
                segments.append([])
            }
        }
        var d = ""
        for segment in segments where !segment.isEmpty {
            d += "M\(HTML.coordinate(segment[0].0)) \(HTML.coordinate(segment[0].1))"
            for point in segment.dropFirst() { d += "L\(HTML.coordinate(point.0)) \(HTML.coordinate(point.1))" }
            if segment.count == 1 { d += "h0.01" }
        }
        return (d, segments.last { !$0.isEmpty }?.last)
    }
}
