import Descent

extension BuiltinRegistry {
    /// The collection algorithms students reach for beyond `map`/`filter`/`reduce`: `compactMap`, `flatMap`,
    /// `reduce(into:)`, `min(by:)`, `max(by:)`, `swapAt`, a dictionary's closures, `Set` and `Dictionary(grouping:by:)`.
    ///
    /// A dictionary is walked as `(key:, value:)` tuples, in insertion order, so its closures
    /// destructure as Swift's do: `scores.sorted { $0.value > $1.value }`, `counts.map { k, v in ... }`.
    func registerAlgorithms() {
        for type in ["Array", "Range", "Dictionary"] {
            method(of: type, "compactMap", ["{_transform"]) { receiver, args in
                let function = try args.function("transform")
                let mapped = try self.walk(receiver).compactMap { item -> Value? in
                    try args.interpreter.call(function, with: [item], at: args.call).unwrapped
                }
                try Footprint.require(try Footprint.elements(mapped, limit: Footprint.meter?.budget ?? .max), for: "the result of compactMap")
                return .array(mapped)
            }
            method(of: type, "flatMap", ["{_transform"]) { receiver, args in
                let function = try args.function("transform")
                var flat: [Value] = []
                var ticker = Ticker()
                for item in try self.walk(receiver) {
                    try ticker.tick()
                    let result = try args.interpreter.call(function, with: [item], at: args.call)
                    switch result {
                    case let .array(inner): flat.append(contentsOf: inner)
                    case .range: flat.append(contentsOf: try self.elements(result))
                    default: throw SnippetError("the closure given to flatMap must return an array; to drop nils use compactMap")
                    }
                    if flat.count & 1023 == 0 { try Footprint.require(try Footprint.quickElements(flat), for: "the result of flatMap") }
                }
                try Footprint.require(try Footprint.elements(flat, limit: Footprint.meter?.budget ?? .max), for: "the result of flatMap")
                return .array(flat)
            }
            method(of: type, "reduce", ["into", "{_updateAccumulatingResult"]) { receiver, args in
                let function = try args.function("updateAccumulatingResult")
                var result = try args.value("into")
                for item in try self.walk(receiver) {
                    try args.interpreter.callUpdating(function, &result, item, at: args.call)
                }
                return result
            }
            for name in ["min", "max"] {
                method(of: type, name, ["{by"]) { receiver, args in
                    let function = try args.function("by")
                    let items = try self.walk(receiver)
                    guard var best = items.first else { return .null }
                    for item in items.dropFirst() {
                        // Swift keeps the first of equal elements: min replaces when item < best, max when best < item.
                        let pair = name == "min" ? [item, best] : [best, item]
                        guard case let .bool(replace) = try args.interpreter.call(function, with: pair, at: args.call) else {
                            throw SnippetError("the closure given to \(name)(by:) must return a Bool")
                        }
                        if replace { best = item }
                    }
                    return .some(best)
                }
            }
        }
        for sorted in methods["Array"]?["sorted"] ?? [] {
            // `xs.sort()` and `xs.sort(by:)`: the `sorted` forms, stored back in place.
            method(of: "Array", "sort", sorted.signature.parameters.map(Self.spec), mutating: true) { receiver, args in
                let result = try sorted.body(&receiver, args)
                receiver = result
                return .void
            }
        }
        registerDictionaryAlgorithms()
        method(of: "Array", "swapAt", ["_i", "_j"], mutating: true) { receiver, args in
            guard case var .array(items) = receiver else { return .void }
            let i = try args.int("i"), j = try args.int("j")
            for (index, name) in [(i, "i"), (j, "j")] where index < 0 || index >= items.count {
                throw SnippetError("index \(index) is out of range for an array of \(items.count) elements (valid: 0..<\(items.count))", at: args.node(name))
            }
            receiver = .void
            items.swapAt(i, j)
            receiver = .array(items)
            return .void
        }
        function("Set", ["_elements"]) { args in .set(try SetValue(try self.sequence(args, "elements"))) }
        function("Dictionary", ["grouping", "{by"]) { args in
            let function = try args.function("by")
            var groups = OrderedDictionary()
            for item in try self.sequence(args, "grouping") {
                let key = try args.interpreter.call(function, with: [item], at: args.call)
                var members: [Value] = []
                if case let .array(existing)? = groups[key] { members = existing }
                members.append(item)
                try groups.set(key, .array(members))
            }
            return .dictionary(groups)
        }
        function("Dictionary", ["uniqueKeysWithValues"]) { args in
            var result = OrderedDictionary()
            for pair in try self.sequence(args, "uniqueKeysWithValues") {
                guard case let .tuple(parts, _) = pair, parts.count == 2 else {
                    throw args.fail("uniqueKeysWithValues", "a sequence of (key, value) pairs")
                }
                // Swift stops the program on a repeated key; here it is an error at the call.
                if result[parts[0]] != nil {
                    throw SnippetError("duplicate key \(Display.literal(parts[0])) in Dictionary(uniqueKeysWithValues:); use Dictionary(grouping:by:) or a loop that decides which value wins")
                }
                try result.set(parts[0], parts[1])
            }
            return .dictionary(result)
        }
    }

    private func registerDictionaryAlgorithms() {
        for name in ["map", "forEach", "sorted", "first", "contains", "allSatisfy", "reduce"] {
            // The Array forms, walking the dictionary's (key:, value:) pairs.
            for method in methods["Array"]?[name] ?? [] {
                self.method(of: "Dictionary", name, method.signature.parameters.map(Self.spec), mutating: false) { receiver, args in
                    var pairs = Value.array(try self.walk(receiver))
                    return try method.body(&pairs, args)
                }
            }
        }
        for name in ["mapValues", "compactMapValues"] {
            // `compactMapValues` keeps what a present optional holds and drops the keys whose closure gives nil.
            method(of: "Dictionary", name, ["{_transform"]) { receiver, args in
                guard case let .dictionary(entries) = receiver else { return .void }
                let function = try args.function("transform")
                var result = OrderedDictionary()
                for (key, value) in entries.pairs {
                    let mapped = try args.interpreter.call(function, with: [value], at: args.call)
                    try result.set(key, name == "mapValues" ? mapped : mapped.unwrapped)
                }
                return .dictionary(result)
            }
        }
        method(of: "Dictionary", "filter", ["{_isIncluded"]) { receiver, args in
            guard case let .dictionary(entries) = receiver else { return .void }
            let function = try args.function("isIncluded")
            var result = OrderedDictionary()
            for (key, value) in entries.pairs {
                guard case let .bool(keep) = try args.interpreter.call(function, with: [.tuple([key, value], labels: ["key", "value"])], at: args.call) else {
                    throw SnippetError("the closure given to filter must return a Bool")
                }
                if keep { try result.set(key, value) }
            }
            return .dictionary(result)
        }
    }

    /// The spec string a parameter was registered with, to register the same form on another type.
    private static func spec(_ parameter: Parameter) -> String {
        (parameter.acceptsTrailingClosure ? "{" : "") + (parameter.label ?? "_" + parameter.name) + (parameter.isOptional ? "?" : "")
    }

    /// The elements a closure visits: an array's or range's elements, a dictionary's `(key:, value:)` pairs.
    func walk(_ value: Value) throws -> [Value] {
        if case let .dictionary(entries) = value { return entries.pairs.map { .tuple([$0.key, $0.value], labels: ["key", "value"]) } }
        return try elements(value)
    }
}
