import Foundation
import Outputs

/// A contour map of a 2-D objective with each optimizer's path drawn over it, as inline SVG.
///
/// Levels are quantiles of the sampled values, so both a gentle bowl and Rosenbrock's steep
/// walls get evenly spread lines; the map keeps the window's aspect ratio so a ravine looks
/// like one. The plotting area is a nested `<svg>`, which clips paths without needing ids.
public enum ContourPlot {
    /// One optimizer's path: iterates as `[x, y]`.
    public struct Path: Sendable {
        public var name: String
        public var points: [[Double]]

        public init(name: String, points: [[Double]]) {
            self.name = name
            self.points = points
        }
    }

    static let levelCount = 12

    /// The SVG of the map: contour lines, paths with start and end markers, the minima as ★ above
    /// them, axes, a legend, and a `<desc>` with the window, the minima and each path's ends.
    public static func svg(values: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                           minima: [[Double]], paths: [Path], title: String?) -> String {
        var frame = PlotFrame(title: title, xLabel: "x", yLabel: "y", legend: paths.map(\.name))
        let plotWidth = frame.plotRight - frame.plotLeft
        let aspect = (yRange.upperBound - yRange.lowerBound) / max(1e-12, xRange.upperBound - xRange.lowerBound)
        frame.height = min(420, max(200, plotWidth * aspect))
        let x = Scale(exactly: xRange.lowerBound, xRange.upperBound, start: frame.plotLeft, end: frame.plotRight)
        let y = Scale(exactly: yRange.lowerBound, yRange.upperBound, start: frame.plotBottom, end: frame.plotTop)
        var svg = frame.open(kind: "contour-plot", logScale: false,
                             description: PlotDescription.contour(xRange: xRange, yRange: yRange, minima: minima, paths: paths))
        svg += frame.axes(x: x, y: y)
        let l = HTML.coordinate(frame.plotLeft), t = HTML.coordinate(frame.plotTop)
        let w = HTML.coordinate(plotWidth), h = HTML.coordinate(frame.height)
        svg += "<svg class=\"plot-area\" x=\"\(l)\" y=\"\(t)\" width=\"\(w)\" height=\"\(h)\" viewBox=\"\(l) \(t) \(w) \(h)\" overflow=\"hidden\">"
        svg += "<g class=\"contours\">"
        let levels = self.levels(values)
        for (index, level) in levels.enumerated() {
            let d = contourPath(values, level: level, x: x, y: y, xRange: xRange, yRange: yRange)
            guard !d.isEmpty else { continue }
            let opacity = 0.85 - 0.5 * Double(index) / Double(max(1, levels.count - 1))
            svg += "<path class=\"contour\" stroke-opacity=\"\(String(format: "%.2f", opacity))\" d=\"\(d)\"/>"
        }
        svg += "</g><g class=\"series\">"
        for (index, path) in paths.enumerated() {
            let curve = PlotSeries(name: path.name, x: path.points.map { $0.count == 2 ? $0[0] : .nan },
                                   y: path.points.map { $0.count == 2 ? $0[1] : .nan })
            let d = LinePlot.path(curve, x: x, y: y).d
            guard !d.isEmpty else { continue }
            svg += "<g class=\"run s\(index % 8)\"><title>\(HTML.escape(path.name))</title><path class=\"line s\(index % 8)\" d=\"\(d)\"/>"
            let drawable = path.points.compactMap { point -> (Double, Double)? in
                guard point.count == 2, let px = x.pixel(point[0]), let py = y.pixel(point[1]) else { return nil }
                return (px, py)
            }
            if let first = drawable.first {
                svg += "<circle class=\"start s\(index % 8)\" cx=\"\(HTML.coordinate(first.0))\" cy=\"\(HTML.coordinate(first.1))\" r=\"4\"/>"
            }
            if let last = drawable.last {
                svg += "<circle class=\"marker end s\(index % 8)\" cx=\"\(HTML.coordinate(last.0))\" cy=\"\(HTML.coordinate(last.1))\" r=\"3.5\"/>"
            }
            svg += "</g>"
        }
        // The minima last, so the ★ is drawn above every path that reaches it.
        svg += "</g><g class=\"minima\">"
        for minimum in minima where minimum.count == 2 {
            guard let px = x.pixel(minimum[0]), let py = y.pixel(minimum[1]) else { continue }
            let a = HTML.coordinate(px), b = HTML.coordinate(py)
            svg += "<text class=\"minimum\" x=\"\(a)\" y=\"\(b)\" dy=\"6\" text-anchor=\"middle\">★<title>minimum at \(PlotDescription.point(minimum))</title></text>"
        }
        svg += "</g></svg>" + frame.legendSVG(marker: true) + "</svg>"
        return svg
    }

    /// Distinct quantiles of the finite values, lowest first.
    static func levels(_ values: [[Double]]) -> [Double] {
        let finite = values.flatMap { $0 }.filter(\.isFinite).sorted()
        guard let low = finite.first, let high = finite.last, high > low else { return [] }
        var levels: [Double] = []
        for i in 1...levelCount {
            let fraction = pow(Double(i) / Double(levelCount + 1), 1.6)
            let value = finite[min(finite.count - 1, Int(fraction * Double(finite.count - 1)))]
            if value > low, value < high, levels.last.map({ value > $0 }) ?? true { levels.append(value) }
        }
        return levels
    }

    /// Marching squares over the grid: one `M…L…` segment per crossing pair in each cell.
    ///
    /// The hot loop of a site build (every 2-D comparison draws a dozen levels on a fine grid),
    /// so a cell the level misses costs four comparisons and nothing is allocated per cell.
    static func contourPath(_ values: [[Double]], level: Double, x: Scale, y: Scale,
                            xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) -> String {
        let rows = values.count, columns = values.first?.count ?? 0
        guard rows > 1, columns > 1 else { return "" }
        let dx = (xRange.upperBound - xRange.lowerBound) / Double(columns - 1)
        let dy = (yRange.upperBound - yRange.lowerBound) / Double(rows - 1)
        var segments: [ContourLines.Segment] = []
        for row in 0..<(rows - 1) {
            let below = values[row], above = values[row + 1]
            guard above.count == columns, below.count == columns else { continue }
            for column in 0..<(columns - 1) {
                // Corners counter-clockwise from bottom-left: (row, column), (row, column+1), (row+1, column+1), (row+1, column).
                let v = (below[column], below[column + 1], above[column + 1], above[column])
                let inside = (v.0 < level, v.1 < level, v.2 < level, v.3 < level)
                if inside.0 == inside.1, inside.1 == inside.2, inside.2 == inside.3 { continue }
                guard v.0.isFinite, v.1.isFinite, v.2.isFinite, v.3.isFinite else { continue }
                /// Where the level crosses the edge from corner a to corner b (grid offsets within the cell), in data units.
                func crossing(_ va: Double, _ vb: Double, from a: (Double, Double), to b: (Double, Double)) -> (Double, Double) {
                    let t = (level - va) / (vb - va)
                    let gx = Double(column) + a.0 + t * (b.0 - a.0), gy = Double(row) + a.1 + t * (b.1 - a.1)
                    return (xRange.lowerBound + gx * dx, yRange.lowerBound + gy * dy)
                }
                var crossings: (Double, Double, Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0, 0, 0)
                var count = 0
                func add(_ point: (Double, Double)) {
                    switch count {
                    case 0: crossings.0 = point.0; crossings.1 = point.1
                    case 1: crossings.2 = point.0; crossings.3 = point.1
                    case 2: crossings.4 = point.0; crossings.5 = point.1
                    default: crossings.6 = point.0; crossings.7 = point.1
                    }
                    count += 1
                }
                if inside.0 != inside.1 { add(crossing(v.0, v.1, from: (0, 0), to: (1, 0))) }
                if inside.1 != inside.2 { add(crossing(v.1, v.2, from: (1, 0), to: (1, 1))) }
                if inside.2 != inside.3 { add(crossing(v.2, v.3, from: (1, 1), to: (0, 1))) }
                if inside.3 != inside.0 { add(crossing(v.3, v.0, from: (0, 1), to: (0, 0))) }
                func point(_ i: Int) -> (Double, Double) {
                    switch i {
                    case 0: (crossings.0, crossings.1)
                    case 1: (crossings.2, crossings.3)
                    case 2: (crossings.4, crossings.5)
                    default: (crossings.6, crossings.7)
                    }
                }
                func segment(_ i: Int, _ j: Int) {
                    let (a, b) = (point(i), point(j))
                    guard let x1 = x.pixel(a.0), let y1 = y.pixel(a.1), let x2 = x.pixel(b.0), let y2 = y.pixel(b.1) else { return }
                    segments.append(.init(from: (x1, y1), to: (x2, y2)))
                }
                if count == 2 {
                    segment(0, 1)
                } else if count == 4 {
                    // A saddle: the cell's mean decides which corners the level separates.
                    let center = (v.0 + v.1 + v.2 + v.3) / 4
                    if (center < level) == inside.0 { segment(0, 1); segment(2, 3) } else { segment(0, 3); segment(1, 2) }
                }
            }
        }
        let edges = (x.pixel(xRange.lowerBound) ?? 0, x.pixel(xRange.upperBound) ?? 0,
                     y.pixel(yRange.lowerBound) ?? 0, y.pixel(yRange.upperBound) ?? 0)
        var d = ""
        for segment in ContourLines.withoutEdgeFragments(segments, edges: edges) {
            d += "M\(HTML.coordinate(segment.from.0)) \(HTML.coordinate(segment.from.1))"
                + "L\(HTML.coordinate(segment.to.0)) \(HTML.coordinate(segment.to.1))"
        }
        return d
    }
}

/// Contour segments joined into lines, so the pieces a level leaves at the map's edge can go.
///
/// Marching squares draws a level wherever it crosses a grid cell; where a level barely clips a
/// corner or a side of the sampled window, that is one or two short segments alone at the edge,
/// a stray fragment that reads as noise. Segments are joined end to end into lines; a line of at
/// most `strayLength` segments that touches the edge is dropped. Lines inside the map are kept
/// whatever their length.
enum ContourLines {
    /// One marching-squares segment, in pixels.
    struct Segment {
        var from: (Double, Double)
        var to: (Double, Double)
    }

    /// Lines this short (in segments) that touch the edge are stray fragments.
    static let strayLength = 2

    /// `segments` without the stray fragments at the edge, in their original order.
    ///
    /// `edges` are the pixels of the window's left, right, bottom and top sides.
    static func withoutEdgeFragments(_ segments: [Segment], edges: (Double, Double, Double, Double)) -> [Segment] {
        // Endpoints meet exactly (both cells compute the same crossing), so a rounded key joins them.
        struct Key: Hashable { var x: Int, y: Int }
        /// The point at the tenth of a pixel `HTML.coordinate` writes, so points that print alike join.
        func key(_ point: (Double, Double)) -> Key {
            Key(x: Int(clamping: HTML.tenths(point.0)), y: Int(clamping: HTML.tenths(point.1)))
        }
        var byPoint: [Key: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byPoint[key(segment.from), default: []].append(index)
            byPoint[key(segment.to), default: []].append(index)
        }
        func onEdge(_ point: (Double, Double)) -> Bool {
            abs(point.0 - edges.0) < 0.5 || abs(point.0 - edges.1) < 0.5 || abs(point.1 - edges.2) < 0.5 || abs(point.1 - edges.3) < 0.5
        }
        var line = [Int](repeating: -1, count: segments.count)
        var keep: [Bool] = []
        for start in segments.indices where line[start] < 0 {
            let id = keep.count
            var stack = [start], members: [Int] = [], touches = false
            line[start] = id
            while let index = stack.popLast() {
                members.append(index)
                for point in [segments[index].from, segments[index].to] {
                    touches = touches || onEdge(point)
                    for next in byPoint[key(point)] ?? [] where line[next] < 0 {
                        line[next] = id
                        stack.append(next)
                    }
                }
            }
            keep.append(!(touches && members.count <= strayLength))
        }
        return segments.indices.filter { keep[line[$0]] }.map { segments[$0] }
    }
}
