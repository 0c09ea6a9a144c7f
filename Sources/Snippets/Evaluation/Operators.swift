import Descent
import Foundation
import SwiftSyntax

/// Swift's operators over interpreter values.
///
/// Numbers follow Swift: `Int op Int` stays an `Int` (overflow is an error, not
/// a wrap or a trap: see `CheckedIntegers`), and a `Double` on either side makes the result a `Double`, which is
/// what Swift's literal typing gives in the lessons' formulas. Tensors and Jets
/// combine with numbers and with themselves as Descent defines.
enum Operators {
    static func binary(_ op: String, _ lhs: Value, _ rhs: Value, at node: some SyntaxProtocol) throws -> Value {
        do {
            return try apply(op, lhs, rhs)
        } catch let error as SnippetError {
            throw error.located(at: node)
        }
    }

    /// The operator's result, or an error with no location yet.
    static func apply(_ op: String, _ lhs: Value, _ rhs: Value) throws -> Value {
        do {
            if let result = try numeric(op, lhs, rhs) { return result }
            if let result = try comparison(op, lhs, rhs) { return result }
            if let result = try library(op, lhs, rhs) { return result }
        } catch let error as DescentError {
            throw SnippetError(error.description)
        } catch let error as LimitExceeded {
            throw SnippetError(error.description)
        }
        throw SnippetError("binary operator '\(op)' cannot be applied to operands of type \(lhs.typeName) and \(rhs.typeName)")
    }

    static func prefix(_ op: String, _ operand: Value, at node: some SyntaxProtocol) throws -> Value {
        switch (op, operand) {
        case let ("-", .int(i)):
            do { return .int(try CheckedIntegers.negate(i)) } catch let error as SnippetError { throw error.located(at: node) }
        case let ("-", .double(d)): return .double(-d)
        case let ("-", .tensor(t)): return .tensor(-t)
        case let ("-", .jet(j)): return .jet(-j)
        case let ("-", .variable(v)): return .variable(-v)
        case let ("+", value) where value.asDouble != nil: return value
        case let ("!", .bool(b)): return .bool(!b)
        case let ("~", .int(i)): return .int(~i)
        default:
            let unwrap = if case .some = operand { Value.unwrapAdvice } else { "" }
            throw SnippetError("unary operator '\(op)' cannot be applied to an operand of type \(operand.typeName)\(unwrap)", at: node)
        }
    }

    private static func numeric(_ op: String, _ lhs: Value, _ rhs: Value) throws -> Value? {
        if case let .int(a) = lhs, case let .int(b) = rhs {
            if op == "..<" || op == "..." { return try CheckedIntegers.range(a, op, b) }
            return try CheckedIntegers.arithmetic(op, a, b).map { .int($0) }
        }
        guard let a = lhs.asDouble, let b = rhs.asDouble else { return nil }
        switch op {
        case "+": return .double(a + b)
        case "-": return .double(a - b)
        case "*": return .double(a * b)
        case "/": return .double(a / b)
        case "%": throw SnippetError.runtime("'%' is not defined for Double; use a.truncatingRemainder(dividingBy: b)")
        case "..<", "...": throw SnippetError.runtime("ranges of Double cannot be iterated; use stride(from:to:by:)")
        default: return nil
        }
    }

    private static func comparison(_ op: String, _ lhs: Value, _ rhs: Value) throws -> Value? {
        switch op {
        case "==": return equal(lhs, rhs).map { .bool($0) }
        case "!=": return equal(lhs, rhs).map { .bool(!$0) }
        case "<", ">", "<=", ">=":
            let ordering: Bool?
            if let a = lhs.asDouble ?? jetValue(lhs), let b = rhs.asDouble ?? jetValue(rhs) {
                ordering = compare(op, a, b)
            } else if case let .string(a) = lhs, case let .string(b) = rhs {
                ordering = op == "<" ? a < b : op == ">" ? a > b : op == "<=" ? a <= b : a >= b
            } else {
                ordering = nil
            }
            return ordering.map { .bool($0) }
        default:
            return nil
        }
    }

    private static func jetValue(_ value: Value) -> Double? {
        if case let .jet(jet) = value { return jet.value }
        return nil
    }

    private static func compare(_ op: String, _ a: Double, _ b: Double) -> Bool {
        switch op {
        case "<": return a < b
        case ">": return a > b
        case "<=": return a <= b
        default: return a >= b
        }
    }

    /// Structural equality; nil when the two kinds cannot be compared.
    static func equal(_ lhs: Value, _ rhs: Value) -> Bool? {
        switch (lhs, rhs) {
        case let (.int(a), .int(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) { guard let same = equal(x, y) else { return nil }; if !same { return false } }
            return true
        case let (.tuple(a, _), .tuple(b, _)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) { guard let same = equal(x, y) else { return nil }; if !same { return false } }
            return true
        case let (.range(a, b), .range(c, d)): return a == c && b == d
        case let (.record(a), .record(b)):
            guard a.type === b.type, a.type.isEquatable else { return nil }
            return equal(.array(a.fields), .array(b.fields))
        case let (.enumCase(a), .enumCase(b)):
            guard a.type === b.type, a.type.isEquatable else { return nil }
            return a.name == b.name && (equal(.array(a.values), .array(b.values)) ?? false)
        case let (.metatype(a), .metatype(b)): return a === b
        case let (.native(a), .native(b)):
            // Descent's value types that are Equatable (`EpsilonPlacement`, `Schedule`): compared as Swift compares them.
            guard a.typeName == b.typeName, let payload = a.payload as? any Equatable else { return nil }
            return payload.isEqual(to: b.payload)
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        // `xs.first == 4`: Swift promotes the other side to an optional.
        case let (.some(a), .some(b)): return equal(a, b)
        case let (.some(a), b), let (b, .some(a)): return equal(a, b)
        case let (.tensor(a), .tensor(b)): return a == b
        case let (.set(a), .set(b)): return a == b
        // `s == [1, 2]`: the literal is a Set there, as Swift infers it.
        case let (.set(a), .array(b)), let (.array(b), .set(a)):
            guard let other = try? SetValue(b) else { return nil }
            return a == other
        case let (.dictionary(a), .dictionary(b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.pairs {
                guard let other = b[key], let same = equal(value, other), same else { return false }
            }
            return true
        default:
            if let a = lhs.asDouble ?? jetValue(lhs), let b = rhs.asDouble ?? jetValue(rhs) { return a == b }
            return nil
        }
    }

    /// Tensor and Jet arithmetic, and Tensor's elementwise comparisons.
    private static func library(_ op: String, _ lhs: Value, _ rhs: Value) throws -> Value? {
        if let result = try VariableOperators.apply(op, lhs, rhs) { return result }
        switch (lhs, rhs) {
        case let (.tensor(a), .tensor(b)):
            switch op {
            case "+": return .tensor(try a + b)
            case "-": return .tensor(try a - b)
            case "*": return .tensor(try a * b)
            case "/": return .tensor(try a / b)
            case ".>": return .tensor(try a .> b)
            case ".<": return .tensor(try a .< b)
            case ".>=": return .tensor(try a .>= b)
            case ".<=": return .tensor(try a .<= b)
            case ".==": return .tensor(try a .== b)
            default: return nil
            }
        case let (.tensor(a), other):
            guard let b = other.asDouble else { return nil }
            switch op {
            case "+": return .tensor(a + b)
            case "-": return .tensor(a - b)
            case "*": return .tensor(a * b)
            case "/": return .tensor(a / b)
            case ".>": return .tensor(a .> b)
            case ".<": return .tensor(a .< b)
            case ".>=": return .tensor(a .>= b)
            case ".<=": return .tensor(a .<= b)
            case ".==": return .tensor(a .== b)
            default: return nil
            }
        case let (other, .tensor(b)):
            guard let a = other.asDouble else { return nil }
            switch op {
            case "+": return .tensor(a + b)
            case "-": return .tensor(a - b)
            case "*": return .tensor(a * b)
            case "/": return .tensor(a / b)
            default: return nil
            }
        case let (.jet(a), .jet(b)):
            return jet(op, a, b)
        case let (.jet(a), other):
            guard let b = other.asDouble else { return nil }
            switch op {
            case "+": return .jet(a + b)
            case "-": return .jet(a - b)
            case "*": return .jet(a * b)
            case "/": return .jet(a / b)
            default: return nil
            }
        case let (other, .jet(b)):
            guard let a = other.asDouble else { return nil }
            switch op {
            case "+": return .jet(a + b)
            case "-": return .jet(a - b)
            case "*": return .jet(a * b)
            case "/": return .jet(a / b)
            default: return nil
            }
        case let (.string(a), .string(b)) where op == "+":
            try Footprint.require(a.utf8.count + b.utf8.count + Footprint.header, for: "the joined string")
            return .string(a + b)
        case let (.array(a), .array(b)) where op == "+":
            try Footprint.require(try Footprint.quickElements(a) + Footprint.quickElements(b), for: "the joined array")
            return .array(a + b)
        default:
            return nil
        }
    }

    private static func jet(_ op: String, _ a: Jet, _ b: Jet) -> Value? {
        switch op {
        case "+": return .jet(a + b)
        case "-": return .jet(a - b)
        case "*": return .jet(a * b)
        case "/": return .jet(a / b)
        default: return nil
        }
    }
}

extension Equatable {
    /// `self == other` when `other` has the same type; false otherwise.
    func isEqual(to other: Any) -> Bool { (other as? Self) == self }
}
