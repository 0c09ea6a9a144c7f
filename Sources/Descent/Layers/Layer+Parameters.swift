/// Conveniences every layer gets: counting parameters, inference, and a forward pass over an array.
extension Layer {
    /// The number of trainable scalars, the figure Keras prints as "Total params".
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// The output for a batch `x` in inference mode (dropout off), as a tensor.
    public func predict(_ x: Tensor) throws -> Tensor { try self(x) }

    /// The forward pass with one variable per entry of `self.parameters`, given as an array.
    public func forward(_ input: Variable, parameters: [Variable], context: inout ForwardContext) throws -> Variable {
        try forward(input, parameters: parameters[...], context: &context)
    }

    /// Whether each parameter is a weight matrix (rank 2) rather than a bias or a slope.
    ///
    /// Penalties (`Penalty.l2`, `.l1`) use this rule: they shrink weights, not biases,
    /// because a bias only shifts a unit and penalizing it adds bias without reducing variance.
    public var weightMask: [Bool] { parameters.map { $0.rank == 2 } }
}
