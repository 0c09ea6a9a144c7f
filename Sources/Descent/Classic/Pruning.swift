/// How `prune` ranks weights: the smallest scores are removed first.
public enum PruningCriterion: Sendable {
    /// By |w|: the simplest rule, and a baseline for OBD.
    case magnitude
    /// By Optimal Brain Damage saliency s = h·w²/2 of the loss over `data` (see `saliencies`).
    case obd(Dataset, Loss)
}

/// The diagonal of the Hessian of the loss over `data` with respect to every parameter.
///
/// OBD needs only the diagonal ∂²Q/∂w², but reverse-mode autodiff gives first
/// derivatives. Each entry is therefore the central difference of the autodiff
/// gradient, h_kk ≈ (g_k(w + δe_k) − g_k(w − δe_k)) / 2δ with δ = 1e-4·max(1, |w_k|):
/// its error is O(δ²) (zero, up to rounding, when the loss is quadratic in w_k,
/// as for a linear model with MSE) and it costs two gradient evaluations per
/// parameter, fine for the small networks OBD is taught on. The model runs in
/// inference mode (no dropout) on the whole data set as one batch.
///
/// - Returns: one tensor per parameter, with its shape.
public func hessianDiagonal<M: Layer>(of model: M, on data: Dataset, loss: Loss) throws -> [Tensor] {
    guard data.count > 0 else { throw DescentError.emptyDataset(operation: "hessianDiagonal") }
    let input = Variable(data.x)
    func gradient(_ parameters: [Tensor]) throws -> [Tensor] {
        try valueWithGradient(at: parameters) { variables in
            var context = ForwardContext(training: false)
            return try loss(try model.forward(input, parameters: variables[...], context: &context), data.y)
        }.gradients
    }
    var parameters = model.parameters
    var diagonal = parameters.map(\.zerosLike)
    for p in parameters.indices {
        for k in parameters[p].scalars.indices {
            let w = parameters[p].scalars[k]
            let delta = 1e-4 * Swift.max(1, Swift.abs(w))
            parameters[p].scalars[k] = w + delta
            let up = try gradient(parameters)[p].scalars[k]
            parameters[p].scalars[k] = w - delta
            let down = try gradient(parameters)[p].scalars[k]
            parameters[p].scalars[k] = w
            diagonal[p].scalars[k] = (up - down) / (2 * delta)
        }
    }
    return diagonal
}

/// The Optimal Brain Damage saliency s_k = h_kk·w_k²/2 of every parameter (LeCun, Denker and Solla, 1990).
///
/// At a minimum the gradient vanishes, so by the second-order Taylor expansion
/// Q(w + δ) ≈ Q(w) + ½δᵀHδ; ignoring the off-diagonal terms of H and setting
/// δ_k = −w_k (removing the weight) raises the loss by h_kk·w_k²/2. The notes
/// write S = w²·∂²Q/∂w² without the ½, which ranks weights identically.
/// The estimate assumes the model has been trained to a minimum first.
///
/// - Parameters:
///   - model: a trained model, e.g. a `Sequential`.
///   - data: the training data over which the loss is averaged.
///   - loss: the loss the model was trained with, e.g. `.mse`.
/// - Returns: one tensor per parameter, with its shape.
public func saliencies<M: Layer>(of model: M, on data: Dataset, loss: Loss) throws -> [Tensor] {
    let diagonal = try hessianDiagonal(of: model, on: data, loss: loss)
    return zip(model.parameters, diagonal).map { w, h in
        var s = h
        for k in s.scalars.indices { s.scalars[k] = h.scalars[k] * w.scalars[k] * w.scalars[k] / 2 }
        return s
    }
}

/// The notes' saliency of each input feature: S_j = Σ_h S_jh over the first weight matrix's row j.
///
/// Features whose connections all matter little can be dropped, OBD as feature selection.
public func featureSaliencies<M: Layer>(of model: M, on data: Dataset, loss: Loss) throws -> [Double] {
    let all = try saliencies(of: model, on: data, loss: loss)
    guard let first = all.firstIndex(where: { $0.rank == 2 }) else {
        throw DescentError.invalidArgument(name: "model", value: "no weight matrix", expected: "a model with a rank-2 weight")
    }
    let s = all[first]
    let (rows, columns) = (s.rowCount, s.columnCount)
    return (0..<rows).map { row in s.scalars[row * columns..<(row + 1) * columns].reduce(0, +) }
}

/// Removes the given fraction of a model's weights, lowest score first, and returns the model and its masks.
///
/// Only weight matrices (rank-2 parameters) are candidates; biases are kept,
/// as in the notes, where connections are removed. The ranking is global across
/// layers, ties go to the earlier parameter and element, and weights that are
/// already 0 score 0, so pruning again with a larger fraction removes further
/// weights. Retrain afterwards with `MaskedOptimizer(base, masks: masks)` so the
/// removed weights stay removed.
///
/// - Parameters:
///   - model: the model to prune (left unchanged; a pruned copy is returned).
///   - fraction: the share of all weight-matrix entries to set to 0, in [0, 1];
///     the count is rounded to the nearest integer.
///   - criterion: `.magnitude` (|w|) or `.obd(data, loss)` (saliency).
/// - Returns: the pruned model and one 0/1 mask per parameter (all ones for biases).
public func prune<M: Layer>(_ model: M, fraction: Double, by criterion: PruningCriterion = .magnitude) throws -> (model: M, masks: [Tensor]) {
    try require(fraction >= 0 && fraction <= 1, "fraction", fraction, "a value in [0, 1]")
    let parameters = model.parameters
    let scores: [Tensor]
    switch criterion {
    case .magnitude: scores = parameters.map { $0.abs() }
    case let .obd(data, loss): scores = try saliencies(of: model, on: data, loss: loss)
    }
    var candidates: [(score: Double, parameter: Int, element: Int)] = []
    for (p, score) in scores.enumerated() where parameters[p].rank == 2 {
        for (k, value) in score.scalars.enumerated() {
            guard value.isFinite else {
                throw DescentError.invalidArgument(
                    name: "pruning score of parameter \(p)", value: "\(value)", expected: "a finite number (is the model diverged?)")
            }
            candidates.append((value, p, k))
        }
    }
    guard !candidates.isEmpty else {
        throw DescentError.invalidArgument(name: "model", value: "no weight matrix", expected: "a model with rank-2 weights to prune")
    }
    candidates.sort { ($0.score, $0.parameter, $0.element) < ($1.score, $1.parameter, $1.element) }
    let count = Int((fraction * Double(candidates.count)).rounded())
    var masks = parameters.map { Tensor(unchecked: $0.shape, Array(repeating: 1, count: $0.count)) }
    for candidate in candidates.prefix(count) {
        masks[candidate.parameter].scalars[candidate.element] = 0
    }
    var pruned = model
    pruned.parameters = zip(parameters, masks).map { w, mask in
        var result = w
        for k in result.scalars.indices where mask.scalars[k] == 0 { result.scalars[k] = 0 }
        return result
    }
    return (pruned, masks)
}
