import Descent
import Foundation
import Lessons
import Outputs
import Snippets
import Testing
@testable import Pages

/// The rules that make plots read well: a diverged run does not flatten the others, the contour
/// map keeps the start and the minimum in view with the ★ on top, a fit shows validation beside
/// training, axes take labels, and every plot says in words what it shows.
@Suite struct PlotRulesTests {
    static let calm = PlotSeries(name: "calm", x: [0, 1, 2, 3], y: [1, 0.5, 0.25, 0.125])
    static let wild = PlotSeries(name: "wild", x: [0, 1, 2, 3], y: [1, 40, 1e12, .infinity])

    @Test func aDivergedRunDoesNotFlattenTheOthers() throws {
        let svg = LinePlot.svg([Self.calm, Self.wild], title: "loss", xLabel: "step", yLabel: "loss", logScale: false)
        // The y axis fits the calm run (0.125…1), not the wild one's 1e12.
        let yTicks = svg.components(separatedBy: "<g class=\"ticks y-ticks\">").last?.components(separatedBy: "</g>").first ?? ""
        let ticks = SVGReading.texts(yTicks, className: "tick-label").compactMap(Double.init)
        #expect(!ticks.isEmpty)
        #expect((ticks.max() ?? .infinity) <= 1, "\(ticks)")
        let diverged = try #require(SVGReading.tags(svg, "path", className: "diverged").first)
        let points = SVGReading.points(try #require(SVGReading.attribute(diverged, "d")))
        #expect(points.count == 4, "drawn to the edge, up to the step it left")
        #expect(points.dropFirst().allSatisfy { abs($0.1 - PlotFrame.top) < 0.06 }, "clamped to the top edge: \(points)")
        #expect(SVGReading.texts(svg, className: "diverged-mark").count == 1)
        #expect(SVGReading.tags(svg, "path", className: "line").count == 2)
    }

    @Test func withEveryRunDivergedTheAxisStillFitsTheirFiniteValues() {
        let svg = LinePlot.svg([Self.wild], title: nil, xLabel: "step", yLabel: "loss", logScale: true)
        #expect(SVGReading.texts(svg, className: "tick-label").contains("10¹²"))
    }

    @Test func theContourMapKeepsTheStartAndTheMinimumInView() throws {
        // The path starts far outside Quadratic's window [-10, 10] × [-3, 3] and wanders farther still.
        let start = [25.0, -9.0]
        let path = [start, [60, -40], [1e9, 1e9]]
        let surface = try #require(try Surface.sampling(Quadratic(), showing: path, keeping: [start]))
        #expect(surface.xMin < start[0] && start[0] < surface.xMax && surface.yMin < start[1] && start[1] < surface.yMax)
        #expect(surface.xMin < 0 && 0 < surface.xMax && surface.yMin < 0 && 0 < surface.yMax)
    }

    @Test func theMinimumIsDrawnAboveThePaths() throws {
        let grid = (0..<11).map { row in (0..<11).map { column in Double(row * row + column * column) } }
        let svg = ContourPlot.svg(values: grid, xRange: -2...2, yRange: -2...2, minima: [[0, 0]],
                                  paths: [.init(name: "GD", points: [[1, 1], [0.5, 0.5], [0, 0]])], title: "bowl")
        let series = try #require(svg.range(of: "<g class=\"series\">"))
        let minima = try #require(svg.range(of: "<g class=\"minima\">"))
        #expect(series.lowerBound < minima.lowerBound, "later in the SVG is drawn on top")
        #expect(SVGReading.texts(svg, className: "minimum").first?.hasPrefix("★") == true)
    }

    @Test func aFitShowsValidationBesideTraining() {
        let runs = RunsOutput(title: "fit", kind: .fit, runs: [
            RunSeries(name: "Adam", loss: [1, 0.5, 0.3], validationLoss: [1.1, 0.7, 0.6]),
            RunSeries(name: "SGD", loss: [1, 0.8, 0.7], validationLoss: [1.2, 0.9, 0.85]),
        ])
        let html = OutputHTML.html(.runs(runs))
        #expect(html.contains("training and validation loss"))
        #expect(SVGReading.tags(html, "path", className: "line").count == 4)
        let dashed = SVGReading.tags(html, "path", className: "dashed")
        #expect(dashed.count == 2)
        #expect(dashed.first?.contains("class=\"line s0 dashed\"") == true, "the validation curve keeps its run's colour")
        #expect(html.contains(">Adam (validation)</text>"))
    }

    @Test func plotTakesAxisLabels() throws {
        let result = Notebook.run(source: "# P\n\n```swift\nplot(x: [0, 1, 2], y: [3, 1, 2], xLabel: \"step\", yLabel: \"distance\")\n```\n", path: "p.md")
        guard case let .plot(plot) = try #require(result.cells.first?.outputs.first) else {
            Issue.record("no plot: \(result.cells)")
            return
        }
        #expect(plot.xLabel == "step" && plot.yLabel == "distance")
        let svg = OutputHTML.html(.plot(plot))
        #expect(SVGReading.texts(svg, className: "x-label") == ["step"])
        #expect(SVGReading.texts(svg, className: "y-label") == ["distance"])
    }

    @Test func everyPlotIsAnImageWithATitleAndADescriptionInWords() throws {
        let svg = LinePlot.svg([Self.calm, Self.wild], title: "loss", xLabel: "step", yLabel: "loss", logScale: false)
        #expect(svg.contains("role=\"img\" aria-label=\"loss\""))
        #expect(svg.contains("<title>loss</title><desc>"))
        let desc = try #require(svg.components(separatedBy: "<desc>").last?.components(separatedBy: "</desc>").first)
        #expect(desc.contains("loss against step, 2 curves."), "\(desc)")
        #expect(desc.contains("calm: from 1 at step 0 to 0.125 at step 3"), "\(desc)")
        #expect(desc.contains("wild: from 1 at step 0, diverged at step 3."), "\(desc)")
        #expect(desc.contains("Lowest final value: calm, 0.125."), "\(desc)")
        let contour = ContourPlot.svg(values: [[1, 2], [3, 4]], xRange: -1...1, yRange: -1...1, minima: [[0, 0]],
                                      paths: [.init(name: "GD", points: [[1, 1], [0, 0]])], title: "map")
        #expect(contour.contains("role=\"img\""))
        #expect(contour.contains("Minimum at (0, 0). GD: from (1, 1) to (0, 0) in 1 steps."), "\(contour)")
    }
}

/// Stray contour fragments: a level that only clips the map's corner is not drawn; whole lines are.
@Suite struct ContourEdgeTests {
    @Test func aLevelClippingOneCornerLeavesNoFragment() {
        // x + y over a 21 × 21 grid on [0, 1]²: a level of 1.97 crosses only the top-right cell.
        let grid = (0..<21).map { row in (0..<21).map { column in Double(row + column) / 20 } }
        let x = Scale(exactly: 0, 1, start: 70, end: 620), y = Scale(exactly: 0, 1, start: 314, end: 34)
        #expect(ContourPlot.contourPath(grid, level: 1.97, x: x, y: y, xRange: 0...1, yRange: 0...1).isEmpty)
        // A level across the middle is one long line from edge to edge (39 segments): kept.
        let d = ContourPlot.contourPath(grid, level: 1.025, x: x, y: y, xRange: 0...1, yRange: 0...1)
        #expect(SVGReading.points(d).count == 78, "39 segments of two points")
    }
}
