import Descent

/// Int arithmetic, conversions and ranges where compiled Swift would trap, as errors.
///
/// Compiled Swift stops the process on an overflowing `+`, `abs(Int.min)`,
/// `Int(Double.nan)` or a range whose count does not fit in `Int`. A cell must
/// never do that to the interpreter, so every such operation on a value a cell
/// controls comes through here and ends as an error that names the operation,
/// says why Swift rejects it and what to write instead.
enum CheckedIntegers {
    /// The Int range, for messages.
    static let bounds = "Int holds \(Int.min)...\(Int.max)"

    static func overflow(_ expression: String) -> SnippetError {
        SnippetError("arithmetic overflow: \(expression) does not fit in Int (\(bounds)); compute in Double for larger magnitudes")
    }

    /// `a op b` for the arithmetic operators, or nil for any other operator.
    static func arithmetic(_ op: String, _ a: Int, _ b: Int) throws -> Int? {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case "+": result = a.addingReportingOverflow(b)
        case "-": result = a.subtractingReportingOverflow(b)
        case "*": result = a.multipliedReportingOverflow(by: b)
        case "/", "%":
            guard b != 0 else { throw SnippetError("division by zero in \(a) \(op) \(b); check that the divisor is not 0 first") }
            result = op == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
        // Bitwise operators, Swift's smart shifts (an overshift gives 0 or -1, never a trap) and the
        // wrapping `&+`, `&-`, `&*`: none of them can overflow, as in Swift.
        case "&": return a & b
        case "|": return a | b
        case "^": return a ^ b
        case "<<": return a << b
        case ">>": return a >> b
        case "&+": return a &+ b
        case "&-": return a &- b
        case "&*": return a &* b
        default: return nil
        }
        if result.overflow { throw overflow("\(a) \(op) \(b)") }
        return result.partialValue
    }

    static func negate(_ i: Int) throws -> Int {
        guard i != Int.min else { throw overflow("-(\(i))") }
        return -i
    }

    static func abs(_ i: Int) throws -> Int {
        guard i != Int.min else {
            throw SnippetError("arithmetic overflow: abs(\(i)) does not fit in Int (\(bounds)); use abs(Double(x)) or x.magnitude")
        }
        return Swift.abs(i)
    }

    /// `Int(d)`, which truncates toward zero, with Swift's two reasons to refuse.
    static func int(from d: Double) throws -> Int {
        guard d.isFinite else {
            throw SnippetError("Double value \(d) cannot be converted to Int because it is either infinite or NaN; check x.isFinite first")
        }
        // -2^63 is an Int; 2^63 is not, and every Double below it truncates into range.
        guard d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else {
            let side = d > 0 ? "greater than Int.max" : "less than Int.min"
            throw SnippetError("Double value \(d) cannot be converted to Int because the result would be \(side); keep it a Double")
        }
        return Int(d)
    }

    /// `a..<b` or `a...b` as the interpreter's half-open range, whose count always fits in `Int`.
    ///
    /// Keeping `upper - lower` representable is what lets `count`, `for` loops and
    /// `Array(range)` use plain arithmetic on a range afterwards.
    static func range(_ a: Int, _ op: String, _ b: Int) throws -> Value {
        guard a <= b else {
            throw SnippetError("range \(a)\(op)\(b) has its lower bound above its upper bound; Swift requires lowerBound <= upperBound")
        }
        var upper = b
        if op == "..." {
            guard b != Int.max else {
                throw SnippetError("range \(a)...\(b) ends at Int.max, so its end cannot be represented; write \(a)..<Int.max")
            }
            upper = b + 1
        }
        if upper.subtractingReportingOverflow(a).overflow {
            throw SnippetError("range \(a)\(op)\(b) has more elements than Int.max, so its count would overflow; use a range of at most Int.max elements")
        }
        return .range(lower: a, upper: upper)
    }

    /// `stride(from:to:by:)` and `stride(from:through:by:)` over Ints, as Swift gives them:
    /// exact, and ending without overflow when the end is near `Int.max` or `Int.min`.
    static func stride(from start: Int, to end: Int, by step: Int, closed: Bool) throws -> [Value] {
        guard step != 0 else { throw SnippetError("stride needs a non-zero step, got 0") }
        // The element count from Doubles, good enough to refuse a huge stride before building it.
        let estimate = ((Double(end) - Double(start)) / Double(step)).rounded(.down) + 1
        if estimate > 0 { try checkValues(count: estimate >= 9e18 ? Int.max : Int(estimate)) }
        var items: [Value] = []
        var x = start
        while step > 0 ? (closed ? x <= end : x < end) : (closed ? x >= end : x > end) {
            items.append(.int(x))
            let next = x.addingReportingOverflow(step)
            if next.overflow { break }
            x = next.partialValue
            if items.count % 4096 == 0 { try ExecutionLimits.check() }
        }
        return items
    }

    /// Checks that `count` interpreter values fit the memory cap before an array of them is built.
    ///
    /// Each element is a boxed interpreter value (`MemoryLayout<Value>.stride` bytes),
    /// not 8, so the check counts what the array will really take.
    static func checkValues(count: Int) throws {
        do {
            try ExecutionLimits.checkAllocation(count: count, bytesPerElement: MemoryLayout<Value>.stride)
        } catch let LimitExceeded.memory(bytes, limit) {
            let size = bytes == Int.max ? "more memory than Int can count" : "\(bytes / 1_048_576) MiB"
            throw SnippetError("memory limit exceeded: an array of \(count) elements would take \(size), over the limit of \(limit / 1_048_576) MiB; use fewer elements, or a Tensor for numbers (8 bytes each)")
        }
    }

    /// The elements of a range as values, after checking they fit the memory cap.
    static func elements(lower: Int, upper: Int) throws -> [Value] {
        guard lower < upper else { return [] }
        try checkValues(count: upper - lower)
        return (lower..<upper).map { .int($0) }
    }
}
