/// A position in a lesson or course file, so every tool reports errors where the author can find them.
///
/// Lines and columns are 1-based. Columns count UTF-8 bytes from the start of the line, as cmark,
/// libclang and swift-syntax do, so a column from the interpreter can be added to a cell's column
/// without conversion.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The file the location is in, as it was given to the loader (relative or absolute).
    public var path: String
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in UTF-8 bytes.
    public var column: Int

    /// Creates a location from a path and 1-based line and column.
    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the form editors and terminals turn into links.
    public var description: String { "\(path):\(line):\(column)" }

    /// Orders by path, then line, then column, so diagnostics sort in reading order.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    /// The location `count` bytes further along the same line.
    public func advanced(byColumns count: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column + count)
    }
}

/// A half-open span of a file: `start` is the first byte, `end` is just past the last one.
///
/// Half-open ranges make empty ranges (an insertion point for a fix-it) expressible.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The first byte of the span.
    public var start: SourceLocation
    /// The position just past the last byte of the span.
    public var end: SourceLocation

    /// Creates a range; `end` should not precede `start`.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// An empty range at `location`, used for insertions.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    /// The file both ends are in.
    public var path: String { start.path }

    /// The 1-based lines the range touches (a range ending at column 1 does not touch its end line).
    public var lines: ClosedRange<Int> {
        let last = end.column == 1 && end.line > start.line ? end.line - 1 : end.line
        return start.line...max(start.line, last)
    }

    /// Whether `location` falls inside the range.
    public func contains(_ location: SourceLocation) -> Bool {
        location.path == start.path && start <= location && location < end
    }

    /// `path:line:col-line:col`.
    public var description: String { "\(start)-\(end.line):\(end.column)" }
}
