/// The curvature of a model's loss over a data set: Hessian-vector products and the sharpness λmax.
///
/// Measured in inference mode (no dropout) on the whole set, so the number belongs to the weights,
/// not to a minibatch; compare it with 2 / lr to see whether a rate sits beyond lesson 2's edge.
public func hessianVectorProduct(_ model: Sequential, loss: Loss, on data: Dataset, _ vector: [Tensor]) throws -> [Tensor] {
    let parameters = model.parameters
    guard vector.map(\.shape) == parameters.map(\.shape) else {
        throw DescentError.invalidArgument(name: "vector", value: "shapes \(vector.map(\.shape))",
                                           expected: "one tensor per parameter, of shapes \(parameters.map(\.shape))")
    }
    return try centralDifference(point: parameters, direction: vector) { point in
        var context = ForwardContext(training: false)
        return try modelLossAndGradients(model, point, data.x, data.y, loss: loss, penalty: nil, &context).1
    }
}

/// The largest eigenvalue of the Hessian of the model's loss on `data` with respect to all its parameters.
public func largestEigenvalue(_ model: Sequential, loss: Loss, on data: Dataset, iterations: Int = 50, seed: Int = 0) throws -> Double {
    guard data.count > 0 else { throw DescentError.emptyDataset(operation: "largestEigenvalue") }
    return try powerIteration(shapes: model.parameters.map(\.shape), iterations: iterations, seed: seed) { vector in
        try hessianVectorProduct(model, loss: loss, on: data, vector)
    }
}

/// The loss (plus penalty) of one batch and its gradient with respect to every parameter, by reverse mode.
func modelLossAndGradients(
    _ model: Sequential, _ parameters: [Tensor], _ x: Tensor, _ y: Tensor, loss: Loss, penalty: Penalty?, _ context: inout ForwardContext
) throws -> (Double, [Tensor]) {
    let variables = parameters.map { Variable($0, requiresGrad: true, name: "parameter") }
    let output = try model.forward(Variable(x), parameters: variables[...], context: &context)
    var objective = try loss(output, y)
    if let penalty {
        objective = try objective + penalty(variables)
    }
    try objective.backward()
    return (try objective.value.scalar(), variables.map { $0.grad ?? $0.value.zerosLike })
}
