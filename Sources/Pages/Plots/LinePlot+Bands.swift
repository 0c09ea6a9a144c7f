import Outputs

/// Shaded bands behind line-plot curves: the spread of a run repeated over several seeds.
///
/// A mean curve alone hides how much another seed could differ; the band (mean − s to mean + s)
/// shows it. Bands are drawn in a group before the curves, in each curve's colour with a low
/// fill opacity (the stylesheet's), so every line stays visible on top of every band.
extension LinePlot {
    /// The lower and upper edge of a band at each x of its curve.
    public struct Band: Sendable, Equatable {
        public var lower: [Double]
        public var upper: [Double]

        public init(lower: [Double], upper: [Double]) {
            self.lower = lower
            self.upper = upper
        }
    }

    /// `<g class="bands">` with one closed `path.band` per band, or nothing when there is none.
    static func bandsSVG(_ curves: [PlotSeries], bands: [Band?], styles: [Style], x: Scale, y: Scale,
                         edge: ClosedRange<Double>) -> String {
        guard bands.contains(where: { $0 != nil }) else { return "" }
        var svg = "<g class=\"bands\">"
        for (index, curve) in curves.enumerated() {
            guard let band = bands[index] else { continue }
            let d = bandPath(curve.x, band, x: x, y: y, edge: edge)
            guard !d.isEmpty else { continue }
            let style = index < styles.count ? styles[index] : Style(color: index)
            let classes = "band s\(style.color % 8)" + (style.dashed ? " dashed" : "")
            svg += "<path class=\"\(classes)\" d=\"\(d)\"><title>\(HTML.escape(curve.name)): band</title></path>"
        }
        return svg + "</g>"
    }

    /// The band as closed outlines: along the upper edge left to right, back along the lower edge.
    ///
    /// A point whose edges are not finite (a seed diverged there) or whose x cannot be drawn breaks
    /// the band; a lower edge that a log axis cannot show (0 or below) is drawn on the axis, and
    /// both edges are clamped to the plot, so a band never spills over the frame.
    static func bandPath(_ xs: [Double], _ band: Band, x: Scale, y: Scale, edge: ClosedRange<Double>) -> String {
        var segments: [[(x: Double, upper: Double, lower: Double)]] = [[]]
        let count = min(xs.count, band.lower.count, band.upper.count)
        for index in 0..<count {
            let low = band.lower[index], high = band.upper[index]
            guard low.isFinite, high.isFinite, let px = x.pixel(xs[index]), let top = y.pixel(high) else {
                if !(segments.last?.isEmpty ?? true) { segments.append([]) }
                continue
            }
            let bottom = y.pixel(low) ?? edge.upperBound
            func clamped(_ value: Double) -> Double { min(max(value, edge.lowerBound), edge.upperBound) }
            segments[segments.count - 1].append((px, clamped(top), clamped(bottom)))
        }
        var d = ""
        for segment in segments where segment.count >= 2 {
            d += "M\(HTML.coordinate(segment[0].x)) \(HTML.coordinate(segment[0].upper))"
            for point in segment.dropFirst() { d += "L\(HTML.coordinate(point.x)) \(HTML.coordinate(point.upper))" }
            for point in segment.reversed() { d += "L\(HTML.coordinate(point.x)) \(HTML.coordinate(point.lower))" }
            d += "Z"
        }
        return d
    }
}
