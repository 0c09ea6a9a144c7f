import Foundation
import Testing

/// The numbers a lesson's prose quotes as results must be numbers its cells print.
///
/// A quoted result is a number in the prose (outside code, inline code and math) written with
/// at least two decimals or in scientific notation, e.g. `0.0092` or `3.0e-5`, that does not
/// appear in the lesson's code (so `lr: 0.05` mentioned in the text is a setting, not a result).
/// It must equal some number in the lesson's outputs (`gradus run --format json`: table cells,
/// run losses and points, printed text) rounded to the digits the prose gives. Constants the
/// prose derives rather than reads off a cell belong in math (`$\ln 2 \approx 0.693$`).
@Suite struct ProseNumberTests {
    @Test(arguments: try Course.lessonFiles())
    func quotedResultsMatchTheOutputs(_ file: String) throws {
        let path = Course.lessons + "/" + file
        let source = try Course.read(path)
        let outcome = try Course.run(["run", path, "--format", "json"])
        #expect(outcome.status == 0, "\(file): gradus run exited \(outcome.status)")
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        let outputs = Self.numbers(inOutputs: json)
        let quoted = Self.quotedResults(in: source)
        #expect(!outputs.isEmpty)
        for number in quoted {
            let found = outputs.contains { Self.agrees($0, with: number) || Self.agrees(-$0, with: number) }
            #expect(found, "\(file): the prose quotes \(number.text), which no cell output shows at that precision")
        }
    }

    @Test func theCheckCatchesAWrongNumber() {
        // By hand: 0.0092 agrees with 0.009158 at two significant digits, 0.0093 does not.
        let outputs = [0.009158, 5.05]
        let right = Self.quotedResults(in: "GD ends at 0.0092 after 100 steps.\n")
        let wrong = Self.quotedResults(in: "GD ends at 0.0093 after 100 steps.\n")
        #expect(right.count == 1 && wrong.count == 1)
        #expect(outputs.contains { Self.agrees($0, with: right[0]) })
        #expect(!outputs.contains { Self.agrees($0, with: wrong[0]) })
        // Settings quoted from the code and numbers inside math are not results.
        #expect(Self.quotedResults(in: "```swift\nAdam(lr: 0.05)\n```\nWith lr 0.05 and $0.693$.\n").isEmpty)
    }

    struct Quoted {
        var text: String
        var value: Double
        var significantDigits: Int
    }

    /// Prose numbers with two or more decimals or an exponent, minus those the code contains.
    static func quotedResults(in source: String) -> [Quoted] {
        var prose = source
        var code = ""
        // Front matter, fenced code (kept aside), display and inline math, inline code.
        prose = prose.replacingOccurrences(of: "(?s)\\A---\\n.*?\\n---\\n", with: "", options: .regularExpression)
        for match in matches("(?s)```.*?```", in: prose) { code += match + "\n" }
        for pattern in ["(?s)```.*?```", "(?s)\\$\\$.*?\\$\\$", "\\$[^$\\n]*\\$", "`[^`\\n]*`"] {
            prose = prose.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let numberPattern = "(?<![\\w.])(\\d+\\.\\d{2,}(?:e[-+]?\\d+)?|\\d+(?:\\.\\d+)?e[-+]?\\d+)(?![\\w])"
        let inCode = Set(matches("\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?", in: code))
        return matches(numberPattern, in: prose).compactMap { text in
            guard !inCode.contains(text), let value = Double(text) else { return nil }
            let mantissa = text.split(separator: "e").first.map(String.init) ?? text
            let digits = mantissa.replacingOccurrences(of: ".", with: "").drop { $0 == "0" }
            return Quoted(text: text, value: value, significantDigits: max(1, digits.count))
        }
    }

    /// True when `output` rounds to the quoted number at the quoted number of significant digits.
    static func agrees(_ output: Double, with quoted: Quoted) -> Bool {
        guard quoted.value != 0, output.isFinite else { return output == quoted.value }
        let unit = pow(10, floor(log10(abs(quoted.value))) - Double(quoted.significantDigits) + 1)
        return abs(output - quoted.value) <= 0.5 * unit * (1 + 1e-9)
    }

    /// Every number in the JSON outputs of a run: JSON numbers and numbers inside text.
    static func numbers(inOutputs json: Any) -> [Double] {
        var values: [Double] = []
        func walk(_ value: Any) {
            switch value {
            case let number as NSNumber:
                values.append(number.doubleValue)
            case let text as String:
                values += matches("-?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?", in: text).compactMap(Double.init)
            case let array as [Any]:
                array.forEach(walk)
            case let object as [String: Any]:
                object.values.forEach(walk)
            default:
                break
            }
        }
        // Only the cells' outputs: not their indices and line numbers.
        let cells = (json as? [String: Any])?["cells"] as? [[String: Any]] ?? []
        for cell in cells { walk(cell["outputs"] ?? []) }
        return values
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return Range(group, in: text).map { String(text[$0]) }
        }
    }
}
