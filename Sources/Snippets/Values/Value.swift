import Outputs
import Descent
import SwiftSyntax

/// A value the interpreter computes with: Swift's own values plus Descent's.
///
/// Numbers keep Swift's split between `Int` and `Double` (so `7 / 2` is 3, as in
/// compiled Swift); Descent's numeric workhorses (`Tensor`, `Jet`) have their own
/// cases because arithmetic on them is hot; every other library value (an
/// optimizer, a data set, a model, a comparison) travels as a `NativeValue`.
enum Value {
    case void
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case array([Value])
    case dictionary(OrderedDictionary)
    /// A `Set`: each element once, kept in the order first inserted (Swift's own order is unspecified).
    case set(SetValue)
    case tuple([Value], labels: [String?])
    case range(lower: Int, upper: Int)
    case function(FunctionValue)
    case tensor(Tensor)
    case jet(Jet)
    /// A node of Descent's reverse-mode graph: what a closure passed to `gradientCheck` or `Function` receives.
    case variable(Variable)
    /// `nil`: an optional with no value.
    case null
    /// A present optional, `Optional(4)`: what `xs.first`, `d["a"]`, `Int("42")` and a `T?` variable hold.
    ///
    /// Kept apart from the value itself so it prints as compiled Swift prints it and so arithmetic or a
    /// member on it is the error swiftc gives ("must be unwrapped"), not a silent unwrap.
    indirect case some(Value)
    /// `.he` or `.step(every: 10, factor: 0.5)` before the expected kind resolves it.
    indirect case implicitMember(ImplicitMember)
    indirect case native(NativeValue)
    indirect case output(Output)
    /// A value of a `struct` the lesson declared: a copy on assignment, as in Swift.
    indirect case record(RecordValue)
    /// A case of an `enum` the lesson declared, with its associated values.
    indirect case enumCase(EnumCaseValue)
    /// A declared type used as a value: `Point(x: 1, y: 2)`, `Direction.allCases`.
    case metatype(UserType)
    /// An instance of a `class` the lesson declared: shared, not copied, on assignment.
    case object(ObjectValue)

    /// The Swift-style type name used in error messages.
    var typeName: String {
        switch self {
        case .void: return "Void"
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case .array: return "Array"
        case .dictionary: return "Dictionary"
        case .set: return "Set"
        case .tuple: return "Tuple"
        case .range: return "Range"
        case .function: return "Function"
        case .tensor: return "Tensor"
        case .jet: return "Jet"
        case .variable: return "Variable"
        case .null: return "nil"
        case let .some(wrapped): return wrapped.typeName + "?"
        case let .implicitMember(member): return "implicit member '.\(member.name)'"
        case let .native(native): return native.typeName
        case let .output(output): return output.typeName
        case let .record(record): return record.type.name
        case let .enumCase(value): return value.type.name
        case let .metatype(type): return "\(type.name).Type"
        case let .object(object): return object.type.name
        }
    }

    /// Numbers as `Double`, for arguments that take any number.
    var asDouble: Double? {
        switch self {
        case let .int(i): return Double(i)
        case let .double(d): return d
        default: return nil
        }
    }

    var isVoid: Bool {
        if case .void = self { return true }
        return false
    }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether this is an optional, present (`.some`) or not (`nil`).
    var isOptional: Bool {
        switch self {
        case .null, .some: true
        default: false
        }
    }

    /// A Swift optional as a value: `.some` when present, `nil` when not.
    static func optional(_ value: Value?) -> Value {
        value.map { .some($0) } ?? .null
    }

    /// The value as an optional: itself when it already is one, else present (`T` promoted to `T?`, as Swift does).
    var asOptional: Value {
        isOptional ? self : .some(self)
    }

    /// The end of a message about an optional used as its value: the three ways Swift unwraps one.
    static let unwrapAdvice = "; unwrap it first: `!` if it cannot be nil, `?? fallback` for a default, or `if let` to handle nil"

    /// What an unwrap finds: nil for `nil`, the value of a present optional, and any other value as it is.
    var unwrapped: Value? {
        switch self {
        case .null: nil
        case let .some(wrapped): wrapped
        default: self
        }
    }

    /// The Descent value a builtin made, as `T`; nil for any other value.
    func payload<T>(as type: T.Type) -> T? {
        if case let .native(native) = self { native.payload as? T } else { nil }
    }
}

/// A Descent value with no special interpreter support: the builtins that take it
/// cast `payload` back to its Swift type.
struct NativeValue {
    /// The Swift type name shown in messages, e.g. `Dataset` or `Optimizer`.
    var typeName: String
    var payload: any Sendable
    /// How the value was written, e.g. `Adam(lr: 0.05)`; used to name runs.
    var sourceText: String?
    /// Built from an interpreted closure, directly or through a wrapper; see `Value.callsInterpretedCode`.
    var callsInterpretedCode = false
}

/// An implicit member expression waiting for its expected kind, e.g. `.he` for an initializer.
struct ImplicitMember {
    var name: String
    var arguments: [Argument]?
    var node: Syntax
}

/// One argument of a call: its label, its value and where it was written.
struct Argument {
    var label: String?
    var value: Value
    var node: Syntax
    /// True for a trailing closure.
    var isTrailingClosure = false
    /// For `&x`: the variable (and the steps inside it) the callee's final value is written back to.
    var place: (Binding, [Interpreter.PathStep])?

    var isInout: Bool { place != nil }
}

/// A dictionary that keeps insertion order, so printing is deterministic.
struct OrderedDictionary {
    private(set) var keys: [Value] = []
    private(set) var values: [Value] = []
    private var index: [HashableValue: Int] = [:]

    init() {}

    subscript(key: Value) -> Value? {
        guard let hashable = HashableValue(key), let i = index[hashable] else { return nil }
        return values[i]
    }

    /// Sets or, with nil, removes a value; throws for keys that cannot be hashed.
    mutating func set(_ key: Value, _ value: Value?) throws {
        guard let hashable = HashableValue(key) else {
            throw SnippetError.runtime("a \(key.typeName) cannot be a dictionary key because it is not Hashable; \(HashableValue.advice(for: key))")
        }
        if let value {
            if let i = index[hashable] { values[i] = value } else {
                index[hashable] = keys.count
                keys.append(key)
                values.append(value)
            }
        } else if let i = index[hashable] {
            keys.remove(at: i)
            values.remove(at: i)
            index = [:]
            for (j, k) in keys.enumerated() { if let h = HashableValue(k) { index[h] = j } }
        }
    }

    var count: Int { keys.count }
    var pairs: [(key: Value, value: Value)] { Array(zip(keys, values)).map { (key: $0.0, value: $0.1) } }
}

/// The keys a dictionary accepts and the elements a `Set` holds: Swift's `Hashable` values.
///
/// Arrays of these, and values of the lesson's own types declared `Hashable` (or enums without
/// associated values, which are implicitly), hash by their contents, as Swift's synthesized
/// conformance does.
indirect enum HashableValue: Hashable {
    case int(Int), double(Double), bool(Bool), string(String)
    case array([HashableValue])
    /// A value of a declared struct or enum: its type, its case (empty for a struct) and its contents.
    case declared(type: ObjectIdentifier, name: String, contents: [HashableValue])
    /// `nil` as a key or an element: Swift's `Optional` is `Hashable` (`Set([1, nil, 1])` has 2 elements).
    /// A present optional hashes as what it holds, so `s.contains(3)` finds `Optional(3)`, as Swift promotes `3`.
    case none

    init?(_ value: Value) {
        switch value {
        case let .int(i): self = .int(i)
        case let .double(d): self = d == d.rounded() && Swift.abs(d) < 1e15 ? .int(Int(d)) : .double(d)
        case let .bool(b): self = .bool(b)
        case let .string(s): self = .string(s)
        case let .array(items):
            guard let contents = Self.all(items) else { return nil }
            self = .array(contents)
        case let .enumCase(value) where value.type.isHashable:
            guard let contents = Self.all(value.values) else { return nil }
            self = .declared(type: ObjectIdentifier(value.type), name: value.name, contents: contents)
        case let .record(record) where record.type.isHashable:
            guard let contents = Self.all(record.fields) else { return nil }
            self = .declared(type: ObjectIdentifier(record.type), name: "", contents: contents)
        case .null: self = .none
        case let .some(wrapped):
            guard let inner = HashableValue(wrapped) else { return nil }
            self = inner
        default: return nil
        }
    }

    private static func all(_ values: [Value]) -> [HashableValue]? {
        var result: [HashableValue] = []
        result.reserveCapacity(values.count)
        for value in values {
            guard let hashable = HashableValue(value) else { return nil }
            result.append(hashable)
        }
        return result
    }

    /// What to write instead of a value that cannot be hashed, for messages.
    static func advice(for value: Value) -> String {
        switch value {
        case let .record(record): return "declare it 'struct \(record.type.name): Hashable'"
        case let .enumCase(item): return "declare it 'enum \(item.type.name): Hashable'"
        case .object: return "a class instance is not Hashable here; use a struct declared Hashable"
        default: return "use Int, Double, String, Bool, an array of these, or a type of your own declared Hashable"
        }
    }
}
