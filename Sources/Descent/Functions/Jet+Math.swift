import Foundation

/// Elementary functions on jets, each one call to `chain` with the function's
/// first and second derivative, so adding a function means writing down g' and g''.
extension Jet {
    public func exp() -> Jet {
        let e = Foundation.exp(value)
        return chain(e, e, e)
    }

    public func log() -> Jet {
        chain(Foundation.log(value), 1 / value, -1 / (value * value))
    }

    public func sqrt() -> Jet {
        let root = value.squareRoot()
        return chain(root, 0.5 / root, -0.25 / (root * value))
    }

    /// x^p for a real exponent; defined where `Foundation.pow` is (x > 0 for non-integer p).
    public func pow(_ p: Double) -> Jet {
        if let n = Int(exactly: p), Swift.abs(n) <= 64 { return pow(n) }
        return chain(
            Foundation.pow(value, p),
            p * Foundation.pow(value, p - 1),
            p * (p - 1) * Foundation.pow(value, p - 2))
    }

    /// x^n by repeated squaring of jets, exact for negative x too.
    public func pow(_ n: Int) -> Jet {
        if n == 0 { return Jet(1) }
        // The magnitude, not -n, so that Int.min does not overflow.
        if n < 0 { return 1 / power(n.magnitude) }
        return power(n.magnitude)
    }

    private func power(_ n: UInt) -> Jet {
        var result: Jet = 1
        var base = self
        var exponent = n
        while exponent > 0 {
            if exponent & 1 == 1 { result = result * base }
            base = base * base
            exponent >>= 1
        }
        return result
    }

    /// x², the most common power, as one product.
    public func squared() -> Jet { self * self }

    public func sin() -> Jet {
        let s = Foundation.sin(value)
        return chain(s, Foundation.cos(value), -s)
    }

    public func cos() -> Jet {
        let c = Foundation.cos(value)
        return chain(c, -Foundation.sin(value), -c)
    }

    public func tanh() -> Jet {
        let t = Foundation.tanh(value)
        let slope = 1 - t * t
        return chain(t, slope, -2 * t * slope)
    }

    /// |x|, with derivative sign(x) (0 at 0, as in PyTorch) and second derivative 0.
    public func abs() -> Jet {
        let sign: Double = value > 0 ? 1 : (value < 0 ? -1 : 0)
        return chain(Swift.abs(value), sign, 0)
    }

    /// The larger of two jets by value, with its derivatives.
    public func maximum(_ other: Jet) -> Jet { other.value > value ? other : self }
    /// The smaller of two jets by value, with its derivatives.
    public func minimum(_ other: Jet) -> Jet { other.value < value ? other : self }
}

public func exp(_ x: Jet) -> Jet { x.exp() }
public func log(_ x: Jet) -> Jet { x.log() }
public func sqrt(_ x: Jet) -> Jet { x.sqrt() }
public func pow(_ x: Jet, _ p: Double) -> Jet { x.pow(p) }
public func pow(_ x: Jet, _ n: Int) -> Jet { x.pow(n) }
public func sin(_ x: Jet) -> Jet { x.sin() }
public func cos(_ x: Jet) -> Jet { x.cos() }
public func tanh(_ x: Jet) -> Jet { x.tanh() }
public func abs(_ x: Jet) -> Jet { x.abs() }
