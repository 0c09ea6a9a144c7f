import Foundation

/// The logistic activation σ(x) = 1/(1 + e^(−x)), one fused node.
///
/// Its derivative σ(1 − σ) is at most 1/4, which is why deep sigmoid stacks
/// suffer the vanishing gradients the notes describe.
public struct Sigmoid: Layer, CustomStringConvertible {
    public var parameters: [Tensor] = []
    public init() {}
    public mutating func initialize(using random: inout RandomSource) throws {}
    public var description: String { "Sigmoid()" }

    public func forward(_ input: Variable, parameters: ArraySlice<Variable>, context: inout ForwardContext) throws -> Variable {
        let y = input.value.sigmoid()
        return Variable(y, parents: [input], name: "sigmoid") { g in
            [elementwiseProduct(g, y) { g, y in g * y * (1 - y) }]
        }
    }
}

/// The hyperbolic tangent activation, one fused node; zero-centred, with derivative 1 − tanh².
public struct Tanh: Layer, CustomStringConvertible {
    public var parameters: [Tensor] = []
    public init() {}
    public mutating func initialize(using random: inout RandomSource) throws {}
    public var description: String { "Tanh()" }

    public func forward(_ input: Variable, parameters: ArraySlice<Variable>, context: inout ForwardContext) throws -> Variable {
        let y = input.value.tanh()
        return Variable(y, parents: [input], name: "tanh") { g in
            [elementwiseProduct(g, y) { g, y in g * (1 - y * y) }]
        }
    }
}

/// The rectified linear unit max(0, x), one fused node; its gradient at 0 is 0, as in PyTorch.
public struct ReLU: Layer, CustomStringConvertible {
    public var parameters: [Tensor] = []
    public init() {}
    public mutating func initialize(using random: inout RandomSource) throws {}
    public var description: String { "ReLU()" }

    public func forward(_ input: Variable, parameters: ArraySlice<Variable>, context: inout ForwardContext) throws -> Variable {
        let x = input.value
        return Variable(x.relu(), parents: [input], name: "relu") { g in
            [Tensor(unchecked: x.shape, Kernels.reluBackward(g.scalars, x.scalars))]
        }
    }
}

/// Combines an upstream gradient with a same-shaped saved tensor element by element.
///
/// Activation pullbacks all have this form; a dedicated loop over buffers keeps
/// them free of per-element indirection.
@inline(__always)
func elementwiseProduct(_ g: Tensor, _ saved: Tensor, _ combine: (Double, Double) -> Double) -> Tensor {
    var out = [Double](repeating: 0, count: saved.count)
    g.scalars.withUnsafeBufferPointer { gp in
        saved.scalars.withUnsafeBufferPointer { sp in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<o.count { o[i] = combine(gp[i], sp[i]) }
            }
        }
    }
    return Tensor(unchecked: saved.shape, out)
}
