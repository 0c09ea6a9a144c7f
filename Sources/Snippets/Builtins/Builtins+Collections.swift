import Descent
import Foundation

extension BuiltinRegistry {
    /// Members of arrays, ranges, dictionaries, strings and numbers, with Swift's names.
    func registerCollections() {
        for type in ["Array", "Range"] { registerSequenceMembers(type) }
        method(of: "Array", "append", ["_element"], mutating: true) { receiver, args in
            guard case var .array(items) = receiver else { return .void }
            receiver = .void
            let element = try args.interpreter.element(try args.value("element"), joining: items, written: args.node("element"))
            try Footprint.charge(try Footprint.bytes(of: element), for: "appending to this array")
            items.append(element)
            receiver = .array(items)
            return .void
        }
        method(of: "Array", "append", ["contentsOf"], mutating: true) { receiver, args in
            guard case var .array(items) = receiver else { return .void }
            receiver = .void
            let added = try args.interpreter.elements(try self.sequence(args, "contentsOf"), joining: items, written: args.node("contentsOf"))
            try Footprint.charge(try Footprint.quickElements(added), for: "appending to this array")
            items.append(contentsOf: added)
            receiver = .array(items)
            return .void
        }
        method(of: "Array", "insert", ["_element", "at"], mutating: true) { receiver, args in
            guard case var .array(items) = receiver else { return .void }
            let index = try args.int("at")
            guard index >= 0, index <= items.count else { throw SnippetError("index \(index) is out of range 0...\(items.count)") }
            let element = try args.interpreter.element(try args.value("element"), joining: items, written: args.node("element"))
            try Footprint.charge(try Footprint.bytes(of: element), for: "inserting into this array")
            receiver = .void
            items.insert(element, at: index)
            receiver = .array(items)
            return .void
        }
        method(of: "Array", "remove", ["at"], mutating: true) { receiver, args in
            guard case var .array(items) = receiver else { return .void }
            let index = try args.int("at")
            guard index >= 0, index < items.count else { throw SnippetError("index \(index) is out of range 0..<\(items.count)") }
            receiver = .void
            let removed = items.remove(at: index)
            receiver = .array(items)
            return removed
        }
        method(of: "Array", "popLast", [], mutating: true) { receiver, _ in
            guard case var .array(items) = receiver, !items.isEmpty else { return .null }
            receiver = .void
            let removed = items.removeLast()
            receiver = .array(items)
            return .some(removed)
        }
        method(of: "Array", "removeFirst", [], mutating: true) { receiver, _ in
            guard case var .array(items) = receiver, !items.isEmpty else { throw SnippetError("removeFirst() on an empty array") }
            receiver = .void
            let removed = items.removeFirst()
            receiver = .array(items)
            return removed
        }
        method(of: "Array", "removeLast", [], mutating: true) { receiver, _ in
            guard case var .array(items) = receiver, !items.isEmpty else { throw SnippetError("removeLast() on an empty array") }
            receiver = .void
            let removed = items.removeLast()
            receiver = .array(items)
            return removed
        }
        method(of: "Array", "removeAll", [], mutating: true) { receiver, _ in
            receiver = .array([])
            return .void
        }
        method(of: "Array", "joined", ["separator?"]) { receiver, args in
            guard case let .array(items) = receiver else { return .void }
            let separator = try args.string("separator", default: "")
            var ticker = Ticker()
            var result = ""
            for (offset, item) in items.enumerated() {
                try ticker.tick()
                if offset > 0 { result += separator }
                result += Display.description(of: item)
                if offset & 1023 == 0 { try Footprint.require(result.utf8.count, for: "the joined string") }
            }
            try Footprint.require(result.utf8.count, for: "the joined string")
            return .string(result)
        }
        registerSlices()
        registerDictionaryMembers()
        registerStringMembers()
        registerNumberMembers()
    }

    func elements(_ value: Value) throws -> [Value] {
        switch value {
        case let .array(items): return items
        case let .set(set): return set.elements
        case let .range(lower, upper): return try CheckedIntegers.elements(lower: lower, upper: upper)
        default: return []
        }
    }

    /// The elements of a sequence argument; a range is checked against the memory cap before it becomes an array.
    func sequence(_ args: Arguments, _ name: String) throws -> [Value] {
        let value = try args.value(name)
        switch value {
        case let .range(lower, upper): return try CheckedIntegers.elements(lower: lower, upper: upper)
        case let .tensor(tensor): try CheckedIntegers.checkValues(count: tensor.count)
        default: break
        }
        return try args.interpreter.iterate(value, at: args.node(name))
    }

    private func registerSequenceMembers(_ type: String) {
        // A range answers these from its bounds, so `(0..<Int.max).count` needs no array.
        getter(of: type, "count") { value in
            if case let .range(lower, upper) = value { return .int(upper - lower) }
            return .int(try self.elements(value).count)
        }
        getter(of: type, "isEmpty") { value in
            if case let .range(lower, upper) = value { return .bool(lower == upper) }
            return .bool(try self.elements(value).isEmpty)
        }
        getter(of: type, "indices") { value in
            if case .range = value { return value }
            return .range(lower: 0, upper: try self.elements(value).count)
        }
        getter(of: type, "first") { value in
            if case let .range(lower, upper) = value { return lower < upper ? .some(.int(lower)) : .null }
            return .optional(try self.elements(value).first)
        }
        getter(of: type, "last") { value in
            if case let .range(lower, upper) = value { return lower < upper ? .some(.int(upper - 1)) : .null }
            return .optional(try self.elements(value).last)
        }
        method(of: type, "map", ["{_transform"]) { receiver, args in
            let function = try args.function("transform")
            let mapped = try self.elements(receiver).map { try args.interpreter.call(function, with: [$0], at: args.call) }
            try Footprint.require(try Footprint.elements(mapped, limit: Footprint.meter?.budget ?? .max), for: "the result of map")
            return .array(mapped)
        }
        method(of: type, "filter", ["{_isIncluded"]) { receiver, args in
            let function = try args.function("isIncluded")
            return .array(try self.elements(receiver).filter {
                guard case let .bool(keep) = try args.interpreter.call(function, with: [$0], at: args.call) else {
                    throw SnippetError("the closure given to filter must return a Bool")
                }
                return keep
            })
        }
        method(of: type, "forEach", ["{_body"]) { receiver, args in
            let function = try args.function("body")
            for element in try self.elements(receiver) { _ = try args.interpreter.call(function, with: [element], at: args.call) }
            return .void
        }
        method(of: type, "reduce", ["_initial", "{_combine"]) { receiver, args in
            let function = try args.function("combine")
            var result = try args.value("initial")
            for element in try self.elements(receiver) { result = try args.interpreter.call(function, with: [result, element], at: args.call) }
            return result
        }
        method(of: type, "enumerated", []) { receiver, _ in
            let items = try self.elements(receiver)
            try Footprint.require(Footprint.times(items.count, 3 * Footprint.slot + 2 * Footprint.header), for: "the result of enumerated()")
            var ticker = Ticker()
            return .array(try items.enumerated().map {
                try ticker.tick()
                return .tuple([.int($0.offset), $0.element], labels: ["offset", "element"])
            })
        }
        method(of: type, "reversed", []) { receiver, _ in .array(try self.elements(receiver).reversed()) }
        method(of: type, "contains", ["_element"]) { receiver, args in
            let target = try args.value("element")
            if case let .range(lower, upper) = receiver, case let .int(i) = target { return .bool(lower <= i && i < upper) }
            var ticker = Ticker()
            return .bool(try self.elements(receiver).contains { try ticker.tick(); return Operators.equal($0, target) == true })
        }
        method(of: type, "firstIndex", ["of"]) { receiver, args in
            let target = try args.value("of")
            var ticker = Ticker()
            return .optional(try self.elements(receiver).firstIndex(where: { try ticker.tick(); return Operators.equal($0, target) == true }).map { .int($0) })
        }
        method(of: type, "sorted", []) { receiver, args in
            .array(try self.sort(try self.elements(receiver)) { a, b in try args.interpreter.applyBinary("<", a, b, at: args.call) })
        }
        method(of: type, "sorted", ["{by"]) { receiver, args in
            let function = try args.function("by")
            return .array(try self.sort(try self.elements(receiver)) { a, b in try args.interpreter.call(function, with: [a, b], at: args.call) })
        }
        for name in ["min", "max"] {
            method(of: type, name, []) { receiver, args in
                let items = try self.elements(receiver)
                guard var best = items.first else { return .null }
                var ticker = Ticker()
                for item in items.dropFirst() {
                    try ticker.tick()
                    // As Swift's: the first of equal extremes wins (`max` replaces only when `best < item`,
                    // `min` only when `item < best`); a lesson's Comparable type orders by its own `<`.
                    let (lhs, rhs) = name == "max" ? (best, item) : (item, best)
                    guard case let .bool(replace) = try args.interpreter.applyBinary("<", lhs, rhs, at: args.call) else { continue }
                    if replace { best = item }
                }
                return .some(best)
            }
        }
    }

    /// A stable merge sort that can throw from the comparison.
    private func sort(_ items: [Value], _ less: (Value, Value) throws -> Value) throws -> [Value] {
        if items.count <= 1 { return items }
        let middle = items.count / 2
        let left = try sort(Array(items[..<middle]), less), right = try sort(Array(items[middle...]), less)
        var merged: [Value] = []
        merged.reserveCapacity(items.count)
        var i = 0, j = 0
        var ticker = Ticker()
        while i < left.count, j < right.count {
            try ticker.tick()
            guard case let .bool(rightFirst) = try less(right[j], left[i]) else {
                throw SnippetError("a sort comparison must return a Bool")
            }
            if rightFirst { merged.append(right[j]); j += 1 } else { merged.append(left[i]); i += 1 }
        }
        merged.append(contentsOf: left[i...])
        merged.append(contentsOf: right[j...])
        return merged
    }

    private func registerDictionaryMembers() {
        func entries(_ value: Value) -> OrderedDictionary {
            if case let .dictionary(d) = value { return d }
            return OrderedDictionary()
        }
        getter(of: "Dictionary", "count") { .int(entries($0).count) }
        getter(of: "Dictionary", "isEmpty") { .bool(entries($0).count == 0) }
        getter(of: "Dictionary", "keys") { .array(entries($0).keys) }
        getter(of: "Dictionary", "values") { .array(entries($0).values) }
        method(of: "Dictionary", "removeValue", ["forKey"], mutating: true) { receiver, args in
            var dictionary = entries(receiver)
            let key = try args.value("forKey")
            let old = Value.optional(dictionary[key])
            receiver = .void
            try dictionary.set(key, nil)
            receiver = .dictionary(dictionary)
            return old
        }
    }

    private func registerStringMembers() {
        func text(_ value: Value) -> String {
            if case let .string(s) = value { return s }
            return ""
        }
        getter(of: "String", "count") { .int(text($0).count) }
        getter(of: "String", "isEmpty") { .bool(text($0).isEmpty) }
        method(of: "String", "uppercased", []) { receiver, _ in .string(text(receiver).uppercased()) }
        method(of: "String", "lowercased", []) { receiver, _ in .string(text(receiver).lowercased()) }
        method(of: "String", "contains", ["_other"]) { receiver, args in .bool(text(receiver).contains(try args.string("other"))) }
        method(of: "String", "hasPrefix", ["_prefix"]) { receiver, args in .bool(text(receiver).hasPrefix(try args.string("prefix"))) }
        method(of: "String", "hasSuffix", ["_suffix"]) { receiver, args in .bool(text(receiver).hasSuffix(try args.string("suffix"))) }
        method(of: "String", "split", ["separator"]) { receiver, args in
            let separator = try args.string("separator")
            let parts = text(receiver).components(separatedBy: separator).filter { !$0.isEmpty }
            try Footprint.require(Footprint.times(parts.count, Footprint.slot + Footprint.header) + text(receiver).utf8.count, for: "the result of split")
            return .array(parts.map { .string($0) })
        }
    }

    private func registerNumberMembers() {
        for type in ["Double", "Int"] {
            method(of: type, "squareRoot", []) { receiver, _ in .double((receiver.asDouble ?? 0).squareRoot()) }
            method(of: type, "rounded", []) { receiver, _ in .double((receiver.asDouble ?? 0).rounded()) }
            method(of: type, "truncatingRemainder", ["dividingBy"]) { receiver, args in
                .double((receiver.asDouble ?? 0).truncatingRemainder(dividingBy: try args.double("dividingBy")))
            }
            getter(of: type, "isNaN") { .bool(($0.asDouble ?? 0).isNaN) }
            getter(of: type, "isFinite") { .bool(($0.asDouble ?? 0).isFinite) }
            getter(of: type, "magnitude") { value in
                if case let .int(i) = value {
                    guard i != Int.min else {
                        throw SnippetError("arithmetic overflow: (\(i)).magnitude is 9223372036854775808, which does not fit in Int (Swift gives a UInt); use Double(x).magnitude")
                    }
                    return .int(Swift.abs(i))
                }
                return .double((value.asDouble ?? 0).magnitude)
            }
            getter(of: type, "description") { .string(Display.description(of: $0)) }
        }
        method(of: "Int", "isMultiple", ["of"]) { receiver, args in
            guard case let .int(i) = receiver else { return .bool(false) }
            return .bool(i.isMultiple(of: try args.int("of")))
        }
    }
}
