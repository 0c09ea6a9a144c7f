/// Differentiable arithmetic with broadcasting.
///
/// Each pullback reduces its gradient back to the operand's shape with
/// `reduced(toShape:)`, the adjoint of broadcasting.
extension Variable {
    public static func + (lhs: Variable, rhs: Variable) throws -> Variable {
        let (ls, rs) = (lhs.shape, rhs.shape)
        return Variable(try lhs.value + rhs.value, parents: [lhs, rhs], name: "+") { g in
            [try g.reduced(toShape: ls), try g.reduced(toShape: rs)]
        }
    }

    public static func - (lhs: Variable, rhs: Variable) throws -> Variable {
        let (ls, rs) = (lhs.shape, rhs.shape)
        return Variable(try lhs.value - rhs.value, parents: [lhs, rhs], name: "-") { g in
            [try g.reduced(toShape: ls), try (-g).reduced(toShape: rs)]
        }
    }

    public static func * (lhs: Variable, rhs: Variable) throws -> Variable {
        let (a, b) = (lhs.value, rhs.value)
        return Variable(try a * b, parents: [lhs, rhs], name: "*") { g in
            [try (g * b).reduced(toShape: a.shape), try (g * a).reduced(toShape: b.shape)]
        }
    }

    public static func / (lhs: Variable, rhs: Variable) throws -> Variable {
        let (a, b) = (lhs.value, rhs.value)
        return Variable(try a / b, parents: [lhs, rhs], name: "/") { g in
            let ga = try g / b
            let gb = try -(try g * a) / (try b * b)
            return [try ga.reduced(toShape: a.shape), try gb.reduced(toShape: b.shape)]
        }
    }

    public static prefix func - (operand: Variable) -> Variable {
        Variable(-operand.value, parents: [operand], name: "neg") { g in [-g] }
    }

    public static func + (lhs: Variable, rhs: Double) -> Variable {
        Variable(lhs.value + rhs, parents: [lhs], name: "+") { g in [g] }
    }
    public static func - (lhs: Variable, rhs: Double) -> Variable {
        Variable(lhs.value - rhs, parents: [lhs], name: "-") { g in [g] }
    }
    public static func * (lhs: Variable, rhs: Double) -> Variable {
        Variable(lhs.value * rhs, parents: [lhs], name: "*") { g in [g * rhs] }
    }
    public static func / (lhs: Variable, rhs: Double) -> Variable {
        Variable(lhs.value / rhs, parents: [lhs], name: "/") { g in [g / rhs] }
    }
    public static func + (lhs: Double, rhs: Variable) -> Variable { rhs + lhs }
    public static func - (lhs: Double, rhs: Variable) -> Variable {
        Variable(lhs - rhs.value, parents: [rhs], name: "-") { g in [-g] }
    }
    public static func * (lhs: Double, rhs: Variable) -> Variable { rhs * lhs }
    public static func / (lhs: Double, rhs: Variable) -> Variable {
        let b = rhs.value
        return Variable(lhs / b, parents: [rhs], name: "/") { g in
            [try g * (-lhs / (try b * b))]
        }
    }

    /// The matrix product, with the same vector conventions as `Tensor.matmul`.
    public func matmul(_ other: Variable) throws -> Variable {
        let (a, b) = (value, other.value)
        let out = try a.matmul(b)
        return Variable(out, parents: [self, other], name: "matmul") { g in
            // View vectors as the row (left) or column (right) they stand for.
            let a2 = a.rank == 2 ? a : try a.reshaped([1, a.count])
            let b2 = b.rank == 2 ? b : try b.reshaped([b.count, 1])
            let g2 = try g.reshaped([a2.shape[0], b2.shape[1]])
            let ga = try g2.matmul(b2.transposed).reshaped(a.shape)
            let gb = try a2.transposed.matmul(g2).reshaped(b.shape)
            return [ga, gb]
        }
    }

    /// The transpose of a matrix.
    public var transposed: Variable {
        Variable(value.transposed, parents: [self], name: "transpose") { g in [g.transposed] }
    }

    /// Reinterprets the value with a new shape of the same size.
    public func reshaped(_ shape: [Int]) throws -> Variable {
        let original = value.shape
        return Variable(try value.reshaped(shape), parents: [self], name: "reshape") { g in
            [try g.reshaped(original)]
        }
    }

    /// Selects rows (a minibatch) by index; the gradient scatters back to those rows.
    public func rows(_ indices: [Int]) throws -> Variable {
        let original = value.shape
        let columns = value.rank == 2 ? value.shape[1] : 1
        return Variable(try value.rows(indices), parents: [self], name: "rows") { g in
            var out = [Double](repeating: 0, count: original.reduce(1, *))
            for (k, index) in indices.enumerated() {
                for j in 0..<columns { out[index * columns + j] += g.scalars[k * columns + j] }
            }
            return [Tensor(unchecked: original, out)]
        }
    }
}

public func matmul(_ a: Variable, _ b: Variable) throws -> Variable { try a.matmul(b) }
