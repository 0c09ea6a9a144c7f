/// Reading a classification set from comma-separated text, checking every line.
extension Dataset {
    /// Parses rows of numbers whose last column is the class index.
    ///
    /// With `header: true` the first line is scikit-learn's `ROWS,FEATURES,classname,...`
    /// and the row count, feature count and number of classes are checked
    /// against it; without a header, `features` and `classCount` must be given.
    /// Any line with the wrong number of fields, a field that is not a number,
    /// or a class outside 0..<classCount is reported as `DescentError.malformedData`
    /// naming `source` and the 1-based line number. Blank lines are skipped.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - name: the data set's name.
    ///   - source: the file name used in error messages.
    ///   - header: whether the first line is the `ROWS,FEATURES,classes...` header.
    ///   - features: the number of feature columns when there is no header.
    ///   - classCount: the number of classes when there is no header.
    public init(csv text: String, name: String, source: String, header: Bool, features: Int? = nil, classCount: Int? = nil) throws {
        // "\r\n" is one Character in Swift, so split on any newline character, not on "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().map { ($0 + 1, $1) }
        var expectedRows: Int?
        var featureCount = features
        var classes = classCount
        if header {
            guard let (number, line) = lines.first else {
                throw DescentError.malformedData(source: source, line: 1, reason: "missing header line ROWS,FEATURES,classes...")
            }
            let fields = line.split(separator: ",").map { $0.trimmingWhitespace }
            guard fields.count >= 3, let rows = Int(fields[0]), let columns = Int(fields[1]), rows >= 0, columns > 0 else {
                throw DescentError.malformedData(source: source, line: number, reason: "expected header ROWS,FEATURES,classes..., got \"\(line)\"")
            }
            (expectedRows, featureCount, classes) = (rows, columns, fields.count - 2)
            lines.removeFirst()
        }
        guard let featureCount, featureCount > 0, let classes, classes > 0 else {
            throw DescentError.malformedData(source: source, line: 1, reason: "the number of features and classes is unknown (no header and none given)")
        }
        var x: [Double] = []
        var y: [Double] = []
        x.reserveCapacity(lines.count * featureCount)
        for (number, line) in lines {
            let trimmed = line.trimmingWhitespace
            if trimmed.isEmpty { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == featureCount + 1 else {
                throw DescentError.malformedData(
                    source: source, line: number, reason: "expected \(featureCount + 1) fields (\(featureCount) features and a class), got \(fields.count)")
            }
            for (column, field) in fields.enumerated() {
                guard let value = Double(field.trimmingWhitespace), value.isFinite else {
                    throw DescentError.malformedData(source: source, line: number, reason: "field \(column + 1) is not a number: \"\(field)\"")
                }
                if column < featureCount {
                    x.append(value)
                } else {
                    guard value == value.rounded(), value >= 0, value < Double(classes) else {
                        throw DescentError.malformedData(source: source, line: number, reason: "class \(value) is not in 0..<\(classes)")
                    }
                    y.append(value)
                }
            }
        }
        if let expectedRows, expectedRows != y.count {
            throw DescentError.malformedData(source: source, line: 1, reason: "the header promises \(expectedRows) rows, the file has \(y.count)")
        }
        guard !y.isEmpty else { throw DescentError.emptyDataset(operation: "reading \(source)") }
        try self.init(
            name: name, x: Tensor(unchecked: [y.count, featureCount], x), y: Tensor(unchecked: [y.count, 1], y), classCount: classes)
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}
