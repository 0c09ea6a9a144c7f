import Descent

/// Arithmetic that builds Descent's autodiff graph when either side is a `Variable`.
///
/// A tensor or a number meeting a variable becomes a constant leaf, so
/// `w * x + 1` inside a `gradientCheck` closure records every step and the
/// gradient reaches `w`, as it would in compiled Swift against Descent.
enum VariableOperators {
    static func apply(_ op: String, _ lhs: Value, _ rhs: Value) throws -> Value? {
        switch (lhs, rhs) {
        case let (.variable(a), .variable(b)):
            return try combine(op, a, b)
        case let (.variable(a), other):
            if let b = other.asDouble {
                switch op {
                case "+": return .variable(a + b)
                case "-": return .variable(a - b)
                case "*": return .variable(a * b)
                case "/": return .variable(a / b)
                default: return nil
                }
            }
            if case let .tensor(b) = other { return try combine(op, a, Variable(b)) }
            return nil
        case let (other, .variable(b)):
            if let a = other.asDouble {
                switch op {
                case "+": return .variable(a + b)
                case "-": return .variable(a - b)
                case "*": return .variable(a * b)
                case "/": return .variable(a / b)
                default: return nil
                }
            }
            if case let .tensor(a) = other { return try combine(op, Variable(a), b) }
            return nil
        default:
            return nil
        }
    }

    private static func combine(_ op: String, _ a: Variable, _ b: Variable) throws -> Value? {
        switch op {
        case "+": return .variable(try a + b)
        case "-": return .variable(try a - b)
        case "*": return .variable(try a * b)
        case "/": return .variable(try a / b)
        default: return nil
        }
    }

    /// A variable's argument as a variable: a constant leaf for a tensor or a number.
    static func variable(from value: Value) throws -> Variable? {
        switch value {
        case let .variable(v): return v
        case let .tensor(t): return Variable(t)
        default:
            if let d = value.asDouble { return Variable(Tensor(d)) }
            return nil
        }
    }

    /// `w[i]` or `w[i, j]` as a one-element variable whose gradient goes back to that element.
    static func element(_ v: Variable, offset: Int) -> Variable {
        let shape = v.shape
        let count = v.value.count
        return Variable(Tensor(v.value.scalars[offset]), parents: [v], name: "subscript") { upstream in
            var gradient = [Double](repeating: 0, count: count)
            gradient[offset] = upstream.scalars.first ?? 0
            return [try Tensor(shape: shape, scalars: gradient)]
        }
    }
}
