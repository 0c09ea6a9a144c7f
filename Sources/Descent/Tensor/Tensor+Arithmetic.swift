/// Element-wise arithmetic with broadcasting.
///
/// Tensor–tensor operators throw on shapes that cannot broadcast, naming both
/// shapes. Operators with a `Double` cannot fail and do not throw.
extension Tensor {
    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try elementwise(lhs, rhs, operation: "+", +) }
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor { try elementwise(lhs, rhs, operation: "-", -) }
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor { try elementwise(lhs, rhs, operation: "*", *) }
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor { try elementwise(lhs, rhs, operation: "/", /) }

    public static func + (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 + rhs } }
    public static func - (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 - rhs } }
    public static func * (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 * rhs } }
    public static func / (lhs: Tensor, rhs: Double) -> Tensor { lhs.map { $0 / rhs } }
    public static func + (lhs: Double, rhs: Tensor) -> Tensor { rhs.map { lhs + $0 } }
    public static func - (lhs: Double, rhs: Tensor) -> Tensor { rhs.map { lhs - $0 } }
    public static func * (lhs: Double, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }
    public static func / (lhs: Double, rhs: Tensor) -> Tensor { rhs.map { lhs / $0 } }
    public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }

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
