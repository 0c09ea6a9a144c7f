import Outputs

/// A plot's data in words, for its SVG `<desc>`: what is plotted, the curves, the best final value.
///
/// A screen reader reads this instead of the picture, so it says what a sighted reader takes from
/// the plot: which curve ends lowest, which diverged, where each path went.
enum PlotDescription {
    /// Line plots: one sentence for the axes, one saying what the shaded bands are, one per curve
    /// (with its band's edges at its last point), and the lowest final value.
    static func lines(_ curves: [PlotSeries], diverged: [Bool], bands: [LinePlot.Band?] = [], bandNote: String? = nil,
                      xLabel: String, yLabel: String) -> String {
        let count = curves.count
        var sentences = ["\(yLabel) against \(xLabel), \(count) \(count == 1 ? "curve" : "curves")."]
        if bands.contains(where: { $0 != nil }) {
            sentences.append("Shaded bands: \(bandNote ?? "the spread around each curve").")
        }
        var best: (name: String, value: Double)?
        for (index, curve) in curves.enumerated() {
            let finite = zip(curve.x, curve.y).filter { $0.1.isFinite }
            guard let first = finite.first, let last = finite.last else {
                sentences.append("\(curve.name): no finite value.")
                continue
            }
            var sentence = "\(curve.name): from \(number(first.1)) at \(xLabel) \(number(first.0))"
            if index < diverged.count, diverged[index] {
                let at = zip(curve.x, curve.y).first { !$0.1.isFinite }?.0
                sentence += ", diverged" + (at.map { " at \(xLabel) \(number($0))" } ?? "") + "."
            } else {
                sentence += " to \(number(last.1)) at \(xLabel) \(number(last.0))"
                if index < bands.count, let band = bands[index], let at = curve.y.lastIndex(where: { $0.isFinite }),
                   at < band.lower.count, at < band.upper.count {
                    sentence += " (band \(number(band.lower[at])) to \(number(band.upper[at])))"
                }
                sentence += ", lowest \(number(finite.map(\.1).min() ?? last.1))."
                if best.map({ last.1 < $0.value }) ?? true { best = (curve.name, last.1) }
            }
            sentences.append(sentence)
        }
        if count > 1, let best { sentences.append("Lowest final value: \(best.name), \(number(best.value)).") }
        return sentences.joined(separator: " ")
    }

    /// Contour maps: the window, the minima, and where each path started and ended.
    static func contour(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, minima: [[Double]], paths: [ContourPlot.Path]) -> String {
        var sentences = ["Contour map over x from \(number(xRange.lowerBound)) to \(number(xRange.upperBound)) "
            + "and y from \(number(yRange.lowerBound)) to \(number(yRange.upperBound))."]
        let points = minima.filter { $0.count == 2 }.map(point)
        if !points.isEmpty { sentences.append("Minimum at \(points.joined(separator: ", ")).") }
        for path in paths {
            let drawable = path.points.filter { $0.count == 2 && $0[0].isFinite && $0[1].isFinite }
            guard let first = drawable.first, let last = drawable.last else { continue }
            let left = drawable.count < path.points.count ? ", then diverged" : ""
            sentences.append("\(path.name): from \(point(first)) to \(point(last)) in \(path.points.count - 1) steps\(left).")
        }
        return sentences.joined(separator: " ")
    }

    static func point(_ p: [Double]) -> String { "(\(number(p[0])), \(number(p[1])))" }

    static func number(_ value: Double) -> String { OutputHTML.number(value) }
}
