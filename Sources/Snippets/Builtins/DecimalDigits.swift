/// The exact decimal expansion of a Double, rounded the way C's printf rounds it.
///
/// `String(format:)` is implemented in Swift so that no cell value reaches a C
/// variadic function; to print what printf prints, `%f`, `%e` and `%g` need the
/// binary value's exact decimal digits (a Double is m·2^e, so at most 767
/// significant digits) and round-half-to-even on exact ties, which is why
/// `String(format: "%.2f", 0.125)` is 0.12 and `0.375` gives 0.38.
struct DecimalDigits {
    /// Significant digits without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// Where the decimal point sits: the value is 0.d₁d₂d₃… × 10^point.
    var point: Int

    /// The digits of a finite, non-negative value (the sign is the caller's).
    init(exactly value: Double) {
        var m = value.exponentBitPattern == 0 ? value.significandBitPattern : value.significandBitPattern | (1 << 52)
        guard m != 0 else { digits = []; point = 0; return }
        var e = value.exponentBitPattern == 0 ? -1074 : Int(value.exponentBitPattern) - 1075
        let zeros = m.trailingZeroBitCount
        m >>= UInt64(zeros)
        e += zeros
        var number = BigDecimal(m)
        var shift = 0
        if e >= 0 {
            number.multiply(byPowerOf: 2, e)
        } else {
            // m·2^e = m·5^(−e) / 10^(−e)
            number.multiply(byPowerOf: 5, -e)
            shift = -e
        }
        var text = number.digits
        point = text.count - shift
        while text.last == 0 { text.removeLast() }
        digits = text
    }

    private init(digits: [UInt8], point: Int) {
        self.digits = digits
        self.point = point
    }

    var isZero: Bool { digits.isEmpty }

    /// Rounded to `count` significant digits.
    func rounded(significant count: Int) -> DecimalDigits { rounded(keeping: count) }

    /// Rounded to `count` digits after the decimal point.
    func rounded(fractionDigits count: Int) -> DecimalDigits { rounded(keeping: point + count) }

    /// Keeps the first `keep` digits, rounding half to even on the exact remainder.
    private func rounded(keeping keep: Int) -> DecimalDigits {
        if keep >= digits.count { return self }
        if keep < 0 { return DecimalDigits(digits: [], point: 0) }
        let next = digits[keep]
        let exactHalf = next == 5 && digits[(keep + 1)...].allSatisfy { $0 == 0 }
        let lastKept = keep > 0 ? digits[keep - 1] : 0
        let up = next > 5 || (next == 5 && !exactHalf) || (exactHalf && lastKept % 2 == 1)
        var kept = Array(digits[..<keep])
        var newPoint = point
        if up {
            var i = kept.count - 1
            while i >= 0, kept[i] == 9 { kept[i] = 0; i -= 1 }
            if i >= 0 { kept[i] += 1 } else { kept.insert(1, at: 0); newPoint += 1 }
        }
        while kept.last == 0 { kept.removeLast() }
        return DecimalDigits(digits: kept, point: kept.isEmpty ? 0 : newPoint)
    }

    /// The ASCII digit at `position` counted from the first significant one ("0" beyond either end).
    func digit(_ position: Int) -> UInt8 {
        (position >= 0 && position < digits.count ? digits[position] : 0) + 48
    }

    /// The ASCII digits at `positions`, as a string.
    func text(_ positions: Range<Int>) -> String {
        String(decoding: positions.map(digit), as: UTF8.self)
    }
}

/// A non-negative integer in base 10⁹ limbs, least significant first: just enough bignum for `DecimalDigits`.
private struct BigDecimal {
    private var limbs: [UInt64]
    private static let base: UInt64 = 1_000_000_000

    init(_ value: UInt64) {
        limbs = []
        var rest = value
        repeat { limbs.append(rest % Self.base); rest /= Self.base } while rest > 0
    }

    /// Multiplies by `factor`^`exponent` in chunks small enough that a limb times a chunk fits in UInt64.
    mutating func multiply(byPowerOf factor: UInt64, _ exponent: Int) {
        let perChunk = factor == 2 ? 31 : 13
        var remaining = exponent
        while remaining > 0 {
            let step = Swift.min(remaining, perChunk)
            var chunk: UInt64 = 1
            for _ in 0..<step { chunk *= factor }
            multiply(by: chunk)
            remaining -= step
        }
    }

    private mutating func multiply(by factor: UInt64) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = limbs[i] * factor + carry
            limbs[i] = product % Self.base
            carry = product / Self.base
        }
        while carry > 0 { limbs.append(carry % Self.base); carry /= Self.base }
    }

    /// The decimal digits, most significant first, without leading zeros.
    var digits: [UInt8] {
        var out: [UInt8] = []
        for (index, limb) in limbs.reversed().enumerated() {
            var chunk = [UInt8](repeating: 0, count: 9)
            var rest = limb
            for i in stride(from: 8, through: 0, by: -1) { chunk[i] = UInt8(rest % 10); rest /= 10 }
            out += index == 0 ? Array(chunk.drop { $0 == 0 }) : chunk
        }
        return out
    }
}

/// printf's three layouts of a magnitude's digits: `%f`, `%e` and `%g` (sign and padding are the caller's).
enum FloatingStyle {
    /// `ddd.ddd` with `precision` digits after the point; `#` keeps the point when there are none.
    static func fixed(_ value: DecimalDigits, precision: Int, alternate: Bool) -> String {
        let r = value.rounded(fractionDigits: precision)
        var text = r.point > 0 ? r.text(0..<r.point) : "0"
        if precision > 0 || alternate { text += "." }
        text += r.text(r.point..<(r.point + precision))
        return text
    }

    /// `d.ddde±xx` with `precision` digits after the point and at least two exponent digits.
    static func exponential(_ value: DecimalDigits, precision: Int, alternate: Bool, upper: Bool) -> String {
        let r = value.rounded(significant: precision + 1)
        let exponent = r.isZero ? 0 : r.point - 1
        var text = r.text(0..<1)
        if precision > 0 || alternate { text += "." }
        text += r.text(1..<(precision + 1))
        let magnitude = String(exponent.magnitude)
        text += (upper ? "E" : "e") + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        return text
    }

    /// `%g`: `precision` significant digits (0 counts as 1), fixed when the exponent X of the
    /// rounded value satisfies −4 ≤ X < precision, else exponential; trailing zeros go unless `#`.
    static func general(_ value: DecimalDigits, precision: Int, alternate: Bool, upper: Bool) -> String {
        let p = precision == 0 ? 1 : precision
        let r = value.rounded(significant: p)
        let x = r.isZero ? 0 : r.point - 1
        if x >= -4, x < p {
            let text = fixed(value, precision: p - 1 - x, alternate: alternate)
            return alternate ? text : trimmed(text)
        }
        // glibc, which Foundation's String(format:) calls, keeps no digits after the point when
        // rounding carries a fixed-style value into exponential style (%#.3g of 999.9 is 1.e+03).
        let carried = alternate && x == p && value.point - 1 == p - 1
        let text = exponential(value, precision: carried ? 0 : p - 1, alternate: alternate, upper: upper)
        guard !alternate, let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        return trimmed(String(text[..<e])) + text[e...]
    }

    /// Drops trailing zeros after a decimal point, and the point if nothing follows it.
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var out = Substring(text)
        while out.last == "0" { out = out.dropLast() }
        if out.last == "." { out = out.dropLast() }
        return String(out)
    }
}
