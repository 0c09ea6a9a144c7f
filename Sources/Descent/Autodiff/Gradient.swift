/// Value and gradient of a scalar function of tensors.
///
/// The function receives one `Variable` per input, builds its graph, and must
/// return a one-element variable. This is the entry point lessons use for
/// "the gradient of J with respect to θ".
public func valueWithGradient(
    at inputs: [Tensor], of function: ([Variable]) throws -> Variable
) throws -> (value: Double, gradients: [Tensor]) {
    let variables = inputs.map { Variable($0, requiresGrad: true, name: "input") }
    let output = try function(variables)
    guard output.value.count == 1 else {
        throw DescentError.invalidShape(operation: "valueWithGradient", shape: output.shape, expected: "a function returning one element")
    }
    try output.backward()
    let gradients = variables.map { $0.grad ?? $0.value.zerosLike }
    return (output.value.scalars[0], gradients)
}

/// Value and gradient of a scalar function of one tensor.
public func valueWithGradient(
    at input: Tensor, of function: (Variable) throws -> Variable
) throws -> (value: Double, gradient: Tensor) {
    let (value, gradients) = try valueWithGradient(at: [input]) { try function($0[0]) }
    return (value, gradients[0])
}

/// The gradient of a scalar function of one tensor.
public func gradient(at input: Tensor, of function: (Variable) throws -> Variable) throws -> Tensor {
    try valueWithGradient(at: input, of: function).gradient
}
