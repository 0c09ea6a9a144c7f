/// The per-parameter buffers of a built-in optimizer and the loop that updates them.
///
/// Every built-in optimizer keeps a few arrays the size of each parameter
/// (momentum, squared-gradient averages) and a step count, creates them on its
/// first step as `torch.optim` does, and runs one element-wise kernel per
/// parameter tensor, on two threads for large ones. Keeping that plumbing here
/// means each optimizer file holds only its update rule, and the kernels all see
/// raw buffer pointers (the built-in rules pass them to CKernels).
struct ParameterSlots: Sendable, Equatable {
    /// One flat buffer per parameter: `slotCount` arrays of the parameter's size, back to back.
    private(set) var buffers: [[Double]] = []
    /// The parameter shapes seen at the first step; later steps must match them.
    private(set) var shapes: [[Int]] = []
    /// Steps completed so far.
    private(set) var step = 0
    /// How many arrays each parameter has.
    private(set) var slotCount = 0

    /// A kernel updates a run of one parameter's elements in place: `count` elements of the
    /// parameter `w`, its gradient `g` and its slots `s` (`s.slot(k)`, or `s.base` and `s.parameterCount` for C).
    ///
    /// Large parameters are cut into runs updated on two threads at once, so a kernel
    /// must compute each element from that element alone, as every optimizer rule does.
    typealias Kernel = (
        _ count: Int,
        _ w: UnsafeMutableBufferPointer<Double>,
        _ g: UnsafeBufferPointer<Double>,
        _ s: SlotRun
    ) -> Void

    /// True before the first step.
    var isEmpty: Bool { shapes.isEmpty }

    /// Slot `slot` of parameter `index`, for look-ahead points and tests.
    func values(slot: Int, of index: Int) -> ArraySlice<Double> {
        let count = buffers[index].count / Swift.max(slotCount, 1)
        return buffers[index][slot * count..<(slot + 1) * count]
    }

    /// Checks that `gradients` match `parameters` one to one, and the state's shapes once it exists.
    func check(_ parameters: [Tensor], gradients: [Tensor], optimizer: String) throws {
        guard parameters.count == gradients.count else {
            throw DescentError.invalidArgument(
                name: "gradients", value: "\(gradients.count) tensors",
                expected: "\(parameters.count), one per parameter of \(optimizer)")
        }
        for (parameter, gradient) in zip(parameters, gradients) where parameter.shape != gradient.shape {
            throw DescentError.shapeMismatch(
                operation: "\(optimizer).step (parameter vs gradient)", lhs: parameter.shape, rhs: gradient.shape)
        }
        try checkState(parameters, optimizer: optimizer)
    }

    /// Checks parameters against the shapes the state was created for.
    func checkState(_ parameters: [Tensor], optimizer: String) throws {
        guard !isEmpty else { return }
        guard parameters.count == shapes.count else {
            throw DescentError.invalidArgument(
                name: "parameters", value: "\(parameters.count) tensors",
                expected: "\(shapes.count), as at the first step of \(optimizer)")
        }
        for (shape, parameter) in zip(shapes, parameters) where shape != parameter.shape {
            throw DescentError.shapeMismatch(
                operation: "\(optimizer).step (state vs parameter)", lhs: shape, rhs: parameter.shape)
        }
    }

    /// Runs `kernel` once per parameter, creating `slotCount` slots filled with `initialValue`
    /// on the first call, and counts the step. Checks every shape before changing anything.
    mutating func update(
        _ parameters: inout [Tensor], gradients: [Tensor], optimizer: String,
        slots: Int, initialValue: Double = 0, _ kernel: Kernel
    ) throws {
        try check(parameters, gradients: gradients, optimizer: optimizer)
        if isEmpty {
            slotCount = slots
            shapes = parameters.map(\.shape)
            buffers = parameters.map { Array(repeating: initialValue, count: slots * $0.count) }
        }
        step += 1
        let settings = ComputeSettings.current
        for index in parameters.indices {
            let count = parameters[index].count
            gradients[index].scalars.withUnsafeBufferPointer { g in
                parameters[index].scalars.withUnsafeMutableBufferPointer { w in
                    buffers[index].withUnsafeMutableBufferPointer { s in
                        Parallel.elements(count, settings: settings) { run in
                            kernel(run.count, UnsafeMutableBufferPointer(rebasing: w[run]),
                                   UnsafeBufferPointer(rebasing: g[run]),
                                   SlotRun(buffers: s, parameterCount: count, run: run))
                        }
                    }
                }
            }
        }
    }
}

/// One run of a parameter's slots: the same elements of each slot as the run of the parameter.
struct SlotRun {
    /// All of the parameter's slots, back to back.
    let buffers: UnsafeMutableBufferPointer<Double>
    /// Elements in the whole parameter, the distance between slots.
    let parameterCount: Int
    /// The elements this run covers.
    let run: Range<Int>

    /// Slot `k` of the run as a buffer of its own, so loops index it
    /// without overflow-checked offset arithmetic, which would stop vectorization.
    @inline(__always)
    func slot(_ k: Int) -> UnsafeMutableBufferPointer<Double> {
        let start = k * parameterCount + run.lowerBound
        return UnsafeMutableBufferPointer(rebasing: buffers[start..<start + run.count])
    }

    /// The run's first element of slot 0, for the C kernels; nil when the optimizer keeps no slots.
    var base: UnsafeMutablePointer<Double>? {
        buffers.isEmpty ? nil : buffers.baseAddress.map { $0 + run.lowerBound }
    }
}
