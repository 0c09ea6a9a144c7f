import Foundation
import Outputs

/// Maps data values to SVG pixels along one axis, linearly or by powers of ten, and picks ticks.
///
/// Loss curves that fall over many decades are unreadable on a linear axis, hence the log mode;
/// ticks land on round numbers (or whole decades) so a reader can read values off the plot.
struct Scale {
    var low: Double
    var high: Double
    /// Pixel positions of `low` and `high` (for a y axis, `start` is the bottom).
    var start: Double
    var end: Double
    var logarithmic: Bool

    /// A scale covering `values` (non-finite, and for log non-positive, values ignored), widened to round ticks.
    init(covering values: [Double], logarithmic: Bool, start: Double, end: Double) {
        self.start = start
        self.end = end
        self.logarithmic = logarithmic
        let usable = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        var low = usable.min() ?? 0, high = usable.max() ?? 1
        if logarithmic {
            low = log10(low)
            high = log10(high)
            if high - low < 1e-12 { low -= 0.5; high += 0.5 }
            low = Foundation.floor(low)
            high = Foundation.ceil(high)
        } else {
            if high - low < 1e-12 * max(1, Swift.abs(high)) {
                let pad = Swift.abs(high) > 0 ? Swift.abs(high) * 0.1 : 1
                low -= pad
                high += pad
            }
            let step = Scale.niceStep((high - low) / 5)
            low = Foundation.floor(low / step) * step
            high = Foundation.ceil(high / step) * step
        }
        self.low = low
        self.high = high
    }

    /// A linear scale over exactly `low...high`, for maps whose window is given.
    init(exactly low: Double, _ high: Double, start: Double, end: Double) {
        self.low = low
        self.high = high > low ? high : low + 1
        self.start = start
        self.end = end
        self.logarithmic = false
    }

    /// The pixel for `value`, nil when it cannot be drawn (not finite, or not positive on a log axis).
    func pixel(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let v: Double
        if logarithmic {
            guard value > 0 else { return nil }
            v = log10(value)
        } else {
            v = value
        }
        return start + (v - low) / (high - low) * (end - start)
    }

    /// Tick values in data units with their labels.
    var ticks: [(value: Double, label: String)] {
        if logarithmic {
            let first = Int(clamping: low, to: -400...400), last = Int(clamping: high, to: -400...400)
            let stride = max(1, (last - first + 7) / 8)
            return Swift.stride(from: first, through: last, by: stride).map { (pow(10, Double($0)), Scale.power(of: $0)) }
        }
        let step = Scale.niceStep((high - low) / 5)
        var ticks: [(Double, String)] = []
        var value = Foundation.ceil(low / step - 1e-9) * step
        while value <= high + step * 1e-9 {
            let clean = Swift.abs(value) < step * 1e-9 ? 0 : value
            ticks.append((clean, Scale.label(clean, step: step)))
            value += step
        }
        return ticks
    }

    /// 1, 2 or 5 times a power of ten, the nearest such at or above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, Foundation.floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// A tick label with as many decimals as the step needs; scientific for very large or small values.
    static func label(_ value: Double, step: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = Swift.abs(value)
        if magnitude >= 1e5 || magnitude < 1e-3 { return String(format: "%.3g", value) }
        let decimals = Int(clamping: Foundation.ceil(-log10(step) - 1e-9), to: 0...17)
        return String(format: "%.\(decimals)f", value)
    }

    /// `10⁻³`, `10⁰`, `10²`: a decade label with superscript digits.
    static func power(of exponent: Int) -> String {
        let superscripts: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
        ]
        return "10" + String(String(exponent).compactMap { superscripts[$0] })
    }
}
