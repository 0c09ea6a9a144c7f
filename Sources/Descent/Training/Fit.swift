/// Trains copies of one model with several optimizers on the same minibatches.
///
/// Every optimizer starts from the same initial weights (the model is a value,
/// so each run gets a copy), sees the same batches in the same order (batch
/// order for epoch e comes from `seed` and e alone) and the same dropout masks,
/// so differences between runs come from the optimizers alone. Omitting
/// `batchSize` trains on the full batch (the notes' plain gradient descent).
/// After each epoch the model is evaluated in inference mode on the training
/// and validation sets; the stopping criteria see the epoch's numbers.
public func fit(
    _ model: Sequential,
    on train: Dataset,
    validation: Dataset? = nil,
    loss: Loss,
    epochs: Int,
    batchSize: Int? = nil,
    seed: Int = 0,
    schedule: Schedule = .constant,
    penalty: Penalty? = nil,
    clip: GradientClipping? = nil,
    stop: [StoppingCriterion] = [],
    optimizers: [any Optimizing]
) throws -> Comparison {
    guard epochs >= 0 else {
        throw DescentError.invalidArgument(name: "epochs", value: "\(epochs)", expected: "0 or more epochs")
    }
    guard train.count > 0 else { throw DescentError.emptyDataset(operation: "fit") }
    if let validation, validation.count == 0 { throw DescentError.emptyDataset(operation: "fit(validation:)") }
    guard !optimizers.isEmpty else {
        throw DescentError.invalidArgument(name: "optimizers", value: "none", expected: "at least one optimizer")
    }
    let size = batchSize ?? train.count
    guard size > 0 else {
        throw DescentError.invalidArgument(name: "batchSize", value: "\(size)", expected: "a positive batch size")
    }
    try schedule.validate()
    try clip?.validate()
    for optimizer in optimizers { try optimizer.validate() }
    // One batch plan shared by every run, drawn epoch by epoch (the seed fixes it), so a huge
    // `epochs` costs time, which the limits stop, rather than memory up front.
    let plan = BatchPlan(epochs: epochs, size: size, seed: batchSize == nil ? nil : seed)
    let setup = TrainingSetup(train: train, validation: validation, loss: loss, penalty: penalty,
                              schedule: schedule, clip: clip, stop: stop, plan: plan, seed: seed)
    let runs = try runInParallel(optimizers.count) { index in
        try setup.train(model, with: optimizers[index])
    }
    let title = "\(train.name): \(epochs) epochs, " + (batchSize.map { "batch \($0)" } ?? "full batch")
    return Comparison(kind: .fit, title: title, runs: runs)
}

/// `fit` with the optimizers listed one per line in a block.
public func fit(
    _ model: Sequential,
    on train: Dataset,
    validation: Dataset? = nil,
    loss: Loss,
    epochs: Int,
    batchSize: Int? = nil,
    seed: Int = 0,
    schedule: Schedule = .constant,
    penalty: Penalty? = nil,
    clip: GradientClipping? = nil,
    stop: [StoppingCriterion] = [],
    @OptimizerBuilder _ optimizers: () throws -> [any Optimizing]
) throws -> Comparison {
    try fit(model, on: train, validation: validation, loss: loss, epochs: epochs, batchSize: batchSize,
            seed: seed, schedule: schedule, penalty: penalty, clip: clip, stop: stop, optimizers: optimizers())
}

/// The minibatches of every epoch: epoch e's order comes from the seed and e alone.
private struct BatchPlan: Sendable {
    let epochs: Int
    let size: Int
    /// Nil trains each epoch on the rows in order (full batch).
    let seed: Int?

    func batches(epoch: Int, of train: Dataset) throws -> [[Int]] {
        try train.batches(size: size, seed: seed.map { $0 &+ epoch &* 7919 })
    }
}

/// Everything the runs of one `fit` share.
private struct TrainingSetup: Sendable {
    let train: Dataset
    let validation: Dataset?
    let loss: Loss
    let penalty: Penalty?
    let schedule: Schedule
    let clip: GradientClipping?
    let stop: [StoppingCriterion]
    let plan: BatchPlan
    let seed: Int

    func train(_ initial: Sequential, with optimizer: any Optimizing) throws -> Run {
        var optimizer = optimizer
        var model = initial
        let baseLR = optimizer.lr
        var run = Run(name: optimizer.name)
        var monitor = try StopMonitor(criteria: stop)
        var context = ForwardContext(training: true, random: RandomSource(seed: seed &+ 104_729))
        var parameters = model.parameters
        var plateau = PlateauTracker(schedule, base: baseLR)
        if !stop.isEmpty {
            // J(0) and ‖∇J(0)‖ for the relative criteria: the whole training set, before any update.
            var evaluation = ForwardContext(training: false)
            let (value, gradients) = try lossAndGradients(model, parameters, train.x, train.y, &evaluation)
            let norm = gradients.reduce(0) { $0 + $1.squaredNorm }.squareRoot()
            if let reason = monitor.check(step: 0, loss: value, gradientNorm: norm, validationLoss: nil) {
                run.stopReason = reason
                run.trainedModel = model
                return run
            }
        }
        var step = 0
        epochs: for epoch in 0..<plan.epochs {
            let batches = try plan.batches(epoch: epoch, of: train)
            var total = 0.0
            for indices in batches {
                try ExecutionLimits.check()
                let (x, y) = try train.batch(indices)
                optimizer.lr = plateau?.lr ?? schedule.lr(at: step, base: baseLR)
                let at = try optimizer.gradientPoint(parameters)
                let (value, gradients) = try lossAndGradients(model, at, x, y, &context)
                run.stepLoss.append(value)
                run.learningRate.append(optimizer.lr)
                run.gradientNorm.append(gradients.reduce(0) { $0 + $1.squaredNorm }.squareRoot())
                step += 1
                if !value.isFinite {
                    run.divergedAt = epoch + 1
                    run.stopReason = .diverged(step: epoch + 1)
                    run.loss.append(value)
                    break epochs
                }
                total += value * Double(indices.count)
                try optimizer.step(&parameters, gradients: clip?.apply(gradients) ?? gradients)
            }
            model.parameters = parameters
            let epochLoss = total / Double(train.count)
            run.loss.append(epochLoss)
            let validationLoss = try record(model, into: &run)
            plateau?.observe(validationLoss ?? epochLoss)
            if let reason = monitor.check(step: epoch + 1, loss: epochLoss,
                                          gradientNorm: run.gradientNorm.last, validationLoss: validationLoss) {
                run.stopReason = reason
                if case let .diverged(at) = reason { run.divergedAt = at }
                break
            }
        }
        model.parameters = parameters
        run.trainedModel = model
        return run
    }

    /// The loss (plus penalty) of one batch and its gradient with respect to every parameter.
    private func lossAndGradients(
        _ model: Sequential, _ parameters: [Tensor], _ x: Tensor, _ y: Tensor, _ context: inout ForwardContext
    ) throws -> (Double, [Tensor]) {
        try modelLossAndGradients(model, parameters, x, y, loss: loss, penalty: penalty, &context)
    }

    /// Evaluates the model after an epoch, appending accuracy and validation numbers; returns the validation loss.
    private func record(_ model: Sequential, into run: inout Run) throws -> Double? {
        if let threshold = loss.accuracyThreshold {
            run.accuracy.append(try accuracy(try model.predict(train.x), train.y, threshold: threshold))
        }
        guard let validation else { return nil }
        let output = try model.predict(validation.x)
        let value = try loss(output, validation.y)
        run.validationLoss.append(value)
        if let threshold = loss.accuracyThreshold {
            run.validationAccuracy.append(try accuracy(output, validation.y, threshold: threshold))
        }
        return value
    }
}

extension Loss {
    /// The decision threshold `accuracy` uses for this loss's outputs, or nil for regression losses:
    /// 0.5 for probabilities (`.bce`), 0 for logits and class scores.
    var accuracyThreshold: Double? {
        switch name {
        case "bce": return 0.5
        case "bceWithLogits", "crossEntropy", "hinge": return 0
        default: return nil
        }
    }
}
