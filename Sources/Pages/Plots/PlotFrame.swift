/// The parts every SVG plot shares: the plotting rectangle, axes with ticks and labels, a title and a legend.
///
/// Both line plots and contour maps draw their frame here so they look alike and the tests
/// can check one structure: `g.axes`, `g.x-ticks`, `g.y-ticks`, `text.axis-label`, `g.legend`.
struct PlotFrame {
    static let width = 640.0
    static let left = 70.0
    static let right = 20.0
    static let plotHeight = 280.0
    static let top = 34.0
    static let legendRowHeight = 20.0
    static let characterWidth = 7.0

    var title: String?
    var xLabel: String
    var yLabel: String
    var legend: [String]
    /// The plotting rectangle's height; a contour map picks it from the function's aspect ratio.
    var height: Double = PlotFrame.plotHeight
    /// Each legend entry's colour and dash, when not one colour per entry in order.
    var legendStyles: [LinePlot.Style] = []
    /// Whether each legend entry's curve has a shaded band: its swatch then sits on a patch of it.
    var legendBands: [Bool] = []

    var plotLeft: Double { Self.left }
    var plotRight: Double { Self.width - Self.right }
    var plotTop: Double { Self.top }
    var plotBottom: Double { Self.top + height }

    /// Legend entries placed left to right, wrapping when a row is full: (row, x) per entry.
    var legendLayout: [(row: Int, x: Double)] {
        var layout: [(Int, Double)] = []
        var row = 0, x = plotLeft
        for name in legend {
            let entryWidth = 34 + Double(name.count) * Self.characterWidth + 18
            if x + entryWidth > plotRight, x > plotLeft { row += 1; x = plotLeft }
            layout.append((row, x))
            x += entryWidth
        }
        return layout
    }

    var totalHeight: Double {
        let rows = legend.isEmpty ? 0 : (legendLayout.map(\.row).max() ?? 0) + 1
        return plotBottom + 52 + Double(rows) * Self.legendRowHeight
    }

    /// The opening `<svg>` tag: `role="img"`, a `<title>` naming the plot and a `<desc>` saying in
    /// words what it shows, so a screen reader user gets the point of the plot.
    func open(kind: String, logScale: Bool, description: String) -> String {
        let label = HTML.escape(title ?? "\(yLabel) against \(xLabel)")
        var svg = "<svg class=\"plot \(kind)\(logScale ? " log-y" : "")\" viewBox=\"0 0 \(HTML.coordinate(Self.width)) \(HTML.coordinate(totalHeight))\" role=\"img\" aria-label=\"\(label)\""
        if logScale { svg += " data-y-scale=\"log\"" }
        svg += ">"
        svg += "<title>\(label)</title><desc>\(HTML.escape(description))</desc>"
        if let title {
            svg += "<text class=\"plot-title\" x=\"\(HTML.coordinate(plotLeft))\" y=\"20\">\(HTML.escape(title))</text>"
        }
        return svg
    }

    /// Grid lines, axes, ticks with labels and the axis labels.
    func axes(x: Scale, y: Scale) -> String {
        var grid = "<g class=\"grid\">"
        var xTicks = "<g class=\"ticks x-ticks\">"
        for tick in x.ticks {
            guard let px = x.pixel(tick.value) else { continue }
            let p = HTML.coordinate(px)
            grid += "<line x1=\"\(p)\" y1=\"\(HTML.coordinate(plotTop))\" x2=\"\(p)\" y2=\"\(HTML.coordinate(plotBottom))\"/>"
            xTicks += "<line x1=\"\(p)\" y1=\"\(HTML.coordinate(plotBottom))\" x2=\"\(p)\" y2=\"\(HTML.coordinate(plotBottom + 5))\"/>"
            xTicks += "<text class=\"tick-label\" x=\"\(p)\" y=\"\(HTML.coordinate(plotBottom + 18))\" text-anchor=\"middle\">\(HTML.escape(tick.label))</text>"
        }
        var yTicks = "<g class=\"ticks y-ticks\">"
        for tick in y.ticks {
            guard let py = y.pixel(tick.value) else { continue }
            let p = HTML.coordinate(py)
            grid += "<line x1=\"\(HTML.coordinate(plotLeft))\" y1=\"\(p)\" x2=\"\(HTML.coordinate(plotRight))\" y2=\"\(p)\"/>"
            yTicks += "<line x1=\"\(HTML.coordinate(plotLeft - 5))\" y1=\"\(p)\" x2=\"\(HTML.coordinate(plotLeft))\" y2=\"\(p)\"/>"
            yTicks += "<text class=\"tick-label\" x=\"\(HTML.coordinate(plotLeft - 8))\" y=\"\(HTML.coordinate(py + 4))\" text-anchor=\"end\">\(HTML.escape(tick.label))</text>"
        }
        let l = HTML.coordinate(plotLeft), r = HTML.coordinate(plotRight)
        let t = HTML.coordinate(plotTop), b = HTML.coordinate(plotBottom)
        var svg = grid + "</g>"
        svg += "<g class=\"axes\"><line class=\"axis x-axis\" x1=\"\(l)\" y1=\"\(b)\" x2=\"\(r)\" y2=\"\(b)\"/>"
        svg += "<line class=\"axis y-axis\" x1=\"\(l)\" y1=\"\(t)\" x2=\"\(l)\" y2=\"\(b)\"/></g>"
        svg += xTicks + "</g>" + yTicks + "</g>"
        let middleX = HTML.coordinate((plotLeft + plotRight) / 2), middleY = HTML.coordinate((plotTop + plotBottom) / 2)
        svg += "<text class=\"axis-label x-label\" x=\"\(middleX)\" y=\"\(HTML.coordinate(plotBottom + 38))\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        let yText = y.logarithmic ? "\(yLabel) (log scale)" : yLabel
        svg += "<text class=\"axis-label y-label\" x=\"16\" y=\"\(middleY)\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(middleY))\">\(HTML.escape(yText))</text>"
        return svg
    }

    /// The legend under the plot: a swatch in each series' colour class and its name.
    func legendSVG(marker: Bool = false) -> String {
        guard !legend.isEmpty else { return "" }
        var svg = "<g class=\"legend\">"
        for (index, (name, place)) in zip(legend, legendLayout).enumerated() {
            let style = index < legendStyles.count ? legendStyles[index] : LinePlot.Style(color: index)
            let y = plotBottom + 60 + Double(place.row) * Self.legendRowHeight
            let x0 = HTML.coordinate(place.x), x1 = HTML.coordinate(place.x + 26), yy = HTML.coordinate(y - 4)
            svg += "<g class=\"legend-entry\">"
            if index < legendBands.count, legendBands[index] {
                svg += "<rect class=\"band-swatch s\(style.color % 8)\(style.dashed ? " dashed" : "")\" x=\"\(x0)\" y=\"\(HTML.coordinate(y - 10))\" width=\"26\" height=\"12\"/>"
            }
            svg += "<line class=\"swatch s\(style.color % 8)\(style.dashed ? " dashed" : "")\" x1=\"\(x0)\" y1=\"\(yy)\" x2=\"\(x1)\" y2=\"\(yy)\"/>"
            if marker {
                svg += "<circle class=\"marker s\(index % 8)\" cx=\"\(HTML.coordinate(place.x + 13))\" cy=\"\(yy)\" r=\"3\"/>"
            }
            svg += "<text x=\"\(HTML.coordinate(place.x + 32))\" y=\"\(HTML.coordinate(y))\">\(HTML.escape(name))</text></g>"
        }
        return svg + "</g>"
    }
}
