import Descent
import SwiftSyntax

/// The arguments of one builtin call, matched to parameter names, with typed accessors.
///
/// Each accessor names the parameter and the expected type when the value does
/// not fit, and points at the argument as written.
struct Arguments {
    let callee: String
    let signature: Signature
    let values: [String: Argument]
    let call: Syntax
    let interpreter: Interpreter

    /// The call as written, e.g. `Adam(lr: 0.05)`; runs and tables are named by it.
    var sourceText: String { call.trimmedDescription }

    func has(_ name: String) -> Bool { values[name] != nil }

    func value(_ name: String) throws -> Value {
        guard let argument = values[name] else {
            throw SnippetError("missing argument '\(name)' in call to \(signature.display(callee))", at: call)
        }
        return argument.value
    }

    func node(_ name: String) -> Syntax { values[name]?.node ?? call }

    func fail(_ name: String, _ expected: String) -> SnippetError {
        let given = values[name]?.value
        let got = given?.typeName ?? "nothing"
        let unwrap = given.map { if case .some = $0 { Value.unwrapAdvice } else { "" } } ?? ""
        return SnippetError("argument '\(name)' of \(callee) must be \(expected), got \(got)\(unwrap)", at: node(name))
    }

    /// A `Double` parameter's number: a literal `3` is fine, an `Int` that has its type (`n`) is swiftc's error.
    func double(_ name: String) throws -> Double {
        let value = try value(name)
        guard let number = value.asDouble else { throw fail(name, "a number") }
        if case .int = value { try checkWrittenInteger(name) }
        return number
    }

    /// The error for an `Int` with its type written for a `Double` parameter (`sqrt(n)`), with the conversion to write.
    ///
    /// Only an argument written in the call is checked: a value a builtin passes on (`xs.map(sqrt)`) has no syntax of its own.
    func checkWrittenInteger(_ name: String) throws {
        guard let node = values[name]?.node, node.is(LabeledExprSyntax.self) else { return }
        try interpreter.checkIntegerToDouble(written: node, role: "expected argument type")
    }

    func double(_ name: String, default fallback: Double) throws -> Double {
        has(name) ? try double(name) : fallback
    }

    func optionalDouble(_ name: String) throws -> Double? {
        has(name) ? try double(name) : nil
    }

    func int(_ name: String) throws -> Int {
        switch try value(name) {
        case let .int(i): return i
        case let .double(d) where d == d.rounded() && Swift.abs(d) < 1e15: return Int(d)
        default: throw fail(name, "an Int")
        }
    }

    func int(_ name: String, default fallback: Int) throws -> Int {
        has(name) ? try int(name) : fallback
    }

    func bool(_ name: String, default fallback: Bool? = nil) throws -> Bool {
        if !has(name), let fallback { return fallback }
        guard case let .bool(b) = try value(name) else { throw fail(name, "a Bool") }
        return b
    }

    func string(_ name: String) throws -> String {
        guard case let .string(s) = try value(name) else { throw fail(name, "a String") }
        return s
    }

    func string(_ name: String, default fallback: String) throws -> String {
        has(name) ? try string(name) : fallback
    }

    func array(_ name: String) throws -> [Value] {
        switch try value(name) {
        case let .array(items): return items
        case let .range(lower, upper): return try CheckedIntegers.elements(lower: lower, upper: upper)
        default: throw fail(name, "an array")
        }
    }

    func doubles(_ name: String) throws -> [Double] {
        do { return try BuiltinConversions.doubles(from: try value(name)) } catch { throw fail(name, "an array of numbers") }
    }

    func tensor(_ name: String) throws -> Tensor {
        do { return try BuiltinConversions.tensor(from: try value(name)) } catch let error as DescentError {
            throw SnippetError(error.description, at: node(name))
        } catch { throw fail(name, "a Tensor or an array of numbers") }
    }

    func function(_ name: String) throws -> FunctionValue {
        guard case let .function(function) = try value(name) else { throw fail(name, "a closure") }
        return function
    }

    /// A library value of kind `kind`, resolving an implicit member such as `.he` against that kind.
    func native<T>(_ name: String, _ type: T.Type, kind: String) throws -> T {
        try BuiltinConversions.native(try value(name), type, kind: kind, interpreter: interpreter, at: node(name)) { fail(name, $0) }
    }

    func optionalNative<T>(_ name: String, _ type: T.Type, kind: String) throws -> T? {
        has(name) ? try native(name, type, kind: kind) : nil
    }

    /// The values a result-builder block produces (one per line), or the elements of an array.
    func built(_ name: String) throws -> [Value] {
        switch try value(name) {
        case let .function(function):
            return try interpreter.callBuilder(function, at: node(name))
        case let .array(items):
            return items
        case let other:
            return [other]
        }
    }
}

/// Conversions from interpreter values to Swift and Descent types.
enum BuiltinConversions {
    struct NotConvertible: Error {}

    static func doubles(from value: Value) throws -> [Double] {
        switch value {
        case let .array(items):
            return try items.map { guard let d = $0.asDouble else { throw NotConvertible() }; return d }
        case let .tensor(tensor): return tensor.scalars
        default: throw NotConvertible()
        }
    }

    static func tensor(from value: Value) throws -> Tensor {
        switch value {
        case let .tensor(tensor): return tensor
        case let .int(i): return Tensor(Double(i))
        case let .double(d): return Tensor(d)
        case let .array(items):
            if items.allSatisfy({ $0.asDouble != nil }) {
                try ExecutionLimits.checkAllocation(count: items.count)
                return Tensor(try doubles(from: value))
            }
            let rows = try items.map { try doubles(from: $0) }
            try ExecutionLimits.checkAllocation(count: rows.reduce(0) { $0 + $1.count })
            return try Tensor(rows)
        default: throw NotConvertible()
        }
    }

    static func native<T>(
        _ value: Value, _ type: T.Type, kind: String, interpreter: Interpreter, at node: Syntax,
        fail: (String) -> SnippetError
    ) throws -> T {
        switch value {
        case let .native(native):
            if let typed = native.payload as? T { return typed }
        case let .implicitMember(member):
            let resolved = try interpreter.builtins.resolve(member, kind: kind, interpreter: interpreter)
            if case let .native(native) = resolved, let typed = native.payload as? T { return typed }
        default:
            break
        }
        let article = "aeiouAEIOU".contains(kind.first ?? "x") ? "an" : "a"
        throw fail("\(article) \(kind)")
    }
}
