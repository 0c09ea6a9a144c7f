import Testing
@testable import Descent

@Suite("Real data sets")
struct RealDatasetTests {
    func classCounts(_ data: Dataset) -> [Int] {
        var counts = [Int](repeating: 0, count: data.classCount ?? 0)
        for label in data.y.scalars { counts[Int(label)] += 1 }
        return counts
    }

    // Sizes and class counts as documented by /work/shared/data/README.md and scikit-learn's dataset descriptions.
    @Test("digits: 1797 images of 64 pixels, 10 classes")
    func digits() throws {
        let data = try Digits()
        #expect(data.x.shape == [1797, 64] && data.y.shape == [1797, 1])
        #expect(classCounts(data) == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(try data.x.min() == 0 && data.x.max() == 16)
    }

    @Test("iris: 150 × 4, 50 per class, Fisher's well-known means")
    func iris() throws {
        let data = try Iris()
        #expect(data.x.shape == [150, 4] && data.classCount == 3)
        #expect(classCounts(data) == [50, 50, 50])
        #expect(try data.x.row(0) == Tensor([5.1, 3.5, 1.4, 0.2]))
        let means = try data.x.mean(axis: 0)
        for (mean, published) in zip(means.scalars, [5.843, 3.057, 3.758, 1.199]) {
            #expect(Swift.abs(mean - published) < 0.001)
        }
    }

    @Test("wine: 178 × 13 in classes of 59, 71 and 48")
    func wine() throws {
        let data = try Wine()
        #expect(data.x.shape == [178, 13])
        #expect(classCounts(data) == [59, 71, 48])
    }

    @Test("breast cancer: 569 × 30, 212 malignant and 357 benign")
    func breastCancer() throws {
        let data = try BreastCancer()
        #expect(data.x.shape == [569, 30])
        #expect(classCounts(data) == [212, 357])
    }

    @Test("malformed lines are reported with file and line")
    func malformed() throws {
        let good = "3,2,a,b\n1,2,0\n3,4,1\n5,6,1\n"
        let data = try Dataset(csv: good, name: "tiny", source: "tiny.csv", header: true)
        #expect(data.x == (try Tensor([[1, 2], [3, 4], [5, 6]])) && data.classCount == 2)
        let cases: [(String, Int)] = [
            ("3,2,a,b\n1,2,0\n3,4\n5,6,1\n", 3),          // missing field
            ("3,2,a,b\n1,2,0\n3,x,1\n5,6,1\n", 3),        // not a number
            ("3,2,a,b\n1,2,0\n3,4,1\n5,6,2\n", 4),        // class out of range
            ("4,2,a,b\n1,2,0\n3,4,1\n5,6,1\n", 1),        // row count differs from the header
            ("rows,2,a,b\n1,2,0\n", 1),                    // bad header
        ]
        for (text, line) in cases {
            #expect {
                try Dataset(csv: text, name: "tiny", source: "tiny.csv", header: true)
            } throws: { error in
                guard case let DescentError.malformedData(source, errorLine, _) = error else { return false }
                return source == "tiny.csv" && errorLine == line
            }
        }
        let headerless = try Dataset(csv: "1,0\r\n2,1\r\n", name: "h", source: "h.csv", header: false, features: 1, classCount: 2)
        #expect(headerless.count == 2)
        #expect(throws: DescentError.self) { try Dataset(csv: "1,0\n", name: "h", source: "h.csv", header: false) }
    }
}
