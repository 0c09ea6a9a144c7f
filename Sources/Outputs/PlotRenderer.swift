import Foundation

/// Small plots drawn with Unicode characters: line charts and contour maps with paths.
enum PlotRenderer {
    static let markers: [Character] = ["●", "▲", "■", "◆", "✚", "✖", "○", "△"]

    /// Curves on a character grid; log scale when asked (values must be positive).
    static func curves(_ series: [PlotSeries], logScale: Bool, title: String?, style: Style, width: Int = 60, height: Int = 12) -> String {
        let transform: (Double) -> Double? = { value in
            guard value.isFinite else { return nil }
            if logScale { return value > 0 ? log10(value) : nil }
            return value
        }
        let points = series.map { s in zip(s.x, s.y).compactMap { x, y in transform(y).map { (x, $0) } } }
        let xs = points.flatMap { $0.map(\.0) }, ys = points.flatMap { $0.map(\.1) }
        guard let xMin = xs.min(), let xMax = xs.max(), var yMin = ys.min(), var yMax = ys.max() else {
            return style.dim("(nothing to plot: no finite values)")
        }
        if yMax == yMin { yMax += 0.5; yMin -= 0.5 }
        var grid = Array(repeating: Array(repeating: " " as Character, count: width), count: height)
        var owner = Array(repeating: Array(repeating: -1, count: width), count: height)
        for (index, line) in points.enumerated() {
            let marker = markers[index % markers.count]
            var previousRow: Int?
            for column in 0..<width {
                let x = xMax == xMin ? xMin : xMin + (xMax - xMin) * Double(column) / Double(width - 1)
                guard let y = interpolate(line, at: x) else { previousRow = nil; continue }
                let row = height - 1 - Int(clamping: (y - yMin) / (yMax - yMin) * Double(height - 1), to: -1...height)
                let clamped = min(max(row, 0), height - 1)
                if let previousRow, Swift.abs(previousRow - clamped) > 1 {
                    let range = previousRow < clamped ? (previousRow + 1)..<clamped : (clamped + 1)..<previousRow
                    for r in range where grid[r][column] == " " { grid[r][column] = "│"; owner[r][column] = index }
                }
                grid[clamped][column] = marker
                owner[clamped][column] = index
                previousRow = clamped
            }
        }
        let label: (Double) -> String = { NumberFormat.axis(logScale ? pow(10, $0) : $0) }
        let labels = [label(yMax), label((yMax + yMin) / 2), label(yMin)]
        let labelWidth = labels.map(\.count).max() ?? 0
        var lines: [String] = []
        if let title { lines.append(style.bold(title) + (logScale ? style.dim("  (log scale)") : "")) }
        for row in 0..<height {
            let text: String
            switch row {
            case 0: text = labels[0]
            case height / 2: text = labels[1]
            case height - 1: text = labels[2]
            default: text = ""
            }
            let body = (0..<width).map { column -> String in
                let character = String(grid[row][column])
                return owner[row][column] >= 0 ? style.series(owner[row][column], character) : character
            }.joined()
            lines.append(String(repeating: " ", count: labelWidth - text.count) + text + " ┤" + body)
        }
        let left = NumberFormat.axis(xMin), right = NumberFormat.axis(xMax)
        lines.append(String(repeating: " ", count: labelWidth) + " └" + String(repeating: "─", count: width))
        lines.append(String(repeating: " ", count: labelWidth + 2) + left + String(repeating: " ", count: max(1, width - left.count - right.count)) + right)
        if series.count > 1 || series.first?.name != "y" {
            lines.append(legend(series.map(\.name), style: style, labelWidth: labelWidth))
        }
        return lines.joined(separator: "\n")
    }

    static func legend(_ names: [String], style: Style, labelWidth: Int) -> String {
        String(repeating: " ", count: labelWidth + 2) + names.enumerated().map { index, name in
            style.series(index, String(markers[index % markers.count])) + " " + name
        }.joined(separator: "   ")
    }

    /// Linear interpolation between the two points around `x`, nil outside the series.
    private static func interpolate(_ points: [(Double, Double)], at x: Double) -> Double? {
        guard let first = points.first else { return nil }
        if points.count == 1 { return Swift.abs(first.0 - x) < 1e-12 ? first.1 : nil }
        for (a, b) in zip(points, points.dropFirst()) where a.0 <= x && x <= b.0 {
            return b.0 == a.0 ? a.1 : a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
        }
        return nil
    }

    /// A shaded contour map of `surface` with each run's path drawn over it.
    ///
    /// The surface is sampled more finely than a terminal can show (the site
    /// draws smooth contours from it), so it is first reduced to at most
    /// `width` × `height` characters by taking the nearest grid point.
    static func contour(_ surface: Surface, runs: [RunSeries], style: Style, width maxWidth: Int = 60, height maxHeight: Int = 20) -> String {
        let sourceHeight = surface.values.count, sourceWidth = surface.values.first?.count ?? 0
        guard sourceHeight > 1, sourceWidth > 1, surface.values.allSatisfy({ $0.count == sourceWidth }) else { return "" }
        let height = min(sourceHeight, maxHeight), width = min(sourceWidth, maxWidth)
        let values = nearest(height, of: sourceHeight).map { row in nearest(width, of: sourceWidth).map { surface.values[row][$0] } }
        let shades: [Character] = [" ", "·", ":", "-", "=", "+", "*", "#", "%", "@"]
        let finite = values.flatMap { $0 }.filter(\.isFinite).sorted()
        func shade(_ value: Double) -> Character {
            guard value.isFinite, !finite.isEmpty else { return "@" }
            var low = 0, high = finite.count
            while low < high { let mid = (low + high) / 2; if finite[mid] < value { low = mid + 1 } else { high = mid } }
            return shades[min(shades.count - 1, low * shades.count / finite.count)]
        }
        var grid = values.reversed().map { $0.map(shade) }
        var owner = Array(repeating: Array(repeating: -1, count: width), count: height)
        func cell(_ x: Double, _ y: Double) -> (Int, Int)? {
            // Rounded in Double first: a diverging path's 1e300 is outside the map and must not reach Int().
            let u = ((x - surface.xMin) / (surface.xMax - surface.xMin) * Double(width - 1)).rounded()
            let v = ((y - surface.yMin) / (surface.yMax - surface.yMin) * Double(height - 1)).rounded()
            guard u.isFinite, v.isFinite, u >= 0, u <= Double(width - 1), v >= 0, v <= Double(height - 1) else { return nil }
            return (height - 1 - Int(v), Int(u))
        }
        for minimum in surface.minima where minimum.count == 2 {
            if let (row, column) = cell(minimum[0], minimum[1]) { grid[row][column] = "★" }
        }
        for (index, run) in runs.enumerated() {
            for point in run.points where point.count == 2 {
                if let (row, column) = cell(point[0], point[1]) {
                    grid[row][column] = markers[index % markers.count]
                    owner[row][column] = index
                }
            }
        }
        var lines = grid.enumerated().map { row, characters in
            "  " + characters.enumerated().map { column, character -> String in
                owner[row][column] >= 0 ? style.series(owner[row][column], String(character)) : String(character)
            }.joined()
        }
        lines.append(style.dim("  x ∈ [\(NumberFormat.axis(surface.xMin)), \(NumberFormat.axis(surface.xMax))], y ∈ [\(NumberFormat.axis(surface.yMin)), \(NumberFormat.axis(surface.yMax))]; ★ minimum; darker is higher"))
        lines.append(legend(runs.map(\.name), style: style, labelWidth: 0))
        return lines.joined(separator: "\n")
    }

    /// `count` indices spread evenly over `0..<source`, ends included, each the nearest grid index.
    static func nearest(_ count: Int, of source: Int) -> [Int] {
        guard count > 1 else { return [0] }
        return (0..<count).map { Int((Double($0) * Double(source - 1) / Double(count - 1)).rounded()) }
    }
}
