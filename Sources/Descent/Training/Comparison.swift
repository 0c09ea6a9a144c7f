/// One optimizer's trajectory in a comparison: every step's numbers and why it stopped.
///
/// Runs keep every value, not only the rows a table shows, so plots and the
/// JSON output can use all of them.
public struct Run: Sendable {
    /// The optimizer's name as the lesson wrote it, e.g. `Adam(lr: 0.1)`.
    public var name: String
    /// `minimize`: the objective at each iterate, index 0 being the start.
    /// `fit`: the mean minibatch training loss of each epoch, index 0 being epoch 1.
    public var loss: [Double] = []
    /// `fit`: the loss of every minibatch step.
    public var stepLoss: [Double] = []
    /// `minimize`: each iterate, index 0 being the start.
    public var points: [[Double]] = []
    /// `fit`: the validation loss after each epoch (inference mode).
    public var validationLoss: [Double] = []
    /// `fit`: training-set accuracy after each epoch, for classification losses.
    public var accuracy: [Double] = []
    /// `fit`: validation accuracy after each epoch, for classification losses.
    public var validationAccuracy: [Double] = []
    /// The norm of the gradient at each step (before the update).
    public var gradientNorm: [Double] = []
    /// The learning rate used at each step.
    public var learningRate: [Double] = []
    /// Why the run ended.
    public var stopReason: StopReason = .completed
    /// The step (minimize) or epoch (fit) at which the loss became NaN or infinite.
    public var divergedAt: Int?
    /// `fit`: the trained model; nil for `minimize`.
    public var trainedModel: Sequential?

    public init(name: String) {
        self.name = name
    }

    /// The last finite loss, or NaN when there is none.
    public var finalLoss: Double { loss.last(where: { $0.isFinite }) ?? .nan }
    /// `minimize`: the last iterate.
    public var finalPoint: [Double] { points.last ?? [] }
    /// `fit`: the last validation loss, or NaN without a validation set.
    public var finalValidationLoss: Double { validationLoss.last ?? .nan }
    /// `fit`: the trained model; throws for a run of `minimize`, which trains none.
    public var model: Sequential {
        get throws {
            guard let trainedModel else {
                throw DescentError.invalidArgument(name: "model", value: name, expected: "a run of fit (only fit trains a model)")
            }
            return trainedModel
        }
    }
    /// True when the run ended on NaN or infinity.
    public var diverged: Bool { divergedAt != nil }
}

/// The result of `minimize` or `fit`: one run per optimizer, all from the same start.
public struct Comparison: Sendable {
    public enum Kind: String, Sendable { case minimize, fit }

    public var kind: Kind
    /// A title for tables and plots, e.g. "Rosenbrock from [-1.5, 2.0]".
    public var title: String
    /// `minimize`: the function, for contour plots of 2-D functions.
    public var objective: (any Objective)?
    public var runs: [Run]

    public init(kind: Kind, title: String, objective: (any Objective)? = nil, runs: [Run]) {
        self.kind = kind
        self.title = title
        self.objective = objective
        self.runs = runs
    }

    /// The final loss of the first run: the natural reading when a comparison has one optimizer.
    public var finalLoss: Double { runs.first?.finalLoss ?? .nan }
    /// The run with the lowest final loss (diverged runs last).
    public var best: Run? {
        runs.min { a, b in
            let (x, y) = (a.diverged ? .infinity : a.finalLoss, b.diverged ? .infinity : b.finalLoss)
            return x < y
        }
    }
    /// The run with the given name.
    public subscript(name: String) -> Run? { runs.first { $0.name == name } }
}
