import Descent
import Foundation
import SwiftSyntax

extension BuiltinRegistry {
    /// `print`, math functions over numbers, Jets and Tensors, conversions and sequences.
    func registerCore() {
        function("print", ["_items...", "separator?", "terminator?"]) { args in
            let items = args.has("items") ? try args.array("items") : []
            let separator = try args.string("separator", default: " ")
            let terminator = try args.string("terminator", default: "\n")
            args.interpreter.write(try items.map(args.interpreter.text).joined(separator: separator) + terminator)
            return .void
        }
        registerMath()
        registerConversions()
        registerSequences()
        for op in ["+", "-", "*", "/", "<", ">", "<=", ">=", "==", "!="] {
            function(op, ["_lhs", "_rhs"]) { args in
                // Through the interpreter, so `sorted(by: >)` uses a lesson type's own `<` as `a > b` does.
                try args.interpreter.applyBinary(op, try args.value("lhs"), try args.value("rhs"), at: args.call)
            }
        }
        member(of: "Double", "pi", nil) { _ in .double(Double.pi) }
        member(of: "Double", "infinity", nil) { _ in .double(Double.infinity) }
        member(of: "Double", "nan", nil) { _ in .double(Double.nan) }
        member(of: "Double", "greatestFiniteMagnitude", nil) { _ in .double(Double.greatestFiniteMagnitude) }
        member(of: "Double", "ulpOfOne", nil) { _ in .double(Double.ulpOfOne) }
        member(of: "Int", "max", nil) { _ in .int(Int.max) }
        member(of: "Int", "min", nil) { _ in .int(Int.min) }
    }

    /// Functions of one number that also take a Jet (for `Function2D` formulas) or a Tensor (elementwise).
    private func registerMath() {
        let unary: [(String, (Double) -> Double, ((Jet) -> Jet)?, ((Tensor) -> Tensor)?)] = [
            ("exp", Foundation.exp, { $0.exp() }, { $0.exp() }),
            ("log", Foundation.log, { $0.log() }, { $0.log() }),
            ("sqrt", Foundation.sqrt, { $0.sqrt() }, { $0.sqrt() }),
            ("abs", Swift.abs, { $0.abs() }, { $0.abs() }),
            ("sin", Foundation.sin, { $0.sin() }, nil),
            ("cos", Foundation.cos, { $0.cos() }, nil),
            ("tan", Foundation.tan, nil, nil),
            ("tanh", Foundation.tanh, { $0.tanh() }, { $0.tanh() }),
            ("atan", Foundation.atan, nil, nil),
            ("log2", Foundation.log2, nil, nil),
            ("log10", Foundation.log10, nil, nil),
            ("floor", Foundation.floor, nil, nil),
            ("ceil", Foundation.ceil, nil, nil),
            ("round", Foundation.round, nil, nil),
        ]
        for (name, scalar, jet, tensor) in unary {
            function(name, ["_x"]) { args in
                switch try args.value("x") {
                case let .int(i) where name == "abs": return .int(try CheckedIntegers.abs(i))
                case let .jet(j): if let jet { return .jet(jet(j)) }
                case let .tensor(t): if let tensor { return .tensor(tensor(t)) }
                case let .variable(v):
                    if let body = Self.variableUnary.first(where: { $0.0 == name })?.1 { return .variable(body(v)) }
                case let .int(i): try args.checkWrittenInteger("x"); return .double(scalar(Double(i)))
                case let other: if let x = other.asDouble { return .double(scalar(x)) }
                }
                throw args.fail("x", "a number")
            }
        }
        function("pow", ["_x", "_p"]) { args in
            switch (try args.value("x"), try args.value("p")) {
            case let (.jet(j), .int(n)): return .jet(j.pow(n))
            case let (.jet(j), p): if let p = p.asDouble { return .jet(j.pow(p)) }
            case let (.tensor(t), p): if let p = p.asDouble { return .tensor(t.pow(p)) }
            case let (.variable(v), p): if let p = p.asDouble { return .variable(v.pow(p)) }
            case let (x, p):
                if let base = x.asDouble, let p = p.asDouble {
                    // `pow(n, 2)` is swiftc's error; `pow(2.0, n)` compiles (as a Decimal) and is left to run.
                    if case .int = x { try args.checkWrittenInteger("x") }
                    return .double(Foundation.pow(base, p))
                }
            }
            throw args.fail("x", "a number")
        }
        function("atan2", ["_y", "_x"]) { args in .double(Foundation.atan2(try args.double("y"), try args.double("x"))) }
        for name in ["max", "min"] {
            function(name, ["_values..."]) { args in
                var values = try args.array("values")
                try Self.checkMixedIntegers(values, args, name)
                // `min(Phase.train, .warmup)`: an implicit member takes the other values' type.
                try args.interpreter.resolveImplicitMembers(in: &values)
                guard var best = values.first else { throw SnippetError("\(name) needs at least one value") }
                for value in values.dropFirst() {
                    if args.interpreter.userType(of: value) != nil {
                        // A lesson's Comparable type, by its own `<`, as Swift's `max` (`y >= x ? y : x`) and `min` (`y < x ? y : x`).
                        guard case let .bool(less) = try args.interpreter.applyBinary("<", value, best, at: args.call) else { continue }
                        if less == (name == "min") { best = value }
                        continue
                    }
                    best = try Self.extreme(name == "max", best, value)
                }
                return best
            }
        }
    }

    /// `max(n, 2.5)` is swiftc's error (an `Int` with its type among Doubles); `max(0, x)` takes the literal as a Double.
    private static func checkMixedIntegers(_ values: [Value], _ args: Arguments, _ name: String) throws {
        guard values.contains(where: Interpreter.isFractional), let call = args.call.as(FunctionCallExprSyntax.self),
              call.arguments.count == values.count else { return }
        let written = call.arguments.map(\.expression)
        for (index, value) in values.enumerated() {
            guard case .int = value, !Interpreter.takesContextType(written[index]) else { continue }
            var fixed = written.map(\.trimmedDescription)
            fixed[index] = "Double(\(fixed[index]))"
            throw SnippetError(
                "conflicting arguments to generic parameter 'T' ('Int' vs. '\(values.first(where: Interpreter.isFractional)?.typeName ?? "Double")'): "
                    + "Swift never turns an Int into a Double by itself; write `\(name)(\(fixed.joined(separator: ", ")))`", at: written[index])
        }
    }

    private static func extreme(_ isMax: Bool, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case let (.int(x), .int(y)): return .int(isMax ? Swift.max(x, y) : Swift.min(x, y))
        case let (.jet(x), .jet(y)): return .jet(isMax ? x.maximum(y) : x.minimum(y))
        case let (.jet(x), other): if let y = other.asDouble { return .jet(isMax ? x.maximum(Jet(y)) : x.minimum(Jet(y))) }
        case let (other, .jet(y)): if let x = other.asDouble { return .jet(isMax ? Jet(x).maximum(y) : Jet(x).minimum(y)) }
        case (.tensor, _), (_, .tensor):
            // As in Swift: a Tensor is not Comparable, so the free max/min do not take one.
            let name = isMax ? "maximum" : "minimum"
            throw SnippetError("\(isMax ? "max" : "min")(_:_:) needs Comparable values and a Tensor is not one; use t.\(name)(x) for an elementwise \(name)")
        case let (.string(x), .string(y)): return .string(isMax ? Swift.max(x, y) : Swift.min(x, y))
        default: break
        }
        guard let x = a.asDouble, let y = b.asDouble else {
            throw SnippetError("cannot compare \(a.typeName) and \(b.typeName)")
        }
        return .double(isMax ? Swift.max(x, y) : Swift.min(x, y))
    }

    private func registerConversions() {
        function("Double", ["_value"]) { args in
            switch try args.value("value") {
            case let .string(s): return .optional(Double(s).map { .double($0) }) // Swift's `Double(String)` is optional
            case let .jet(j): return .double(j.value)
            case let other: if let d = other.asDouble { return .double(d) }
            }
            throw args.fail("value", "a number")
        }
        function("Int", ["_value"]) { args in
            switch try args.value("value") {
            case let .int(i): return .int(i)
            case let .double(d): return .int(try CheckedIntegers.int(from: d))
            case let .string(s): return .optional(Int(s).map { .int($0) }) // Swift's `Int(String)` is optional
            default: throw args.fail("value", "a number")
            }
        }
        // `Optional(5)`: a present optional, as Swift's initializer makes one. Measured, because
        // `x = Optional(x)` in a loop nests one level per call, and freeing a deep value recurses.
        function("Optional", ["_wrapped"]) { args in
            let wrapped = Value.some(try args.value("wrapped"))
            _ = try Footprint.payload(of: wrapped)
            return wrapped
        }
        function("String", ["_value"]) { args in .string(try args.interpreter.text(of: try args.value("value"))) }
        function("String", ["describing"]) { args in .string(try args.interpreter.text(of: try args.value("describing"))) }
        function("String", ["format", "_values..."]) { args in
            // Formatted in Swift: no cell value may reach a C variadic function.
            let values = args.has("values") ? try args.array("values") : []
            do {
                return .string(try FormatString.format(try args.string("format"), values))
            } catch let error as FormatString.Problem {
                throw SnippetError(error.message, at: Self.formatNode(args, error.argument))
            }
        }
        function("Array", ["_sequence"]) { args in
            .array(try self.sequence(args, "sequence"))
        }
        function("Array", ["repeating", "count"]) { args in
            let count = try args.int("count")
            guard count >= 0 else { throw SnippetError("Array(repeating:count:) needs a count of at least 0, got \(count)", at: args.node("count")) }
            let element = try args.value("repeating")
            try Footprint.require(Footprint.header + Footprint.times(count, try Footprint.bytes(of: element)), for: "Array(repeating:count: \(count))")
            return .array(Array(repeating: element, count: count))
        }
    }

    /// The value a format problem is about, or the format string itself.
    private static func formatNode(_ args: Arguments, _ argument: Int?) -> Syntax {
        guard let call = args.call.as(FunctionCallExprSyntax.self) else { return args.node("format") }
        let written = Array(call.arguments)
        let index = argument.map { $0 + 1 } ?? 0
        return index < written.count ? Syntax(written[index].expression) : args.node("format")
    }

    private func registerSequences() {
        for (label, closed) in [("to", false), ("through", true)] {
            function("stride", ["from", label, "by"]) { args in
                if case let .int(start) = try args.value("from"), case let .int(end) = try args.value(label), case let .int(step) = try args.value("by") {
                    return .array(try CheckedIntegers.stride(from: start, to: end, by: step, closed: closed))
                }
                let start = try args.double("from"), end = try args.double(label), step = try args.double("by")
                guard step != 0, step.isFinite else { throw SnippetError("stride needs a non-zero step, got \(step)") }
                guard start.isFinite, end.isFinite else { throw SnippetError("stride needs finite bounds, got from: \(start), \(label): \(end)") }
                let estimate = ((end - start) / step).rounded(.down) + 1
                if estimate > 0 { try CheckedIntegers.checkValues(count: estimate >= 9e18 ? Int.max : Int(estimate)) }
                var items: [Value] = []
                var index = 0.0
                while true {
                    let x = start + index * step
                    if step > 0 ? (closed ? x > end : x >= end) : (closed ? x < end : x <= end) { break }
                    items.append(.double(x))
                    index += 1
                    if items.count % 4096 == 0 { try ExecutionLimits.check() }
                }
                return .array(items)
            }
        }
        function("zip", ["_a", "_b"]) { args in
            let a = try self.sequence(args, "a"), b = try self.sequence(args, "b")
            return .array(zip(a, b).map { .tuple([$0, $1], labels: [nil, nil]) })
        }
    }
}
