import Testing
@testable import Outputs
@testable import Pages

/// A lesson's page and notebook draw each contour map once, and only an equal comparison reuses one.
///
/// (Swift's `==` on arrays is true for one shared storage even when it holds NaN, which is right
/// here: the same storage is the same data.)
@Suite struct FigureMemoTests {
    static func bowl(shift: Double) -> RunsOutput {
        let values: [[Double]] = (0..<30).map { row in
            (0..<30).map { column in
                let x = Double(column) / 10 - 1.5 - shift, y = Double(row) / 10 - 1.5
                return x * x + y * y
            }
        }
        return RunsOutput(title: "bowl", kind: .minimize,
                          runs: [RunSeries(name: "GD(lr: 0.1)", loss: [4.5, 2, 1], points: [[0, 0], [0.8, 0.8], [1.2, 1.2]])],
                          surface: Surface(xMin: 0, xMax: 2.9, yMin: 0, yMax: 2.9, values: values, minima: [[1.5 + shift, 1.5]]))
    }

    @Test func anEqualComparisonIsDrawnOnceAndADifferentOneAgain() throws {
        let memo = FigureMemo()
        var draws = 0
        func map(_ runs: RunsOutput) -> String {
            memo.contourMap(runs) {
                draws += 1
                return "map \(draws)"
            }
        }
        #expect(map(Self.bowl(shift: 0)) == "map 1")
        #expect(map(Self.bowl(shift: 0)) == "map 1", "an equal comparison built again is not drawn again")
        #expect(map(Self.bowl(shift: 0.5)) == "map 2")
        func diverged() -> RunsOutput {
            var runs = Self.bowl(shift: 0)
            runs.runs[0].loss.append(.nan)
            return runs
        }
        let once = diverged()
        #expect(map(once) == "map 3")
        #expect(map(once) == "map 3", "the very same comparison (one storage) is the same map")
        #expect(map(diverged()) == "map 4", "NaN is never equal, so a rebuilt one is drawn again rather than confused")
    }

    @Test func theMemoChangesNoByteOfAMap() throws {
        let runs = Self.bowl(shift: 0.2)
        let plain = try #require(OutputHTML.contourMap(runs))
        let (first, second) = FigureMemo.$current.withValue(FigureMemo()) {
            (OutputHTML.contourMap(runs), OutputHTML.contourMap(Self.bowl(shift: 0.2)))
        }
        #expect(first == plain && second == plain)
        #expect(plain.contains("contour-plot"))
        #expect(OutputHTML.contourMap(RunsOutput(title: "fit", kind: .fit, runs: [])) == nil)
    }
}
