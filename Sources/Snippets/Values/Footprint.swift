import Descent
import SwiftSyntax

/// What values cost in memory, checked against the cell's budget (`NotebookOptions.memoryBudget`).
///
/// Two cheap rules instead of a live census of every scope (which would walk all
/// values on every check):
/// - a value produced by an operation that can grow (concatenation, `Array(repeating:)`,
///   `map`, string building, a literal holding collections) must fit in what is left
///   of the budget: `require` measures it, usually before it is built;
/// - growth in place (`append`, `insert`, `d[k] = v`, printed text) is charged to the
///   cell for good: `charge` adds to a counter that never goes down within a cell.
/// The estimate counts a `Value` slot at its real stride (`MemoryLayout<Value>.stride`)
/// plus what its payload holds: a string's UTF-8 bytes, a collection's slots and
/// elements, a tensor's 8-byte scalars. Copies that share storage are counted each time.
enum Footprint {
    static let slot = MemoryLayout<Value>.stride
    /// Bytes of a heap buffer's header (a String's or Array's storage object).
    static let header = 32
    /// Bytes per dictionary entry beyond its key and value slots: the hash index.
    static let indexEntry = 48
    /// Values nested deeper than this are refused: printing or freeing them recurses once per level.
    static let maxNesting = 1000

    /// Bytes `value` holds beyond its own slot; stops counting past `limit`.
    static func payload(of value: Value, limit: Int = .max, nesting: Int = 0) throws -> Int {
        switch value {
        case let .string(text):
            let count = text.utf8.count
            return count > 15 ? count + header : 0
        case let .array(items), let .tuple(items, _):
            return try elements(items, limit: limit, nesting: nesting + 1)
        case let .dictionary(dictionary):
            let entries = try elements(dictionary.keys, limit: limit, nesting: nesting + 1)
                + elements(dictionary.values, limit: limit, nesting: nesting + 1)
            return entries + dictionary.count * indexEntry
        case let .set(set):
            return try elements(set.elements, limit: limit, nesting: nesting + 1) + set.count * indexEntry
        case let .tensor(tensor):
            return tensor.scalars.count * MemoryLayout<Double>.stride + header
        case let .record(record):
            return try elements(record.fields, limit: limit, nesting: nesting + 1)
        case let .enumCase(value):
            return value.values.isEmpty ? 0 : try elements(value.values, limit: limit, nesting: nesting + 1)
        case let .some(wrapped):
            // A level of its own: `xs.append(xs.last)` in a loop nests optionals as `a = [a]` nests arrays.
            guard nesting < maxNesting else { throw tooDeep }
            return try payload(of: wrapped, limit: limit, nesting: nesting + 1)
        default:
            return 0
        }
    }

    static var tooDeep: SnippetError {
        SnippetError("values nested too deeply (more than \(maxNesting) levels of arrays, dictionaries, tuples or optionals); keep data flat, e.g. an array of rows")
    }

    /// Bytes of an array's buffer and everything its elements hold; stops counting past `limit`.
    static func elements(_ items: [Value], limit: Int = .max, nesting: Int = 0) throws -> Int {
        guard nesting <= maxNesting else { throw tooDeep }
        var total = header + items.count * slot
        var ticker = Ticker()
        for item in items {
            if total > limit { return total }
            try ticker.tick()
            switch item {
            case .int, .double, .bool, .void, .null, .range: continue
            default: total += try payload(of: item, limit: limit - total, nesting: nesting)
            }
        }
        return total
    }

    /// `elements`, but O(1) for an array whose first and last elements are plain numbers:
    /// concatenation in a loop must not walk what it copies. Arrays mixing numbers and
    /// collections are rare, and growth in place is charged anyway.
    static func quickElements(_ items: [Value]) throws -> Int {
        guard let first = items.first, let last = items.last else { return header }
        if isScalar(first), isScalar(last) { return header + times(items.count, slot) }
        return try elements(items, limit: meter?.budget ?? .max)
    }

    static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .int, .double, .bool, .void, .null, .range: true
        default: false
        }
    }

    /// Bytes of a value including its own slot.
    static func bytes(of value: Value, limit: Int = .max) throws -> Int {
        slot + (try payload(of: value, limit: limit))
    }

    /// The cell's meter, when the cell runs under a memory budget.
    static var meter: ResourceMeter? { ExecutionLimits.current?.meter }

    /// Throws `memory limit exceeded` unless a value of `bytes` fits what is left of the budget.
    static func require(_ bytes: Int, for what: @autoclosure () -> String) throws {
        guard let meter = meter, !meter.fits(bytes) else { return }
        throw exceeded(what(), bytes: bytes, meter: meter)
    }

    /// Measures `value` (stopping early past the budget) and requires that it fit.
    static func require(_ value: Value, for what: @autoclosure () -> String) throws {
        guard let meter = meter else { return }
        let size = try bytes(of: value, limit: meter.budget)
        if !meter.fits(size) { throw exceeded(what(), bytes: size, meter: meter) }
    }

    /// Charges `bytes` of growth in place to the cell, or throws `memory limit exceeded`.
    static func charge(_ bytes: Int, for what: @autoclosure () -> String) throws {
        guard let meter = meter, !meter.charge(bytes) else { return }
        throw exceeded(what(), bytes: bytes, meter: meter)
    }

    /// `count` copies of a value of `each` bytes, without overflowing.
    static func times(_ count: Int, _ each: Int) -> Int {
        let product = max(0, count).multipliedReportingOverflow(by: max(0, each))
        return product.overflow ? .max : product.partialValue
    }

    private static func exceeded(_ what: String, bytes: Int, meter: ResourceMeter) -> SnippetError {
        SnippetError(
            "memory limit exceeded: \(what) would take \(mebibytes(bytes)) more, and this cell has used \(mebibytes(meter.charged)) "
                + "of its \(mebibytes(meter.budget)) budget; work on smaller data, keep fewer copies, or summarize as you go "
                + "instead of keeping every value")
    }

    static func mebibytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}

/// Checks the time limit every 1024 steps of a builtin's loop, so a long loop over data stops
/// within the limit while a short one pays one increment and one mask per element.
struct Ticker {
    private var count = 0

    mutating func tick() throws {
        count &+= 1
        if count & 1023 == 0 { try ExecutionLimits.check() }
    }
}
