import Foundation

/// Short number formats for terminal tables and axes; JSON keeps full precision instead.
enum NumberFormat {
    /// Six significant digits, scientific notation for very small or large magnitudes.
    static func short(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), Swift.abs(value) < 1e6 { return String(Int(value)) }
        return String(format: "%.6g", value)
    }

    /// Three significant digits, for axis labels.
    static func axis(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value == value.rounded(), Swift.abs(value) < 1e5 { return String(Int(value)) }
        return String(format: "%.3g", value)
    }
}

/// ANSI styles, used only when colour is on.
public struct Style: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    public func best(_ text: String) -> String { color ? "\u{1B}[1;32m\(text)\u{1B}[0m" : text }
    public func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    public func error(_ text: String) -> String { color ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text }
    public func series(_ index: Int, _ text: String) -> String {
        let codes = [34, 31, 32, 35, 33, 36]
        return color ? "\u{1B}[\(codes[index % codes.count])m\(text)\u{1B}[0m" : text
    }
}
