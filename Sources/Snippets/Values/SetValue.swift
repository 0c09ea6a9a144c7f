/// A `Set`'s elements, each once, with a hash index for `contains` and the algebra.
///
/// Swift leaves a set's order unspecified and it changes from one process to the next
/// (hashing is seeded per run), so no lesson can rely on it; the interpreter keeps the
/// order elements were first inserted in, which makes every printout deterministic.
/// Elements are the values a dictionary key may be (`HashableValue`).
struct SetValue {
    private(set) var elements: [Value] = []
    private var index: [HashableValue: Int] = [:]
    /// The lesson's type the elements were declared with (`Set<Direction>`), so `.north` can be resolved.
    var elementType: UserType?

    init() {}

    /// The elements without repeats, first occurrence kept; throws for an element that cannot be hashed.
    init(_ items: [Value]) throws {
        var ticker = Ticker()
        for item in items {
            try ticker.tick()
            _ = try insert(item)
        }
    }

    var count: Int { elements.count }

    func contains(_ value: Value) -> Bool {
        guard let key = HashableValue(value) else { return false }
        return index[key] != nil
    }

    /// Adds `value` unless an equal element is there; answers whether it was added, as `Set.insert` does.
    mutating func insert(_ value: Value) throws -> Bool {
        guard let key = HashableValue(value) else {
            throw SnippetError("a \(value.typeName) cannot be in a Set because it is not Hashable; \(HashableValue.advice(for: value))")
        }
        guard index[key] == nil else { return false }
        index[key] = elements.count
        elements.append(value)
        return true
    }

    /// Removes the element equal to `value` and returns it, or nil when there is none.
    mutating func remove(_ value: Value) -> Value? {
        guard let key = HashableValue(value), let position = index[key] else { return nil }
        let removed = elements.remove(at: position)
        index[key] = nil
        for (offset, element) in elements.enumerated().dropFirst(position) {
            if let moved = HashableValue(element) { index[moved] = offset }
        }
        return removed
    }

    /// The elements of `self` that `keep` accepts, in order.
    func filtered(_ keep: (Value) throws -> Bool) throws -> SetValue {
        var result = SetValue()
        result.elementType = elementType
        for element in elements {
            if try keep(element) { _ = try result.insert(element) }
        }
        return result
    }

    /// The result of one of the algebra's operations, in `self`'s order then `other`'s.
    func applying(_ operation: SetOperation, _ other: SetValue) throws -> SetValue {
        switch operation {
        case .union: return try union(other.elements)
        case .intersection: return try filtered { other.contains($0) }
        case .subtracting: return try subtracting(other)
        case .symmetricDifference: return try subtracting(other).union(other.subtracting(self).elements)
        }
    }

    private func union(_ other: [Value]) throws -> SetValue {
        var result = self
        var ticker = Ticker()
        for element in other {
            try ticker.tick()
            _ = try result.insert(element)
        }
        return result
    }

    private func subtracting(_ other: SetValue) throws -> SetValue { try filtered { !other.contains($0) } }

    func isSubset(of other: SetValue) -> Bool { elements.allSatisfy { other.contains($0) } }
    func isDisjoint(with other: SetValue) -> Bool { !elements.contains { other.contains($0) } }

    /// Equal sets hold the same elements, whatever order they were inserted in.
    static func == (lhs: SetValue, rhs: SetValue) -> Bool {
        lhs.count == rhs.count && lhs.isSubset(of: rhs)
    }
}

/// The set algebra's operations; each has a pure form (`union`) and an in-place one (`formUnion`).
enum SetOperation: String, CaseIterable {
    case union, intersection, subtracting, symmetricDifference

    var inPlaceName: String {
        switch self {
        case .union: return "formUnion"
        case .intersection: return "formIntersection"
        case .subtracting: return "subtract"
        case .symmetricDifference: return "formSymmetricDifference"
        }
    }
}
