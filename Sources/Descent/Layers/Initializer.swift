import Foundation

/// How a layer draws its starting weights, so lessons can compare the notes' schemes.
///
/// Every scheme fills a weight matrix stored `[fanIn, fanOut]` (inputs by
/// outputs, the layout `Dense` uses), drawing its elements in row-major order
/// from the `RandomSource` it is given, so a seed fixes every bit. Biases are
/// not drawn: layers start them at 0, as Keras does, because a zero bias
/// breaks no symmetry that the random weights have not already broken.
public enum Initializer: Sendable, Equatable, CustomStringConvertible {
    /// All weights 0: every unit computes the same thing, the symmetry the notes warn about.
    case zeros
    /// All weights equal to `c`; useful for hand-checkable examples.
    case constant(Double)
    /// U(−1/√fanIn, 1/√fanIn), the notes' "equal output variances" rule with h = fanIn
    /// (also PyTorch's default for `nn.Linear` weights).
    case uniform
    /// Glorot (Xavier) uniform: U(−√6/√(fanIn+fanOut), √6/√(fanIn+fanOut)).
    ///
    /// The notes print the bound as 6/√(h+m); that is a slip: Glorot and Bengio
    /// (2010) give √6/√(h+m), which makes the variance 2/(h+m).
    case xavier
    /// Glorot (Xavier) normal: N(0, σ²) with σ = √(2/(fanIn+fanOut)), the same variance as `.xavier`.
    case xavierNormal
    /// He (Kaiming) normal: N(0, σ²) with σ = √(2/fanIn), which keeps ReLU activations' variance steady.
    case he
    /// He (Kaiming) uniform: U(−√(6/fanIn), √(6/fanIn)), the same variance as `.he`.
    case heUniform
    /// A random orthogonal matrix, the notes' "random orthogonal basis".
    ///
    /// As `torch.nn.init.orthogonal_`: the QR decomposition of a standard normal
    /// matrix, with Q's columns multiplied by the signs of R's diagonal so that
    /// the result is uniformly distributed. A tall or square matrix has
    /// orthonormal columns (WᵀW = I); a wide one has orthonormal rows (WWᵀ = I).
    case orthogonal

    public var description: String {
        switch self {
        case .zeros: return ".zeros"
        case let .constant(c): return ".constant(\(c))"
        case .uniform: return ".uniform"
        case .xavier: return ".xavier"
        case .xavierNormal: return ".xavierNormal"
        case .he: return ".he"
        case .heUniform: return ".heUniform"
        case .orthogonal: return ".orthogonal"
        }
    }

    /// Draws a `[fanIn, fanOut]` weight matrix.
    ///
    /// Throws when either extent is not positive, since no scheme is defined for an empty layer.
    public func weights(fanIn: Int, fanOut: Int, using random: inout RandomSource) throws -> Tensor {
        guard fanIn > 0, fanOut > 0 else {
            throw DescentError.invalidArgument(
                name: "weight shape", value: "[\(fanIn), \(fanOut)]", expected: "positive numbers of inputs and outputs")
        }
        let count = try ExecutionLimits.elementCount(of: [fanIn, fanOut], operation: "weight of Dense(\(fanIn), \(fanOut))")
        let (n, m) = (Double(fanIn), Double(fanOut))
        var out = [Double](repeating: 0, count: count)
        switch self {
        case .zeros:
            break
        case let .constant(c):
            for i in 0..<count { out[i] = c }
        case .uniform:
            Self.fillUniform(&out, bound: 1 / n.squareRoot(), &random)
        case .xavier:
            Self.fillUniform(&out, bound: 6.0.squareRoot() / (n + m).squareRoot(), &random)
        case .xavierNormal:
            Self.fillNormal(&out, std: (2 / (n + m)).squareRoot(), &random)
        case .he:
            Self.fillNormal(&out, std: (2 / n).squareRoot(), &random)
        case .heUniform:
            Self.fillUniform(&out, bound: (6 / n).squareRoot(), &random)
        case .orthogonal:
            out = Self.orthogonal(rows: fanIn, columns: fanOut, &random)
        }
        return Tensor(unchecked: [fanIn, fanOut], out)
    }

    private static func fillUniform(_ out: inout [Double], bound: Double, _ random: inout RandomSource) {
        for i in 0..<out.count { out[i] = random.uniform(-bound, bound) }
    }

    private static func fillNormal(_ out: inout [Double], std: Double, _ random: inout RandomSource) {
        for i in 0..<out.count { out[i] = std * random.normal() }
    }
}
