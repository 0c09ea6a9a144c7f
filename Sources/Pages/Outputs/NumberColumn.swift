import Foundation
import Outputs

/// One number format for a whole table column, so a column's digits line up and compare at a glance.
///
/// A column whose values span very large or very small magnitudes (any at or above 1e5, or
/// below 1e-3 but not 0) is written in scientific notation throughout; otherwise every value gets
/// the decimals that show its smallest value to four significant digits (at most six).
struct NumberColumn {
    enum Format: Equatable {
        case scientific
        case fixed(decimals: Int)
    }

    let format: Format

    init(_ values: [Double]) {
        let magnitudes = values.filter(\.isFinite).map(Swift.abs).filter { $0 > 0 }
        if magnitudes.contains(where: { $0 >= 1e5 || $0 < 1e-3 }) {
            format = .scientific
        } else {
            let decimals = magnitudes.map { Swift.min(Swift.max(3 - Int(floor(log10($0))), 0), 6) }.max() ?? 0
            format = .fixed(decimals: decimals)
        }
    }

    /// `value` in the column's format; `nan`, `inf` and `-inf` for values that are not finite.
    func text(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        switch format {
        case .scientific: return String(format: "%.3e", value)
        case let .fixed(decimals): return String(format: "%.\(decimals)f", value)
        }
    }
}

extension TableCell {
    /// The cell's value when it is a floating-point number.
    var number: Double? {
        if case let .number(value) = self { value } else { nil }
    }
}
