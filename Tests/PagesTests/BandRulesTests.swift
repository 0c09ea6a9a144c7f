import Descent
import Foundation
import Outputs
import Testing
@testable import Pages

/// Band plots, the spread of a run repeated over seeds: a shaded band from mean − s to mean + s
/// behind each mean curve, inside the axes, described in words, and in every stylesheet.
@Suite struct BandRulesTests {
    static let mean = PlotSeries(name: "Adam", x: [1, 2, 3, 4], y: [1, 0.6, 0.4, 0.3])
    static let band = LinePlot.Band(lower: [0.8, 0.5, 0.35, 0.28], upper: [1.2, 0.7, 0.45, 1.5])
    static let note = "± one sample standard deviation over 3 seeds"

    static func yTicks(_ svg: String) -> [Double] {
        let group = svg.components(separatedBy: "<g class=\"ticks y-ticks\">").last?.components(separatedBy: "</g>").first ?? ""
        return SVGReading.texts(group, className: "tick-label").compactMap(Double.init)
    }

    static func outline(_ svg: String) throws -> [(Double, Double)] {
        let band = try #require(SVGReading.tags(svg, "path", className: "band").first)
        return SVGReading.points(try #require(SVGReading.attribute(band, "d")))
    }

    @Test func aBandIsShadedBehindItsMeanCurveAndTheAxisFitsIt() throws {
        let svg = LinePlot.svg([Self.mean], title: "loss", xLabel: "epoch", yLabel: "loss", logScale: false,
                               bands: [Self.band], bandNote: Self.note)
        let bands = try #require(svg.range(of: "<g class=\"bands\">"))
        let series = try #require(svg.range(of: "<g class=\"series\">"))
        #expect(bands.lowerBound < series.lowerBound, "later in the SVG is drawn on top: the line stays above its band")
        let tag = try #require(SVGReading.tags(svg, "path", className: "band").first)
        #expect(tag.contains("class=\"band s0\""), "in its curve's colour")
        #expect(SVGReading.attribute(tag, "d")?.hasSuffix("Z") == true, "a closed outline")
        let outline = try Self.outline(svg)
        #expect(outline.count == 8, "four points along the upper edge, four back along the lower")
        let lineTag = try #require(SVGReading.tags(svg, "path", className: "line").first)
        let line = SVGReading.points(try #require(SVGReading.attribute(lineTag, "d")))
        #expect(line.count == 4)
        for (index, point) in line.enumerated() {
            let top = outline[index], bottom = outline[7 - index]
            #expect(abs(top.0 - point.0) < 0.01 && abs(bottom.0 - point.0) < 0.01)
            #expect(top.1 < point.1 && point.1 < bottom.1, "at x \(point.0) the band is above and below the line (y grows down)")
        }
        #expect((Self.yTicks(svg).max() ?? 0) >= 1.5, "the axis reaches the band's highest edge, above every value of the curve")
        #expect(SVGReading.tags(svg, "rect", className: "band-swatch").count == 1, "the legend's swatch sits on a patch of its band")
    }

    @Test func theDescriptionSaysWhatTheBandsAreAndWhereTheyEnd() throws {
        let svg = LinePlot.svg([Self.mean], title: "loss", xLabel: "epoch", yLabel: "loss", logScale: false,
                               bands: [Self.band], bandNote: Self.note)
        let desc = try #require(svg.components(separatedBy: "<desc>").last?.components(separatedBy: "</desc>").first)
        #expect(desc.contains("Shaded bands: ± one sample standard deviation over 3 seeds."), "\(desc)")
        #expect(desc.contains("Adam: from 1 at epoch 1 to 0.3 at epoch 4 (band 0.28 to 1.5), lowest 0.3."), "\(desc)")
        let plain = LinePlot.svg([Self.mean], title: "loss", xLabel: "epoch", yLabel: "loss", logScale: false)
        #expect(!plain.contains("band"), "no band, no band markup or words")
    }

    @Test func onALogAxisALowerEdgeAtOrBelowZeroIsDrawnOnTheAxis() throws {
        let band = LinePlot.Band(lower: [-0.2, 0.5, 0.35, 0.28], upper: [2.2, 0.7, 0.45, 0.32])
        let svg = LinePlot.svg([Self.mean], title: nil, xLabel: "epoch", yLabel: "loss", logScale: true, bands: [band])
        let outline = try Self.outline(svg)
        #expect(outline.count == 8)
        let bottom = PlotFrame.top + PlotFrame.plotHeight
        #expect(abs(outline[7].1 - bottom) < 0.01, "the first point's lower edge on the axis: \(outline)")
        #expect(outline.allSatisfy { $0.1 >= PlotFrame.top - 0.01 && $0.1 <= bottom + 0.01 }, "inside the frame")
    }

    @Test func aBandStopsWhereItsCurveDiverged() throws {
        let wild = PlotSeries(name: "wild", x: [1, 2, 3], y: [1, 0.5, .infinity])
        let calm = PlotSeries(name: "calm", x: [1, 2, 3], y: [1, 0.8, 0.7])
        let wildBand = LinePlot.Band(lower: [0.9, 0.4, .nan], upper: [1.1, 0.6, .nan])
        let svg = LinePlot.svg([calm, wild], title: nil, xLabel: "epoch", yLabel: "loss", logScale: false, bands: [nil, wildBand])
        #expect(SVGReading.tags(svg, "path", className: "band").count == 1)
        let outline = try Self.outline(svg)
        #expect(outline.count == 4, "two points along the top and two back: nothing past the divergence")
        #expect(SVGReading.tags(svg, "path", className: "band").first?.contains("band s1") == true)
    }

    /// A real comparison over seeds, as a page shows it: GD(lr: 0.25) on x² + y² from (s, 0) halves
    /// x every step, so after 3 steps the losses are s²/64: 1/64, 4/64 and 9/64 for seeds 1, 2, 3.
    @Test func aComparisonOverSeedsShowsItsSpreadTableAndABandPerCurve() throws {
        let seeded = try overSeeds([1, 2, 3]) { seed in
            try minimize(Quadratic(), from: [Double(seed), 0], steps: 3) {
                GD(lr: 0.25)
                Adam(lr: 0.1)
            }
        }
        let runs = RunsOutput(seeded)
        #expect(runs.seeds == [1, 2, 3])
        let html = OutputHTML.html(.runs(runs))
        #expect(html.contains("loss: mean ± s over 3 seeds"))
        #expect(SVGReading.tags(html, "path", className: "band").count == 2)
        #expect(html.contains("<caption>spread over 3 seeds at the end</caption>"))
        // mean 14/192 = 0.07292; s = √(49/3)/64 = 0.06315; min 1/64 = 0.01562; max 9/64 = 0.1406.
        let table = try #require(runs.spreadTable())
        guard case let .number(mean) = table.rows[0][2], case let .number(s) = table.rows[0][3],
              case let .number(low) = table.rows[0][4], case let .number(high) = table.rows[0][5] else {
            Issue.record("not numbers: \(table.rows[0])")
            return
        }
        #expect(abs(mean - 14.0 / 192) < 1e-15 && abs(s - (49.0 / 3).squareRoot() / 64) < 1e-15)
        #expect(low == 1.0 / 64 && high == 9.0 / 64)
        #expect(table.rows[0][1] == .int(3) && table.rows[0][0] == .text("GD(lr: 0.25)"))
        #expect(table.footnotes == ["each value is the mean over seeds 1, 2, 3; s is the sample standard deviation (divided by n − 1)"])
        #expect(runs.lossTable().title == "Quadratic(a: 1, b: 1) from [1.0, 0.0], 3 seeds: mean loss")
    }

    @Test func aFitOverSeedsShadesItsValidationCurvesLighter() throws {
        let data = try Moons(count: 60, noise: 0.2, seed: 1).standardized()
        let (train, validation) = try data.split(0.5, seed: 2)
        let seeded = try overSeeds([1, 2]) { seed in
            try fit(Sequential(seed: seed) { Dense(2, 4, init: .he); ReLU(); Dense(4, 1) }, on: train, validation: validation,
                    loss: .bceWithLogits, epochs: 3, batchSize: 10, seed: seed) { Adam(lr: 0.01) }
        }
        let svg = OutputHTML.lossPlot(RunsOutput(seeded))
        #expect(svg.contains("training and validation loss: mean ± s over 2 seeds"))
        let bands = SVGReading.tags(svg, "path", className: "band")
        #expect(bands.count == 2)
        #expect(bands.last?.contains("class=\"band s0 dashed\"") == true, "the validation band, in its run's colour")
    }
}
