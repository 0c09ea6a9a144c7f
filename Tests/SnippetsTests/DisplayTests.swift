import Descent
import Foundation
import Testing
@testable import Outputs
@testable import Snippets

/// Comparisons shown mid-cell, and the contour surface: its finer grid, its clamped window, its terminal rendering.
@Suite struct DisplayTests {
    static func cell(_ code: String) throws -> CellResult {
        let result = Notebook.run(source: "```swift\n" + code + "\n```\n", path: "display.md")
        let cell = try #require(result.cells.last)
        #expect(cell.error == nil, "\(cell.error?.rendered ?? "")")
        return cell
    }

    @Test func comparisonsInTheMiddleOfACellAreShownInOrder() throws {
        let cell = try Self.cell("""
            print("first")
            minimize(Booth(), from: [0, 0], steps: 5) { GD(lr: 0.05) }
            print("second")
            minimize(Booth(), from: [1, 1], steps: 5) { Adam(lr: 0.1) }
            _ = minimize(Booth(), from: [2, 2], steps: 5) { GD(lr: 0.01) }
            let bound = minimize(Booth(), from: [3, 3], steps: 5) { GD(lr: 0.01) }
            bound.runs.count
            """)
        let kinds = cell.outputs.map { output -> String in
            switch output {
            case let .text(text): return text
            case let .runs(runs): return "runs " + runs.runs.map(\.name).joined()
            case .table: return "table"
            case .plot: return "plot"
            }
        }
        #expect(kinds == ["first", "runs GD(lr: 0.05)", "second", "runs Adam(lr: 0.1)", "1"])
    }

    @Test func surfaceIsSampledOnAFineGrid() throws {
        let cell = try Self.cell("minimize(Booth(), from: [0, 0], steps: 20) { GD(lr: 0.05) }")
        guard case let .runs(runs) = try #require(cell.outputs.first), let surface = runs.surface else {
            Issue.record("no contour surface")
            return
        }
        #expect(surface.values.count == 81)
        #expect(surface.values.allSatisfy { $0.count == 101 })
        // Booth is (x + 2y − 7)² + (2x + y − 5)²; the grid's corner is the window's corner.
        let booth = { (x: Double, y: Double) in (x + 2 * y - 7) * (x + 2 * y - 7) + (2 * x + y - 5) * (2 * x + y - 5) }
        #expect(Swift.abs(surface.values[0][0] - booth(surface.xMin, surface.yMin)) < 1e-9)
        #expect(Swift.abs(surface.values[80][100] - booth(surface.xMax, surface.yMax)) < 1e-9)
    }

    @Test func divergingPathDoesNotStretchTheMapBeyondThreeWindows() throws {
        // GD with lr 1.1 on x² + y² multiplies the point by −1.2 per step: 1.2¹⁰⁰ ≈ 8e7 after 100 steps.
        let cell = try Self.cell("minimize(Quadratic(), from: [1, 1], steps: 100) { GD(lr: 1.1) }")
        guard case let .runs(runs) = try #require(cell.outputs.first), let surface = runs.surface else {
            Issue.record("no contour surface")
            return
        }
        let window = try #require(Quadratic().plotBounds)
        let width = window.xMax - window.xMin, height = window.yMax - window.yMin
        #expect(Swift.abs(surface.xMin - (window.xMin - width)) < 1e-9)
        #expect(Swift.abs(surface.xMax - (window.xMax + width)) < 1e-9)
        #expect(Swift.abs(surface.yMax - surface.yMin - 3 * height) < 1e-9)
    }

    @Test func windowWidensToShowAPathWithAMargin() {
        // The path reaches −3 in the window [−2, 2]: the span [−3, 2] plus 5% of 5 on each side.
        let (low, high) = Surface.widened(-2, 2, toShow: [-3, 1])
        #expect(Swift.abs(low - -3.25) < 1e-12 && Swift.abs(high - 2.25) < 1e-12)
        // Far outside on one side: clamped to one width (4) beyond it; the margin is 5% of the clamped span 8.
        let (far1, far2) = Surface.widened(-2, 2, toShow: [1e8])
        #expect(Swift.abs(far1 - -2.4) < 1e-12 && far2 == 6)
        let inside = Surface.widened(-2, 2, toShow: [0, 1])
        #expect(inside.0 == -2 && inside.1 == 2)
    }

    @Test func terminalMapSamplesTheNearestGridPoint() {
        #expect(PlotRenderer.nearest(3, of: 5) == [0, 2, 4])
        let columns = PlotRenderer.nearest(60, of: 101)
        #expect(columns.count == 60 && columns.first == 0 && columns.last == 100)
        // Row r of 20 takes grid row round(80·r/19): 80/19 = 4.21 for r = 1.
        #expect(Array(PlotRenderer.nearest(20, of: 81).prefix(3)) == [0, 4, 8])
        // A surface that rises with x: each character column is shaded by its column's rank,
        // so the map's left edge is blank and its right edge darkest.
        let values = (0..<81).map { _ in (0..<101).map { Double($0) } }
        let surface = Surface(xMin: 0, xMax: 1, yMin: 0, yMax: 1, values: values)
        let text = PlotRenderer.contour(surface, runs: [], style: Style(color: false))
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20).map { Array($0.dropFirst(2)) }
        #expect(rows.count == 20)
        #expect(rows.allSatisfy { $0.count == 60 && $0.first == " " && $0.last == "@" })
    }

    @Test func smallSurfacesRenderAtTheirOwnSize() {
        let surface = Surface(xMin: 0, xMax: 1, yMin: 0, yMax: 1, values: [[0, 1, 2], [3, 4, 5]])
        let lines = PlotRenderer.contour(surface, runs: [], style: Style(color: false)).split(separator: "\n")
        #expect(lines.first.map { $0.count } == 5)
        #expect(lines.count == 4)
    }
}

extension DisplayTests {
    @Test func pointsFarOutsideTheMapAreLeftOut() {
        let surface = Surface(xMin: 0, xMax: 1, yMin: 0, yMax: 1, values: [[0, 1], [2, 3]])
        let run = RunSeries(name: "far", loss: [1, 1, 1], points: [[0, 0], [1e300, -1e300], [.infinity, .nan]])
        let text = PlotRenderer.contour(surface, runs: [run], style: Style(color: false))
        // Only the start (0, 0), at the bottom left of the 2 × 2 map, is drawn.
        let grid = text.split(separator: "\n").prefix(2).map(String.init)
        #expect(grid.joined().filter { $0 == "●" }.count == 1)
        #expect(grid.last?.dropFirst(2).first == "●")
    }

    @Test func aLossOfExactlyZeroKeepsTheLogScale() {
        // 100 → 1 spans two decades and more; the 0 at the end is left out of the log plot, not a reason to drop it.
        #expect(RunsOutput(title: "t", kind: .minimize, runs: [RunSeries(name: "a", loss: [1000, 1, 0])]).usesLogScale)
        #expect(!RunsOutput(title: "t", kind: .minimize, runs: [RunSeries(name: "a", loss: [1000, 1, -1])]).usesLogScale)
        #expect(!RunsOutput(title: "t", kind: .minimize, runs: [RunSeries(name: "a", loss: [2, 1, 0])]).usesLogScale)
        #expect(PlotOutput.automatic([PlotSeries(name: "y", x: [0, 1, 2], y: [1000, 1, 0])], title: nil, xLabel: "x", logScale: nil).logScale)
        #expect(!PlotOutput.automatic([PlotSeries(name: "y", x: [0, 1, 2], y: [1000, 1, -1])], title: nil, xLabel: "x", logScale: nil).logScale)
    }
}
