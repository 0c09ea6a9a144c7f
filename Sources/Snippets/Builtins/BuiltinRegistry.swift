import Outputs
import Descent
import SwiftSyntax

/// One parameter of a builtin, written in a tiny spec language:
/// `lr` labelled, `_x` unlabelled, a trailing `?` optional, a trailing `...` variadic,
/// a leading `{` may also be given as a trailing closure.
struct Parameter {
    var label: String?
    var name: String
    var isOptional: Bool
    var isVariadic: Bool
    var acceptsTrailingClosure: Bool

    init(_ spec: String) {
        var text = Substring(spec)
        acceptsTrailingClosure = text.hasPrefix("{")
        if acceptsTrailingClosure { text = text.dropFirst() }
        isVariadic = text.hasSuffix("...")
        if isVariadic { text = text.dropLast(3) }
        isOptional = text.hasSuffix("?") || isVariadic
        if text.hasSuffix("?") { text = text.dropLast() }
        if text.hasPrefix("_") {
            label = nil
            name = String(text.dropFirst())
        } else {
            label = String(text)
            name = String(text)
        }
    }
}

/// The parameter list of one overload, or a property-like member with no call.
struct Signature {
    var parameters: [Parameter]
    var isProperty = false

    init(_ specs: [String]) { parameters = specs.map(Parameter.init) }

    static let property: Signature = {
        var signature = Signature([])
        signature.isProperty = true
        return signature
    }()

    /// Swift's way of naming a function by its labels: `minimize(_:from:steps:)`.
    func display(_ name: String) -> String {
        if isProperty { return name }
        return name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }

    /// Assigns call arguments to parameters by label, in order, allowing omitted optionals.
    func match(_ arguments: [Argument]) -> [String: Argument]? {
        let regular = arguments.filter { !$0.isTrailingClosure }
        var trailing = arguments.filter(\.isTrailingClosure)[...]
        var result: [String: Argument] = [:]
        var next = 0
        for parameter in parameters {
            if parameter.isVariadic {
                var items: [Value] = []
                var first: Argument?
                while next < regular.count, regular[next].label == parameter.label || (first != nil && regular[next].label == nil) {
                    first = first ?? regular[next]
                    items.append(regular[next].value)
                    next += 1
                }
                if let first { result[parameter.name] = Argument(label: parameter.label, value: .array(items), node: first.node) }
                continue
            }
            if next < regular.count, regular[next].label == parameter.label {
                result[parameter.name] = regular[next]
                next += 1
            } else if parameter.acceptsTrailingClosure, let closure = trailing.first {
                result[parameter.name] = closure
                trailing = trailing.dropFirst()
            } else if !parameter.isOptional {
                return nil
            }
        }
        return next == regular.count && trailing.isEmpty ? result : nil
    }
}

/// A builtin body: gets the matched arguments, returns the call's value.
typealias BuiltinBody = (Arguments) throws -> Value

struct Overload {
    var signature: Signature
    var body: BuiltinBody
}

/// A named builtin with its overloads and the documentation `docs/dsl.md` lists.
struct Builtin {
    var name: String
    var overloads: [Overload]

    /// Every label any overload accepts, for "valid labels" messages.
    var labels: [String] {
        var seen: [String] = []
        for overload in overloads {
            for parameter in overload.signature.parameters {
                if let label = parameter.label, !seen.contains(label) { seen.append(label) }
            }
        }
        return seen
    }
}

/// A method of a value type; mutating methods write the receiver back (`rows.append(x)`).
struct Method {
    var signature: Signature
    var isMutating: Bool
    var body: (inout Value, Arguments) throws -> Value
}

/// Every name a snippet can use: functions, constants, members of values and types.
///
/// Built once and never changed, so one registry serves every lesson.
final class BuiltinRegistry: @unchecked Sendable {
    private(set) var functions: [String: Builtin] = [:]
    private(set) var constants: [String: Value] = [:]
    /// Static and implicit members by type or kind: `Double.pi`, `.he` for an `Initializer`.
    private(set) var members: [String: [String: Builtin]] = [:]
    private(set) var methods: [String: [String: [Method]]] = [:]
    private(set) var getters: [String: [String: (Value) throws -> Value]] = [:]
    private(set) var setters: [String: [String: (inout Value, Value) throws -> Void]] = [:]
    /// Members not known in advance, e.g. the buffers a custom optimizer keeps in `state`.
    private(set) var dynamicMembers: [String: (get: (Value, String) throws -> Value, set: (inout Value, String, Value) throws -> Void)] = [:]

    /// How values of a library type display as a cell's result, e.g. a comparison as its runs.
    private(set) var displayers: [String: (Value) -> [Output]] = [:]
    /// Names a snippet cannot redefine and that resolve before any binding (grading's `expect`, `todo`).
    private(set) var reserved: Set<String> = []
    /// Bit `n` is set when a reserved name has `n` UTF-8 bytes: most names are ruled out without hashing.
    private var reservedLengths: UInt64 = 0

    init() {}

    static let standard: BuiltinRegistry = {
        let registry = BuiltinRegistry()
        registry.registerCore()
        registry.registerCollections()
        registry.registerAlgorithms()
        registry.registerSets()
        registry.registerTensors()
        registry.registerOutput()
        registry.registerDescent()
        registry.registerExpectations()
        return registry
    }()

    // MARK: - Registration

    func function(_ name: String, _ specs: [String], _ body: @escaping BuiltinBody) {
        functions[name, default: Builtin(name: name, overloads: [])].overloads.append(Overload(signature: Signature(specs), body: body))
    }

    func constant(_ name: String, _ value: Value) { constants[name] = value }

    /// Makes `name` impossible to redefine or shadow in a snippet.
    func reserve(_ name: String) {
        reserved.insert(name)
        reservedLengths |= 1 << UInt64(Swift.min(name.utf8.count, 63))
    }

    /// Whether `name` is reserved; checked on every name a cell reads, so a length test comes before the hash.
    func isReserved(_ name: String) -> Bool {
        reservedLengths & (1 << UInt64(Swift.min(name.utf8.count, 63))) != 0 && reserved.contains(name)
    }

    func member(of type: String, _ name: String, _ specs: [String]?, _ body: @escaping BuiltinBody) {
        let signature = specs.map(Signature.init) ?? .property
        members[type, default: [:]][name, default: Builtin(name: name, overloads: [])].overloads.append(Overload(signature: signature, body: body))
    }

    func method(of type: String, _ name: String, _ specs: [String], mutating: Bool = false, _ body: @escaping (inout Value, Arguments) throws -> Value) {
        method(of: type, name, Signature(specs), mutating: mutating, body)
    }

    func method(of type: String, _ name: String, _ signature: Signature, mutating: Bool = false, _ body: @escaping (inout Value, Arguments) throws -> Value) {
        methods[type, default: [:]][name, default: []].append(Method(signature: signature, isMutating: mutating, body: body))
    }

    func getter(of type: String, _ name: String, _ body: @escaping (Value) throws -> Value) {
        getters[type, default: [:]][name] = body
    }

    func setter(of type: String, _ name: String, _ body: @escaping (inout Value, Value) throws -> Void) {
        setters[type, default: [:]][name] = body
    }

    func dynamicMember(of type: String, get: @escaping (Value, String) throws -> Value, set: @escaping (inout Value, String, Value) throws -> Void) {
        dynamicMembers[type] = (get, set)
    }

    func displayer(of type: String, _ body: @escaping (Value) -> [Output]) { displayers[type] = body }

    /// The outputs a cell's last value shows: nothing for Void, structured outputs where defined, else its description.
    func display(_ value: Value) -> [Output] {
        switch value {
        case .void: return []
        case let .output(output): return [output]
        case let .native(native): return displayers[native.typeName]?(value) ?? Self.capped(Display.description(of: value))
        default: return Self.capped(Display.description(of: value))
        }
    }

    /// A displayed value's text within what is left of the cell's output cap, then the truncation note.
    static func capped(_ text: String) -> [Output] {
        guard let meter = Footprint.meter else { return [.text(text)] }
        let count = text.utf8.count
        let room = max(0, meter.outputCap - meter.printedBytes)
        guard count > room else {
            meter.printedBytes += count
            return [.text(text)]
        }
        var kept = Substring(text).utf8.prefix(room)
        while !kept.isEmpty, String(kept) == nil { kept = kept.dropLast() }
        meter.printedBytes += kept.count
        let note = Output.text("… output truncated (\(count - kept.count) more bytes)")
        return kept.isEmpty ? [note] : [.text(String(kept) ?? ""), note]
    }

    func hasStaticMembers(_ type: String) -> Bool { members[type] != nil }
    func hasStaticMember(_ type: String, _ name: String) -> Bool { members[type]?[name] != nil }
}
