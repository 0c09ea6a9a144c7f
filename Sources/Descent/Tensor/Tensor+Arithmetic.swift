/// Element-wise arithmetic with broadcasting.
///
/// Tensor–tensor operators throw on shapes that cannot broadcast, naming both
/// shapes. Operators with a `Double` cannot fail and do not throw.
extension Tensor {
    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try arithmetic(.add, lhs, rhs, "+", +) }
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor { try arithmetic(.subtract, lhs, rhs, "-", -) }
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor { try arithmetic(.multiply, lhs, rhs, "*", *) }
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor { try arithmetic(.divide, lhs, rhs, "/", /) }

    public static func + (lhs: Tensor, rhs: Double) -> Tensor { lhs.combined(.add, rhs) }
    public static func - (lhs: Tensor, rhs: Double) -> Tensor { lhs.combined(.subtract, rhs) }
    public static func * (lhs: Tensor, rhs: Double) -> Tensor { lhs.combined(.multiply, rhs) }
    public static func / (lhs: Tensor, rhs: Double) -> Tensor { lhs.combined(.divide, rhs) }
    public static func + (lhs: Double, rhs: Tensor) -> Tensor { rhs.combined(.add, lhs, scalarFirst: true) }
    public static func - (lhs: Double, rhs: Tensor) -> Tensor { rhs.combined(.subtract, lhs, scalarFirst: true) }
    public static func * (lhs: Double, rhs: Tensor) -> Tensor { rhs.combined(.multiply, lhs, scalarFirst: true) }
    public static func / (lhs: Double, rhs: Tensor) -> Tensor { rhs.combined(.divide, lhs, scalarFirst: true) }
    public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }

    /// Same shapes run the vector kernel (both cores when large); broadcasting takes the general loop.
    private static func arithmetic(
        _ kernel: Kernels.Operation, _ lhs: Tensor, _ rhs: Tensor, _ operation: String, _ op: (Double, Double) -> Double
    ) throws -> Tensor {
        guard lhs.shape == rhs.shape else { return try elementwise(lhs, rhs, operation: operation, op) }
        return Tensor(unchecked: lhs.shape, Kernels.binary(kernel, lhs.scalars, rhs.scalars))
    }

    /// Every element with a number, on the vector kernel; the operands keep their order.
    private func combined(_ kernel: Kernels.Operation, _ scalar: Double, scalarFirst: Bool = false) -> Tensor {
        Tensor(unchecked: shape, Kernels.binary(kernel, scalars, scalar: scalar, scalarFirst: scalarFirst))
    }

    public static func += (lhs: inout Tensor, rhs: Tensor) throws { lhs = try lhs + rhs }
    public static func -= (lhs: inout Tensor, rhs: Tensor) throws { lhs = try lhs - rhs }
    public static func *= (lhs: inout Tensor, rhs: Tensor) throws { lhs = try lhs * rhs }
    public static func /= (lhs: inout Tensor, rhs: Tensor) throws { lhs = try lhs / rhs }
    public static func += (lhs: inout Tensor, rhs: Double) { lhs = lhs + rhs }
    public static func -= (lhs: inout Tensor, rhs: Double) { lhs = lhs - rhs }
    public static func *= (lhs: inout Tensor, rhs: Double) { lhs = lhs * rhs }
    public static func /= (lhs: inout Tensor, rhs: Double) { lhs = lhs / rhs }

    /// Element-wise comparisons, giving 1 where the relation holds and 0 elsewhere.
    public static func .> (lhs: Tensor, rhs: Tensor) throws -> Tensor { try elementwise(lhs, rhs, operation: ".>") { $0 > $1 ? 1 : 0 } }
    public static func .< (lhs: Tensor, rhs: Tensor) throws -> Tensor { try elementwise(lhs, rhs, operation: ".<") { $0 < $1 ? 1 : 0 } }
    public static func .>= (lhs: Tensor, rhs: Tensor) throws -> Tensor { try elementwise(lhs, rhs, operation: ".>=") { $0 >= $1 ? 1 : 0 } }
    public static func .<= (lhs: Tensor, rhs: Tensor) throws -> Tensor { try elementwise(lhs, rhs, operation: ".<=") { $0 <= $1 ? 1 : 0 } }
    public static func .== (lhs: Tensor, rhs: Tensor) throws -> Tensor { try elementwise(lhs, rhs, operation: ".==") { $0 == $1 ? 1 : 0 } }
    public static func .> (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 > rhs ? 1 : 0 } }
    public static func .< (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 < rhs ? 1 : 0 } }
    public static func .>= (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 >= rhs ? 1 : 0 } }
    public static func .<= (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 <= rhs ? 1 : 0 } }
    public static func .== (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 == rhs ? 1 : 0 } }
}
