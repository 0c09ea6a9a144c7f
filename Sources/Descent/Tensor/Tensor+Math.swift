import CKernels
import Foundation

/// Element-wise functions. They never throw: out-of-domain inputs give NaN or
/// infinity as IEEE 754 says, and training loops detect those as divergence.
extension Tensor {
    public func exp() -> Tensor { mapElements { Foundation.exp($0) } }
    public func log() -> Tensor { mapElements { Foundation.log($0) } }
    public func sqrt() -> Tensor { mapElements { ck_sqrt($0) } }
    /// Swift's name for `sqrt()`, as on `Double`, so code written for numbers works on tensors.
    public func squareRoot() -> Tensor { sqrt() }
    public func abs() -> Tensor { map { Swift.abs($0) } }
    public func pow(_ exponent: Double) -> Tensor {
        if exponent == 2 { return map { $0 * $0 } }
        return mapElements { Foundation.pow($0, exponent) }
    }
    public func squared() -> Tensor { map { $0 * $0 } }
    public func tanh() -> Tensor { mapElements { Foundation.tanh($0) } }
    /// The logistic function, computed without overflow for large |x|.
    public func sigmoid() -> Tensor {
        mapElements { $0 >= 0 ? 1 / (1 + Foundation.exp(-$0)) : Foundation.exp($0) / (1 + Foundation.exp($0)) }
    }
    public func relu() -> Tensor { Tensor(unchecked: shape, Kernels.relu(scalars)) }
    public func sign() -> Tensor { map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) } }
    /// Limits every element to [low, high].
    public func clamped(min low: Double = -.infinity, max high: Double = .infinity) -> Tensor {
        map { Swift.min(Swift.max($0, low), high) }
    }
    /// Element-wise maximum with another tensor, broadcasting.
    public func maximum(_ other: Tensor) throws -> Tensor {
        try Tensor.elementwise(self, other, operation: "maximum") { Swift.max($0, $1) }
    }
    /// Element-wise minimum with another tensor, broadcasting.
    public func minimum(_ other: Tensor) throws -> Tensor {
        try Tensor.elementwise(self, other, operation: "minimum") { Swift.min($0, $1) }
    }
    public func maximum(_ other: Double) -> Tensor { map { Swift.max($0, other) } }
    public func minimum(_ other: Double) -> Tensor { map { Swift.min($0, other) } }
}

public func exp(_ x: Tensor) -> Tensor { x.exp() }
public func log(_ x: Tensor) -> Tensor { x.log() }
public func sqrt(_ x: Tensor) -> Tensor { x.sqrt() }
public func abs(_ x: Tensor) -> Tensor { x.abs() }
public func pow(_ x: Tensor, _ p: Double) -> Tensor { x.pow(p) }
