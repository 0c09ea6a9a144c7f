import Outputs
import Descent
import SwiftSyntax

/// `a[i]`, `a[1..<3]`, `d[key]`, `d[key, default: 0]`, `t[i]` and `t[i, j]`.
enum Subscripts {
    static func get(_ base: Value, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Value {
        switch base {
        case let .array(elements):
            let index = try single(arguments, at: node)
            if case let .range(lower, upper) = index.value {
                guard lower >= 0, upper <= elements.count else {
                    throw SnippetError("range \(lower)..<\(upper) is out of bounds for an array of \(elements.count) elements", at: index.node)
                }
                return .array(Array(elements[lower..<upper]))
            }
            let i = try position(index, count: elements.count, what: "an array")
            return elements[i]
        case let .dictionary(dictionary):
            let key = try first(arguments, at: node)
            let fallback = arguments.first(where: { $0.label == "default" })
            if let value = dictionary[key.value] { return fallback == nil ? .some(value) : value }
            return fallback?.value ?? .null
        case let .string(text):
            let index = try single(arguments, at: node)
            let characters = Array(text)
            return .string(String(characters[try position(index, count: characters.count, what: "a string")]))
        case let .tuple(elements, _):
            let index = try single(arguments, at: node)
            return elements[try position(index, count: elements.count, what: "a tuple")]
        case let .tensor(tensor):
            return try tensorElement(tensor, arguments, at: node)
        case let .variable(variable):
            if variable.value.rank == 2, arguments.count == 1, let only = arguments.first {
                let row = try position(only, count: variable.shape[0], what: "the rows of a variable")
                return .variable(try variable.rows([row]).reshaped([variable.shape[1]]))
            }
            return .variable(VariableOperators.element(variable, offset: try tensorOffset(variable.value, arguments, at: node)))
        default:
            throw SnippetError("a value of type \(base.typeName) has no subscript", at: node)
        }
    }

    /// Writes `newValue` at the subscript, in place.
    ///
    /// Each collection is moved out of `base` before it changes, so its buffer is not shared and
    /// nothing is copied. An `if case` does that; a `switch base` would not: it keeps a copy of its
    /// subject alive to the end of the case, and every element assignment then copied the whole
    /// array (10,000 assignments to a 2,000-element array took 0.3 s).
    static func set(_ base: inout Value, _ arguments: [Argument], _ newValue: Value, at node: some SyntaxProtocol) throws {
        if case var .array(elements) = base {
            let index = try single(arguments, at: node)
            let i = try position(index, count: elements.count, what: "an array")
            switch newValue {
            case .array, .some: try Footprint.charge(Footprint.payload(of: newValue), for: "this array element")
            default: break
            }
            base = .void
            elements[i] = newValue
            base = .array(elements)
        } else if case var .dictionary(dictionary) = base {
            let key = try first(arguments, at: node)
            base = .void
            defer { base = .dictionary(dictionary) }
            // `d[key] = nil` removes the key and `d[key] = d2[key]` sets what the optional holds, as in Swift.
            let stored = newValue.unwrapped
            if let stored {
                try Footprint.charge(Footprint.slot * 2 + Footprint.indexEntry + Footprint.payload(of: stored), for: "this dictionary entry")
            }
            try dictionary.set(key.value, stored)
        } else if case var .tensor(tensor) = base {
            guard let scalar = newValue.asDouble else {
                throw SnippetError("a tensor element must be a number, got \(newValue.typeName)", at: node)
            }
            let flat = try tensorOffset(tensor, arguments, at: node)
            base = .void
            tensor.scalars[flat] = scalar
            base = .tensor(tensor)
        } else {
            throw SnippetError("cannot assign through a subscript of a \(base.typeName)", at: node)
        }
    }

    private static func single(_ arguments: [Argument], at node: some SyntaxProtocol) throws -> Argument {
        guard arguments.count == 1, let only = arguments.first, only.label == nil else {
            throw SnippetError("this subscript takes one index", at: node)
        }
        return only
    }

    private static func first(_ arguments: [Argument], at node: some SyntaxProtocol) throws -> Argument {
        guard let key = arguments.first, key.label == nil else { throw SnippetError("a dictionary subscript needs a key", at: node) }
        return key
    }

    private static func position(_ index: Argument, count: Int, what: String) throws -> Int {
        guard case let .int(i) = index.value else {
            throw SnippetError("an index must be an Int, got \(index.value.typeName)", at: index.node)
        }
        guard i >= 0, i < count else {
            throw SnippetError("index \(i) is out of range for \(what) of \(count) elements (valid: 0..<\(count))", at: index.node)
        }
        return i
    }

    private static func tensorElement(_ tensor: Tensor, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Value {
        if tensor.rank == 2, arguments.count == 1, let only = arguments.first {
            let row = try position(only, count: tensor.shape[0], what: "the rows of a tensor")
            return .tensor(try tensor.row(row))
        }
        return .double(tensor.scalars[try tensorOffset(tensor, arguments, at: node)])
    }

    private static func tensorOffset(_ tensor: Tensor, _ arguments: [Argument], at node: some SyntaxProtocol) throws -> Int {
        guard arguments.count == max(tensor.rank, 1) else {
            throw SnippetError("a tensor of shape \(Expectations.shape(tensor.shape)) takes \(max(tensor.rank, 1)) indices, got \(arguments.count)", at: node)
        }
        var offset = 0
        let shape = tensor.rank == 0 ? [1] : tensor.shape
        for (argument, extent) in zip(arguments, shape) {
            offset = offset * extent + (try position(argument, count: extent, what: "a tensor axis"))
        }
        return offset
    }
}
