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
    static func coordinate(_ value: Double) -> String {
        let rounded = tenths(value) / 10
        if rounded == rounded.rounded() { return String(Int(clamping: rounded)) }
        return String(rounded)
    }

    /// A coordinate in tenths of a pixel, rounded and bounded as `coordinate` writes it.
    static func tenths(_ value: Double) -> Double {
        let limit = 1e9
        let bounded = value.isNaN ? 0 : Swift.min(Swift.max(value, -limit), limit)
        return (bounded * 10).rounded()
    }
}
