/// `String(format:)` implemented in Swift, with each argument's type checked against its directive.
///
/// Foundation's `String(format:)` hands its arguments to a C variadic function
/// that trusts the format: `%s` given an Int dereferences it, `%p` and `%lx`
/// print addresses, `%.300s` reads memory past a value. A lesson's format and
/// values must never reach that, so this prints what Foundation prints for the
/// valid cases and refuses the rest with an error saying what to write.
enum FormatString {
    /// A format the interpreter refuses; `argument` is the 0-based value it is about, if any.
    struct Problem: Error {
        var message: String
        var argument: Int?
    }

    /// Directives are capped so a format cannot ask for a gigabyte of padding.
    static let maxWidth = 10_000
    static let directives = "%d %i %f %e %g %s %@ %x %o %%"

    private struct Spec {
        var flags: Set<Character> = []
        var width = 0
        var precision: Int?
        var length = ""
        var conversion: Character = "d"
        /// The directive as written, for messages.
        var text = ""
    }

    static func format(_ format: String, _ values: [Value]) throws -> String {
        var out = ""
        var used = 0
        var characters = format[...]
        while let percent = characters.firstIndex(of: "%") {
            out += characters[..<percent]
            characters = characters[characters.index(after: percent)...]
            if characters.first == "%" { out += "%"; characters = characters.dropFirst(); continue }
            let spec = try parse(&characters)
            guard used < values.count else {
                throw Problem(message: "String(format:) has more directives than arguments: \(spec.text) has no value; add one, or write %% for a literal percent sign", argument: nil)
            }
            out += try render(spec, values[used], argument: used)
            used += 1
        }
        out += characters
        guard used == values.count else {
            throw Problem(message: "String(format:) got \(values.count) arguments but its format uses \(used); remove the extra arguments or add directives such as %d", argument: used)
        }
        return out
    }

    /// Reads flags, width, precision, length and conversion after a `%`.
    private static func parse(_ rest: inout Substring) throws -> Spec {
        let start = rest.startIndex
        var spec = Spec()
        while let c = rest.first, "-+ 0#".contains(c) { spec.flags.insert(c); rest = rest.dropFirst() }
        if rest.first == "*" { throw Problem(message: "'*' widths are not supported by String(format:); write the width as a number, e.g. %8.2f", argument: nil) }
        spec.width = try number(&rest) ?? 0
        if rest.first == "$" { throw Problem(message: "positional arguments such as %1$d are not supported by String(format:); write the arguments in the order the format uses them", argument: nil) }
        if rest.first == "." {
            rest = rest.dropFirst()
            if rest.first == "*" { throw Problem(message: "'*' precisions are not supported by String(format:); write the precision as a number, e.g. %.3f", argument: nil) }
            spec.precision = try number(&rest) ?? 0
        }
        while let c = rest.first, "hlqjztL".contains(c) { spec.length.append(c); rest = rest.dropFirst() }
        guard let conversion = rest.first else {
            throw Problem(message: "String(format:) ends in an incomplete directive '%\(spec.length)'; write %% for a literal percent sign", argument: nil)
        }
        rest = rest.dropFirst()
        spec.conversion = conversion
        spec.text = "%" + rest.base[start..<rest.startIndex]
        try check(spec)
        return spec
    }

    private static func number(_ rest: inout Substring) throws -> Int? {
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        rest = rest.dropFirst(digits.count)
        guard digits.count <= 5, let value = Int(digits), value <= maxWidth else {
            throw Problem(message: "String(format:) width or precision \(digits) is too large; at most \(maxWidth)", argument: nil)
        }
        return value
    }

    /// Refuses the directives that print addresses, write memory or are not implemented.
    private static func check(_ spec: Spec) throws {
        switch spec.conversion {
        case "p": throw Problem(message: "%p prints a memory address, which lessons cannot see; print the value itself with %@ or \\(value)", argument: nil)
        case "n": throw Problem(message: "%n writes into memory, which lessons cannot do; use the .count of the string built so far", argument: nil)
        case "d", "i", "x", "X", "o", "f", "F", "e", "E", "g", "G", "s", "@": break
        case "u": throw Problem(message: "%u is not supported by String(format:); use %d for an Int", argument: nil)
        case "c", "C", "S": throw Problem(message: "%\(spec.conversion) is not supported by String(format:); use %@ with a String", argument: nil)
        case "a", "A": throw Problem(message: "%\(spec.conversion) (hexadecimal floating point) is not supported by String(format:); use %e", argument: nil)
        default: throw Problem(message: "unknown directive '%\(spec.conversion)' in String(format:); known: \(directives)", argument: nil)
        }
        if spec.conversion == "@", spec.width > 0 || spec.precision != nil {
            throw Problem(message: "Foundation ignores a width or precision on %@ (\(spec.text)); use %\(spec.text.dropFirst().dropLast())s to pad or cut a String", argument: nil)
        }
        if !spec.length.isEmpty, !(spec.length == "l" || spec.length == "ll") || "s@".contains(spec.conversion) {
            throw Problem(message: "length modifier '\(spec.length)' is not supported in \(spec.text); write %\(spec.conversion) (an Int is always 64-bit here)", argument: nil)
        }
    }

    private static func render(_ spec: Spec, _ value: Value, argument: Int) throws -> String {
        func wrong(_ expected: String, _ instead: String) -> Problem {
            Problem(message: "\(spec.text) needs \(expected), got \(value.typeName) (argument \(argument + 1)); \(instead)", argument: argument)
        }
        switch spec.conversion {
        case "d", "i":
            guard case let .int(i) = value else {
                throw wrong("an Int", value.asDouble != nil ? "use %f for a Double, or Int(x) to convert it" : "use %@ for a String")
            }
            return pad(spec, sign: i < 0 ? "-" : positiveSign(spec), body: integerDigits(String(i.magnitude), spec), numeric: spec.precision == nil)
        case "x", "X", "o":
            guard case let .int(i) = value else { throw wrong("an Int", "convert with Int(x) first") }
            guard i >= 0 else { throw wrong("a non-negative Int", "%\(spec.conversion) prints the bits of a negative number; use %d") }
            guard spec.length != "" || i <= Int(UInt32.max) else {
                throw wrong("an Int below 2^32", "write %l\(spec.conversion) for larger values")
            }
            let radix = spec.conversion == "o" ? 8 : 16
            var body = integerDigits(String(i, radix: radix, uppercase: spec.conversion == "X"), spec)
            var prefix = ""
            if spec.flags.contains("#") {
                if radix == 8, body.first != "0" { body = "0" + body }
                if radix == 16, i != 0 { prefix = spec.conversion == "X" ? "0X" : "0x" }
            }
            return pad(spec, sign: prefix, body: body, numeric: spec.precision == nil)
        case "s", "@":
            guard case let .string(text) = value else { throw wrong("a String", "use %d for an Int, %f for a Double, or String(describing: x)") }
            let shown = spec.precision.map { String(text.prefix($0)) } ?? text
            return pad(spec, sign: "", body: shown, numeric: false)
        default:
            guard let d = value.asDouble else { throw wrong("a Double or an Int", "convert it to a number first") }
            return floating(spec, d)
        }
    }

    private static func positiveSign(_ spec: Spec) -> String {
        spec.flags.contains("+") ? "+" : spec.flags.contains(" ") ? " " : ""
    }

    /// Digits with C's integer precision: at least that many, and none for 0 at precision 0.
    private static func integerDigits(_ digits: String, _ spec: Spec) -> String {
        guard let precision = spec.precision else { return digits }
        if precision == 0, digits == "0" { return "" }
        return String(repeating: "0", count: Swift.max(0, precision - digits.count)) + digits
    }

    private static func floating(_ spec: Spec, _ d: Double) -> String {
        let upper = spec.conversion.isUppercase
        let sign = d.sign == .minus ? "-" : positiveSign(spec)
        guard d.isFinite else {
            let word = d.isNaN ? "nan" : "inf"
            return pad(spec, sign: sign, body: upper ? word.uppercased() : word, numeric: false)
        }
        let digits = DecimalDigits(exactly: d.magnitude)
        let alternate = spec.flags.contains("#")
        let body: String
        switch spec.conversion {
        case "f", "F": body = FloatingStyle.fixed(digits, precision: spec.precision ?? 6, alternate: alternate)
        case "e", "E": body = FloatingStyle.exponential(digits, precision: spec.precision ?? 6, alternate: alternate, upper: upper)
        default: body = FloatingStyle.general(digits, precision: spec.precision ?? 6, alternate: alternate, upper: upper)
        }
        return pad(spec, sign: sign, body: body, numeric: true)
    }

    /// Pads to the width: spaces on the left, or on the right with `-`, or zeros after the sign with `0` for numbers.
    private static func pad(_ spec: Spec, sign: String, body: String, numeric: Bool) -> String {
        let length = sign.count + body.count
        guard spec.width > length else { return sign + body }
        let fill = spec.width - length
        if spec.flags.contains("-") { return sign + body + String(repeating: " ", count: fill) }
        if numeric, spec.flags.contains("0") { return sign + String(repeating: "0", count: fill) + body }
        return String(repeating: " ", count: fill) + sign + body
    }
}
