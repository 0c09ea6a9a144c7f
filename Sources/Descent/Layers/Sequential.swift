import Foundation

/// A model: layers applied one after another, with its parameters as one flat list.
///
/// `Sequential(seed: 0) { Dense(2, 32, init: .he); ReLU(); Dense(32, 1) }`
/// draws every layer's weights, in order, from `RandomSource(seed: 0)`, so the
/// seed alone fixes the starting point. The parameters are the layers'
/// parameters concatenated in layer order (weight, then bias, for each
/// `Dense`), which is the list optimizers update.
///
/// The initializer does not throw, so a model reads like its diagram; a
/// configuration error (a layer of size 0, a `Dense` whose inputs do not match
/// the previous layer's outputs) is kept and thrown by `forward`, `predict`
/// and `validate()`.
public struct Sequential: Layer, CustomStringConvertible {
    /// The layers, first applied first.
    public private(set) var layers: [any Layer]
    /// The seed the weights were drawn from.
    public let seed: Int
    /// The first problem found while building or updating the model, thrown by `forward`.
    private var configurationError: DescentError?

    /// A model from a builder block, one layer per line.
    public init(seed: Int = 0, @LayerBuilder _ build: () throws -> [any Layer]) rethrows {
        self.init(seed: seed, layers: try build())
    }

    /// A model from an array of layers.
    public init(seed: Int = 0, layers: [any Layer]) {
        self.layers = layers
        self.seed = seed
        var random = RandomSource(seed: seed)
        do {
            try initialize(using: &random)
            try checkWidths()
        } catch let error as DescentError {
            configurationError = error
        } catch {
            configurationError = .invalidArgument(name: "layers", value: "\(error)", expected: "layers that can be initialized")
        }
    }

    /// Throws the configuration error found while building the model, if any.
    public func validate() throws {
        if let configurationError { throw configurationError }
    }

    /// The parameters of all layers, in layer order; setting splits the list back by layer.
    ///
    /// Setting a list with the wrong number of tensors is recorded and thrown by the next `forward`.
    public var parameters: [Tensor] {
        get { layers.flatMap { $0.parameters } }
        set {
            let expected = layers.reduce(0) { $0 + $1.parameters.count }
            guard newValue.count == expected else {
                configurationError = .invalidArgument(
                    name: "parameters of Sequential", value: "\(newValue.count) tensors", expected: "\(expected) tensors")
                return
            }
            var offset = 0
            for i in layers.indices {
                let n = layers[i].parameters.count
                layers[i].parameters = Array(newValue[offset..<offset + n])
                offset += n
            }
        }
    }

    /// Draws every layer's parameters in order from `random`.
    public mutating func initialize(using random: inout RandomSource) throws {
        for i in layers.indices {
            try layers[i].initialize(using: &random)
        }
    }

    public func forward(_ input: Variable, parameters: ArraySlice<Variable>, context: inout ForwardContext) throws -> Variable {
        try validate()
        var offset = parameters.startIndex
        var output = input
        for layer in layers {
            let n = layer.parameters.count
            guard offset + n <= parameters.endIndex else {
                throw DescentError.invalidArgument(
                    name: "parameters of Sequential", value: "\(parameters.count) variables", expected: "\(parameterTensorCount)")
            }
            output = try layer.forward(output, parameters: parameters[offset..<offset + n], context: &context)
            offset += n
        }
        guard offset == parameters.endIndex else {
            throw DescentError.invalidArgument(
                name: "parameters of Sequential", value: "\(parameters.count) variables", expected: "\(parameterTensorCount)")
        }
        return output
    }

    private var parameterTensorCount: Int { layers.reduce(0) { $0 + $1.parameters.count } }

    /// Checks that each `Dense` layer takes as many inputs as the last `Dense` before it gives.
    private func checkWidths() throws {
        var width: Int?
        for (index, layer) in layers.enumerated() {
            guard let dense = layer as? Dense else { continue }
            if let width, width != dense.inputs {
                throw DescentError.invalidArgument(
                    name: "layer \(index), \(dense)", value: "\(dense.inputs) inputs",
                    expected: "\(width) inputs, the outputs of the previous Dense layer")
            }
            width = dense.outputs
        }
    }

    /// One line per layer: its description, the output width, its parameter shapes and count.
    public var description: String {
        var lines = ["Sequential(seed: \(seed)): \(layers.count) layers, \(parameterCount) parameters"]
        let names = layers.map { String(describing: $0) }
        let nameWidth = names.map(\.count).max() ?? 0
        var width = "?"
        for (layer, name) in zip(layers, names) {
            if let dense = layer as? Dense { width = "\(dense.outputs)" }
            let shapes = layer.parameters.map { DescentError.format($0.shape) }.joined(separator: ", ")
            let padded = name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            var line = "  \(padded)  -> [batch, \(width)]"
            if !shapes.isEmpty { line += "  params \(shapes) = \(layer.parameterCount)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
