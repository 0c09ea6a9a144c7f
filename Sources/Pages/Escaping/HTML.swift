import Outputs
/// Escaping for text placed in HTML, so lesson and output text can never inject markup.
public enum HTML {
    /// Escapes `&`, `<`, `>` and `"` for element content and double-quoted attributes.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A number for SVG coordinates: one decimal, no trailing `.0`, so paths stay small.
    /// Values past ±1e9 (a diverged run drawn to the edge and beyond) are clamped, never trapped on.
    ///
    /// Written from the whole number of tenths, which gives the characters `String(Double)` gives
    /// for a value with one decimal and at most eleven digits, without its shortest-digits search
    /// (a tenth of the time a contour map took).
    static func coordinate(_ value: Double) -> String {
        let count = Int(tenths(value))
        let whole = count / 10, tenth = count % 10
        if tenth == 0 { return String(whole) }
        let sign = count < 0 ? "-" : ""
        return sign + String(whole.magnitude) + "." + String(tenth.magnitude)
    }

    /// A coordinate in tenths of a pixel, rounded and bounded as `coordinate` writes it.
    static func tenths(_ value: Double) -> Double {
        let limit = 1e9
        let bounded = value.isNaN ? 0 : Swift.min(Swift.max(value, -limit), limit)
        return (bounded * 10).rounded()
    }
}
