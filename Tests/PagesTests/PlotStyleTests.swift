import Foundation
import Outputs
import Testing
@testable import Pages

/// Both stylesheets a plot can meet style every mark the plots draw: the site's (`DefaultTheme.style`)
/// and the one a notebook puts inside each standalone SVG (`DefaultTheme.standalonePlotStyle`).
///
/// The marks are read off real plots, so a new mark without a rule fails here rather than being
/// drawn in a browser's defaults (a dashed curve solid, a band black, a ★ invisible).
@Suite struct PlotStyleTests {
    /// Classes that only group or name parts of a plot; nothing is drawn from them alone.
    static let structural: Set<String> = [
        "plot", "line-plot", "contour-plot", "log-y", "series", "bands", "legend", "legend-entry", "plot-area",
        "contours", "minima", "run", "axes", "axis", "x-axis", "y-axis", "ticks", "x-ticks", "y-ticks",
        "axis-label", "x-label", "y-label", "swatch", "end", "marker",
    ]

    /// Every class of a line plot with a band, a dashed validation curve and a diverged curve, and of a contour map.
    static func classes() -> Set<String> {
        let calm = PlotSeries(name: "calm", x: [0, 1, 2], y: [1, 0.5, 0.25])
        let wild = PlotSeries(name: "wild", x: [0, 1, 2], y: [1, 40, .infinity])
        let line = LinePlot.svg([calm, calm, wild], title: "loss", xLabel: "step", yLabel: "loss", logScale: false,
                                styles: [.init(color: 0), .init(color: 0, dashed: true), .init(color: 1)],
                                bands: [LinePlot.Band(lower: [0.9, 0.4, 0.2], upper: [1.1, 0.6, 0.3]),
                                        LinePlot.Band(lower: [0.9, 0.4, 0.2], upper: [1.1, 0.6, 0.3])])
        let grid = (0..<11).map { row in (0..<11).map { column in Double(row * row + column * column) } }
        let contour = ContourPlot.svg(values: grid, xRange: -2...2, yRange: -2...2, minima: [[0, 0]],
                                      paths: [.init(name: "GD", points: [[1, 1], [0.5, 0.5], [0, 0]])], title: "bowl")
        var classes: Set<String> = []
        for svg in [line, contour] {
            for part in svg.components(separatedBy: " class=\"").dropFirst() {
                let value = part.prefix { $0 != "\"" }
                classes.formUnion(value.split(separator: " ").map(String.init))
            }
        }
        return classes
    }

    @Test func everyMarkHasARuleInBothStylesheets() {
        let marks = Self.classes().subtracting(Self.structural)
        for mark in ["band", "band-swatch", "dashed", "diverged", "diverged-mark", "minimum", "s0", "s1"] {
            #expect(marks.contains(mark), "the sample plots no longer draw .\(mark)")
        }
        for (name, sheet) in [("style", DefaultTheme.style), ("standalonePlotStyle", DefaultTheme.standalonePlotStyle)] {
            for mark in marks.sorted() {
                #expect(sheet.range(of: "\\.\(mark)(?![\\w-])", options: .regularExpression) != nil, "DefaultTheme.\(name) has no rule for .\(mark)")
            }
        }
    }

    /// The ★ is text: a rule that fills it with nothing (the old cross's `fill:none`) hides it.
    @Test func theStandaloneMinimumStarIsFilled() throws {
        let sheet = DefaultTheme.standalonePlotStyle
        let rule = try #require(sheet.range(of: #"svg\.plot text\.minimum\{[^}]*\}"#, options: .regularExpression).map { String(sheet[$0]) })
        #expect(rule.contains("fill:#") && !rule.contains("fill:none"), "\(rule)")
        #expect(!sheet.contains(".minimum{stroke"), "no leftover rule from the drawn cross")
        #expect(!sheet.contains("\\") && !sheet.contains("\n"), "one line of CSS: a stray backslash breaks the rule after it")
    }
}
