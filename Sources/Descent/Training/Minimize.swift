/// Descends an objective from one start with several optimizers and records every step.
///
/// Each optimizer gets its own copy (fresh state) and runs independently, in
/// parallel when allowed. At step t the run records J(θ_t) and ‖∇J(θ_t)‖,
/// asks the stopping criteria, then takes the gradient where the optimizer
/// wants it (the look-ahead point for the notes' Nesterov) and updates θ.
/// Newton-type optimizers also receive the exact Hessian at that point.
/// A NaN or infinite loss ends the run with `divergedAt` set.
public func minimize(
    _ objective: any Objective,
    from start: [Double],
    steps: Int,
    schedule: Schedule = .constant,
    stop: [StoppingCriterion] = [],
    optimizers: [any Optimizing]
) throws -> Comparison {
    guard steps >= 0 else {
        throw DescentError.invalidArgument(name: "steps", value: "\(steps)", expected: "0 or more steps")
    }
    guard !optimizers.isEmpty else {
        throw DescentError.invalidArgument(name: "optimizers", value: "none", expected: "at least one optimizer")
    }
    try schedule.validate()
    for optimizer in optimizers { try optimizer.validate() }
    let runs = try runInParallel(optimizers.count) { index in
        try descend(objective, from: Tensor(start), steps: steps, schedule: schedule, stop: stop, optimizer: optimizers[index])
    }
    let title = "\(objective.name) from \(Tensor(start))"
    return Comparison(kind: .minimize, title: title, objective: objective, runs: runs)
}

/// `minimize` with the optimizers listed one per line in a block.
public func minimize(
    _ objective: any Objective,
    from start: [Double],
    steps: Int,
    schedule: Schedule = .constant,
    stop: [StoppingCriterion] = [],
    @OptimizerBuilder _ optimizers: () throws -> [any Optimizing]
) throws -> Comparison {
    try minimize(objective, from: start, steps: steps, schedule: schedule, stop: stop, optimizers: optimizers())
}

/// One optimizer's descent.
private func descend(
    _ objective: any Objective, from start: Tensor, steps: Int,
    schedule: Schedule, stop: [StoppingCriterion], optimizer: any Optimizing
) throws -> Run {
    var optimizer = optimizer
    let baseLR = optimizer.lr
    var run = Run(name: optimizer.name)
    var monitor = try StopMonitor(criteria: stop)
    var point = start
    var plateau = PlateauTracker(schedule, base: baseLR)
    run.points.append(point.scalars)
    for step in 0...steps {
        try ExecutionLimits.check()
        let (value, gradient) = try objective.valueAndGradient(at: point)
        run.loss.append(value)
        if !value.isFinite || point.hasNonFinite {
            run.divergedAt = step
            run.stopReason = .diverged(step: step)
            break
        }
        if step == steps { break }
        let gradientNorm = gradient.norm
        run.gradientNorm.append(gradientNorm)
        if let reason = monitor.check(step: step, loss: value, gradientNorm: gradientNorm, validationLoss: nil) {
            run.stopReason = reason
            if case let .diverged(at) = reason { run.divergedAt = at }
            break
        }
        optimizer.lr = plateau?.lr ?? schedule.lr(at: step, base: baseLR)
        plateau?.observe(value)
        run.learningRate.append(optimizer.lr)
        let at = try optimizer.gradientPoint([point])[0]
        let stepGradient = at == point ? gradient : try objective.valueAndGradient(at: at).gradient
        var parameters = [point]
        if var newton = optimizer as? any SecondOrderOptimizing {
            guard let hessian = try objective.hessian(at: at) else {
                throw DescentError.invalidArgument(
                    name: "objective", value: objective.name,
                    expected: "a function with an exact Hessian for \(optimizer.name)")
            }
            try newton.step(&parameters, gradients: [stepGradient], hessian: hessian)
            optimizer = newton
        } else {
            try optimizer.step(&parameters, gradients: [stepGradient])
        }
        point = parameters[0]
        run.points.append(point.scalars)
    }
    return run
}
