/// A user-defined optimizer: a closure that updates one parameter from its gradient and its state.
///
/// Lessons use it to write a method from the notes in a few lines and race it
/// against the built-in ones:
///
///     Optimizer("my momentum") { w, g, state in
///         state.v = try 0.9 * state.v - 0.1 * g
///         try w += state.v
///     }
///
/// The closure runs once per parameter tensor per step, in parameter order,
/// with that parameter's own `OptimizerState` (created on the first step).
/// It must keep the parameter's shape. If it throws, parameters before the
/// failing one have already been updated.
public struct Optimizer: Optimizing {
    /// The closure's type: parameter (updated in place), its gradient, its state.
    public typealias Update = @Sendable (inout Tensor, Tensor, inout OptimizerState) throws -> Void

    public var name: String
    /// Passed to the closure as `state.lr`; schedules set it.
    public var lr: Double
    private let update: Update
    private var states: [OptimizerState] = []

    /// - Parameters:
    ///   - name: how tables and plots label it.
    ///   - lr: the learning rate handed to the closure as `state.lr`, default 0.01.
    ///   - update: the rule, called as `update(&w, g, &state)`.
    public init(_ name: String, lr: Double = 0.01, _ update: @escaping Update) {
        self.name = name
        self.lr = lr
        self.update = update
    }

    public func validate() throws {
        try Check.learningRate(lr)
    }

    /// The state of parameter `index`, or nil before the first step.
    public func state(_ index: Int) -> OptimizerState? {
        states.indices.contains(index) ? states[index] : nil
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) throws {
        try validate()
        try ParameterSlots().check(parameters, gradients: gradients, optimizer: name)
        if states.isEmpty {
            states = parameters.map { OptimizerState(shape: $0.shape) }
        }
        guard states.count == parameters.count else {
            throw DescentError.invalidArgument(
                name: "parameters", value: "\(parameters.count) tensors",
                expected: "\(states.count), as at the first step of \(name)")
        }
        for (state, parameter) in zip(states, parameters) where state.shape != parameter.shape {
            throw DescentError.shapeMismatch(
                operation: "\(name).step (state vs parameter)", lhs: state.shape, rhs: parameter.shape)
        }
        for index in parameters.indices {
            states[index].step += 1
            states[index].lr = lr
            let shape = parameters[index].shape
            try update(&parameters[index], gradients[index], &states[index])
            guard parameters[index].shape == shape else {
                throw DescentError.shapeMismatch(
                    operation: "\(name) update of parameter \(index)", lhs: shape, rhs: parameters[index].shape)
            }
        }
    }
}

/// The per-parameter state of a user-defined `Optimizer`: named tensors that start at zero.
///
/// A lesson writes `state.v = try 0.9 * state.v - 0.1 * g` without declaring
/// `v`: reading a name that was never set gives zeros of the parameter's
/// shape, which is how every method in the notes initializes its buffers.
/// `step`, `lr`, `shape` and `names` are reserved; any other name is a buffer.
@dynamicMemberLookup
public struct OptimizerState: Sendable, Equatable {
    /// The shape of the parameter this state belongs to.
    public let shape: [Int]
    /// Steps taken, counting the one in progress: 1 on the first call.
    public internal(set) var step: Int
    /// The optimizer's learning rate for this step, as a schedule set it.
    public internal(set) var lr: Double
    private var buffers: [String: Tensor] = [:]

    init(shape: [Int], step: Int = 0, lr: Double = 0) {
        self.shape = shape
        self.step = step
        self.lr = lr
    }

    /// The buffer called `name`, zeros of the parameter's shape until first set.
    public subscript(dynamicMember name: String) -> Tensor {
        get { self[name] }
        set { self[name] = newValue }
    }

    /// The buffer called `name`, for names that are not Swift identifiers.
    public subscript(_ name: String) -> Tensor {
        get { buffers[name] ?? Tensor(unchecked: shape, Array(repeating: 0, count: shape.reduce(1, *))) }
        set { buffers[name] = newValue }
    }

    /// The names set so far, sorted.
    public var names: [String] { buffers.keys.sorted() }
}
