import Foundation
import Testing
@testable import Pages

/// Plots as SVG: the frame (axes, ticks, labels, legend), where points land, log scale, contours.
@Suite struct PlotSVGTests {
    /// SVG coordinates are written from whole tenths; Swift's own `String(Double)` of the rounded
    /// value is the reference for every magnitude up to the clamp, signs and signed zeros.
    @Test func coordinatesAreWhatSwiftPrintsForTheRoundedValue() {
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.5, -0.5, 12.3, -12.3, 99.95, -99.95, 1e9, -1e9, 2e9, -2e9,
                                999_999_999.94, .nan, .infinity, -.infinity, 0.1 + 0.2, 1234.5678]
        for i in 0..<20_000 {
            // Every decade from 1e-3 to 3e9, with mantissas that land on and between tenths.
            let magnitude = pow(10, -3 + 12.5 * Double(i) / 20_000) * (1 + Double(i % 97) / 97)
            values.append(i % 2 == 0 ? magnitude : -magnitude)
        }
        for value in values {
            let rounded = HTML.tenths(value) / 10
            let expected = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
            #expect(HTML.coordinate(value) == expected, "\(value)")
        }
    }

    @Test func linePlotHasAxesTicksLabelsAndLegend() {
        let svg = LinePlot.svg([
            .init(name: "GD", x: [0, 1, 2, 3], y: [0, 1, 4, 9]),
            .init(name: "Adam", x: [0, 1, 2, 3], y: [9, 4, 1, 0]),
        ], title: "loss", xLabel: "step", yLabel: "loss", logScale: false)
        #expect(svg.hasPrefix("<svg class=\"plot line-plot\""))
        #expect(svg.contains("<g class=\"axes\"><line class=\"axis x-axis\""))
        #expect(SVGReading.tags(svg, "line", className: "y-axis").count == 1)
        #expect(SVGReading.texts(svg, className: "x-label") == ["step"])
        #expect(SVGReading.texts(svg, className: "y-label") == ["loss"])
        #expect(SVGReading.texts(svg, className: "plot-title") == ["loss"])
        // y from 0 to 9: a step of 2 (1.8 rounded up to 1, 2, 5 × 10^k), axis 0…10.
        let tickLabels = SVGReading.texts(svg, className: "tick-label")
        #expect(tickLabels.suffix(6) == ["0", "2", "4", "6", "8", "10"])
        #expect(tickLabels.prefix(4) == ["0", "1", "2", "3"])
        let lines = SVGReading.tags(svg, "path", className: "line")
        #expect(lines.count == 2)
        #expect(svg.components(separatedBy: "class=\"legend-entry\"").count - 1 == 2)
        #expect(svg.contains(">GD</text>") && svg.contains(">Adam</text>"))
        #expect(!svg.contains("http"), "inline SVG needs no namespace URL")
    }

    /// Points land where the axes say: y = 4 is 40% of the way up a 0…10 axis.
    @Test func linearPointsLandOnTheirTicks() throws {
        let svg = LinePlot.svg([.init(name: "y", x: [0, 1, 2, 3], y: [0, 1, 4, 9])], title: nil, xLabel: "x", yLabel: "y", logScale: false)
        let d = try #require(SVGReading.tags(svg, "path", className: "line").first.flatMap { SVGReading.attribute($0, "d") })
        let points = SVGReading.points(d)
        #expect(points.count == 4)
        let bottom = PlotFrame.top + PlotFrame.plotHeight, top = PlotFrame.top
        #expect(abs(points[0].1 - bottom) < 0.06)
        #expect(abs(points[2].1 - (bottom + 0.4 * (top - bottom))) < 0.06)
        #expect(abs(points[3].1 - (bottom + 0.9 * (top - bottom))) < 0.06)
        // x from 0 to 3: step 1 (0.6 → 1), so x = 3 is the right edge.
        #expect(abs(points[3].0 - (PlotFrame.width - PlotFrame.right)) < 0.06)
        #expect(!svg.contains("class=\"legend\""), "a single unnamed curve needs no legend")
    }

    /// On a log axis decades are evenly spaced and labelled as powers of ten.
    @Test func logScaleSpacesDecadesEvenly() throws {
        let svg = LinePlot.svg([.init(name: "loss", x: [0, 1, 2, 3], y: [1000, 100, 10, 1])], title: nil,
                               xLabel: "step", yLabel: "loss", logScale: true)
        #expect(svg.contains("data-y-scale=\"log\""))
        #expect(SVGReading.texts(svg, className: "y-label") == ["loss (log scale)"])
        #expect(SVGReading.texts(svg, className: "tick-label").suffix(4) == ["10⁰", "10¹", "10²", "10³"])
        let d = try #require(SVGReading.tags(svg, "path", className: "line").first.flatMap { SVGReading.attribute($0, "d") })
        let ys = SVGReading.points(d).map(\.1)
        #expect(ys.count == 4)
        let gaps = zip(ys, ys.dropFirst()).map { $1 - $0 }
        #expect(gaps.allSatisfy { abs($0 - PlotFrame.plotHeight / 3) < 0.11 })
    }

    /// A diverged value breaks the line into two subpaths instead of dragging the axis to infinity.
    @Test func nonFiniteValuesBreakTheLine() throws {
        let svg = LinePlot.svg([.init(name: "GD", x: [0, 1, 2, 3, 4], y: [1, 2, .infinity, 3, 4])], title: nil,
                               xLabel: "x", yLabel: "y", logScale: false)
        let d = try #require(SVGReading.tags(svg, "path", className: "line").first.flatMap { SVGReading.attribute($0, "d") })
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(SVGReading.points(d).count == 4)
    }

    /// Contours of x² + y² are circles: every point of the level-c line satisfies x² + y² ≈ c.
    @Test func contoursOfAConeAreCircles() throws {
        let n = 41
        let grid = (0..<n).map { row in (0..<n).map { column -> Double in
            let x = -2 + 4 * Double(column) / Double(n - 1), y = -2 + 4 * Double(row) / Double(n - 1)
            return x * x + y * y
        } }
        let svg = ContourPlot.svg(values: grid, xRange: -2...2, yRange: -2...2, minima: [[0, 0]],
                                  paths: [.init(name: "GD", points: [[1.5, 1.5], [1, 1], [0.5, 0.5]])], title: "bowl")
        let levels = ContourPlot.levels(grid)
        let contours = SVGReading.tags(svg, "path", className: "contour")
        #expect(contours.count == levels.count)
        #expect(levels.count >= 8)
        let width = PlotFrame.width - PlotFrame.right - PlotFrame.left
        let height = 420.0 // a square window is as tall as it is wide, capped at 420
        for (tag, level) in zip(contours, levels) {
            let points = SVGReading.points(try #require(SVGReading.attribute(tag, "d")))
            #expect(!points.isEmpty)
            for (px, py) in points {
                let x = -2 + 4 * (px - PlotFrame.left) / width
                let y = -2 + 4 * (PlotFrame.top + height - py) / height
                // Linear interpolation on a 0.1 grid and 0.1-pixel rounding: within 2% plus 0.02.
                #expect(abs(x * x + y * y - level) < 0.02 * level + 0.02, "point (\(x), \(y)) of level \(level)")
            }
        }
        #expect(SVGReading.texts(svg, className: "minimum").count == 1)
        let run = try #require(SVGReading.tags(svg, "path", className: "line").first.flatMap { SVGReading.attribute($0, "d") })
        let start = try #require(SVGReading.points(run).first)
        #expect(abs(start.0 - (PlotFrame.left + 3.5 / 4 * width)) < 0.06)
        #expect(SVGReading.tags(svg, "circle", className: "start").count == 1)
        #expect(SVGReading.tags(svg, "circle", className: "end").count == 1)
        #expect(svg.contains("class=\"legend\"") && svg.contains(">GD</text>"))
        #expect(SVGReading.texts(svg, className: "x-label") == ["x"])
    }

    @Test func niceSteps() {
        #expect(Scale.niceStep(1.8) == 2)
        #expect(Scale.niceStep(0.03) == 0.05)
        #expect(Scale.niceStep(7) == 10)
        #expect(Scale.power(of: -3) == "10⁻³")
    }
}
