/// The parametric ReLU of the notes, max(0, x) + α·min(0, x), with a learned slope α.
///
/// One slope is shared by all units, as in `torch.nn.PReLU()` with its
/// default `num_parameters=1`; it is stored as a `[1]` tensor so optimizers
/// update it like any other parameter. Unlike the weights of `Dense`, the slope
/// is not random: `initialize` resets it to the configured starting value.
public struct PReLU: Layer, CustomStringConvertible {
    /// The starting slope for negative inputs (0.25, PyTorch's default).
    public let initialSlope: Double
    /// The slope α as a `[1]` tensor.
    public var parameters: [Tensor]

    /// - Parameter slope: the starting value of α, the slope for negative inputs.
    public init(slope: Double = 0.25) {
        initialSlope = slope
        parameters = [Tensor(unchecked: [1], [slope])]
    }

    /// The current slope, or nil when `parameters` was replaced by something else.
    public var slope: Double? { parameters.first.flatMap { $0.count == 1 ? $0.scalars[0] : nil } }

    public mutating func initialize(using random: inout RandomSource) throws {
        parameters = [Tensor(unchecked: [1], [initialSlope])]
    }

    public var description: String { "PReLU(slope: \(initialSlope))" }

    public func forward(_ input: Variable, parameters: ArraySlice<Variable>, context: inout ForwardContext) throws -> Variable {
        guard parameters.count == 1, let alphaVariable = parameters.first, alphaVariable.value.count == 1 else {
            throw DescentError.invalidArgument(
                name: "parameters of PReLU", value: "\(parameters.map { DescentError.format($0.shape) })",
                expected: "one slope of shape [1]")
        }
        let alpha = alphaVariable.value.scalars[0]
        let alphaShape = alphaVariable.shape
        let x = input.value
        let y = x.map { $0 > 0 ? $0 : alpha * $0 }
        return Variable(y, parents: [input, alphaVariable], name: "prelu") { g in
            let gx = elementwiseProduct(g, x) { g, x in x > 0 ? g : alpha * g }
            var ga = 0.0
            for i in 0..<x.count where x.scalars[i] <= 0 { ga += g.scalars[i] * x.scalars[i] }
            return [gx, Tensor(unchecked: alphaShape, [ga])]
        }
    }
}
