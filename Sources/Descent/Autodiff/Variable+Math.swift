import Foundation

/// Differentiable element-wise functions.
extension Variable {
    /// Makes a node for an element-wise function with derivative `derivative(x, y)`,
    /// where `y` is the function's value at `x`.
    private func unary(_ name: String, _ y: Tensor, _ derivative: @escaping (Double, Double) -> Double) -> Variable {
        let x = value
        return Variable(y, parents: [self], name: name) { g in
            var out = [Double](repeating: 0, count: x.count)
            for i in 0..<out.count { out[i] = g.scalars[i] * derivative(x.scalars[i], y.scalars[i]) }
            return [Tensor(unchecked: x.shape, out)]
        }
    }

    public func exp() -> Variable { unary("exp", value.exp()) { _, y in y } }
    public func log() -> Variable { unary("log", value.log()) { x, _ in 1 / x } }
    public func sqrt() -> Variable { unary("sqrt", value.sqrt()) { _, y in 0.5 / y } }
    public func squared() -> Variable { unary("squared", value.squared()) { x, _ in 2 * x } }
    public func pow(_ p: Double) -> Variable {
        unary("pow", value.pow(p)) { x, _ in p == 0 ? 0 : p * Foundation.pow(x, p - 1) }
    }
    /// |x|, with derivative sign(x) (0 at 0, as in PyTorch).
    public func abs() -> Variable { unary("abs", value.abs()) { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) } }
    public func tanh() -> Variable { unary("tanh", value.tanh()) { _, y in 1 - y * y } }
    public func sigmoid() -> Variable { unary("sigmoid", value.sigmoid()) { _, y in y * (1 - y) } }
    /// max(x, 0), with derivative 0 at 0 (as in PyTorch).
    public func relu() -> Variable { unary("relu", value.relu()) { x, _ in x > 0 ? 1 : 0 } }
    /// Clamps to [low, high]; the gradient passes only where the value was inside.
    public func clamped(min low: Double = -.infinity, max high: Double = .infinity) -> Variable {
        unary("clamp", value.clamped(min: low, max: high)) { x, _ in x >= low && x <= high ? 1 : 0 }
    }

    /// Element-wise maximum; where equal, the gradient goes to `self`.
    public func maximum(_ other: Variable) throws -> Variable {
        let (a, b) = (value, other.value)
        let mask = try a .>= b
        return Variable(try a.maximum(b), parents: [self, other], name: "maximum") { g in
            let ga = try g * mask
            let gb = try g * (1 - mask)
            return [try ga.reduced(toShape: a.shape), try gb.reduced(toShape: b.shape)]
        }
    }

    /// Element-wise minimum; where equal, the gradient goes to `self`.
    public func minimum(_ other: Variable) throws -> Variable {
        let (a, b) = (value, other.value)
        let mask = try a .<= b
        return Variable(try a.minimum(b), parents: [self, other], name: "minimum") { g in
            let ga = try g * mask
            let gb = try g * (1 - mask)
            return [try ga.reduced(toShape: a.shape), try gb.reduced(toShape: b.shape)]
        }
    }
}

public func exp(_ x: Variable) -> Variable { x.exp() }
public func log(_ x: Variable) -> Variable { x.log() }
public func sqrt(_ x: Variable) -> Variable { x.sqrt() }
public func abs(_ x: Variable) -> Variable { x.abs() }
public func pow(_ x: Variable, _ p: Double) -> Variable { x.pow(p) }
