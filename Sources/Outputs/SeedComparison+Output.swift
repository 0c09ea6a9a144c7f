import Descent

/// A comparison repeated over seeds as the output a page, a terminal or a script shows.
///
/// Each run becomes one series whose curves are the means over the seeds, carrying their spread,
/// so the loss tables and curves draw the mean as they draw any run, and the spread table and
/// the band plot add what varies between seeds. No contour map: paths of different seeds
/// on one map would say little about any of them.
extension RunsOutput {
    /// Each run's mean curves with their spread; a seed that stopped early or diverged is noted.
    public init(_ seeded: SeedComparison) {
        let runs = seeded.runs.map { run -> RunSeries in
            let loss = run.loss, validation = run.validationLoss
            let stops = zip(seeded.seeds, run.runs).compactMap { seed, single in
                single.stopReason == .completed ? nil : "seed \(seed): \(single.stopReason.description)"
            }
            return RunSeries(name: run.name, loss: loss.map(\.mean), validationLoss: validation.map(\.mean),
                             stopReason: stops.isEmpty ? nil : stops.joined(separator: "; "),
                             divergedAt: run.runs.compactMap(\.divergedAt).min(),
                             spread: loss, validationSpread: validation.isEmpty ? nil : validation)
        }
        self.init(title: seeded.title, kind: seeded.kind == .minimize ? .minimize : .fit, runs: runs, seeds: seeded.seeds)
    }

    /// True for a comparison repeated over seeds.
    public var isSeeded: Bool { seeds != nil }

    /// "mean ± s over 5 seeds", the caption of a band plot; nil for a comparison of one seed.
    public var bandCaption: String? {
        seeds.map { "mean ± s over \($0.count) seeds" }
    }

    /// The note under the loss table of a seeded comparison: which seeds, and what s is.
    var seedNote: String? {
        seeds.map { seeds in
            "each value is the mean over seeds " + seeds.map(String.init).joined(separator: ", ")
                + "; s is the sample standard deviation (divided by n − 1)"
        }
    }

    /// Per run (and per validation curve) the mean, s, min and max at the last step or epoch every
    /// seed reached; nil for a comparison of one seed.
    public func spreadTable() -> TableOutput? {
        guard let seeds else { return nil }
        var rows: [[TableCell]] = []
        let offset = kind == .minimize ? 0 : 1
        for run in runs {
            for (suffix, spread) in [("", run.spread), (" (validation)", run.validationSpread)] {
                guard let spread, let last = spread.last else { continue }
                rows.append([.text(run.name + suffix), .int(spread.count - 1 + offset), .number(last.mean),
                             .number(last.standardDeviation), .number(last.minimum), .number(last.maximum)])
            }
        }
        return TableOutput(title: "spread over \(seeds.count) seeds at the end", columns: ["run", unit, "mean", "s", "min", "max"],
                           rows: rows, footnotes: seedNote.map { [$0] } ?? [])
    }

    /// For each curve `lossCurves` and the validation curves give, its band: mean − s and mean + s.
    public func bands(validation: Bool) -> [(lower: [Double], upper: [Double])?] {
        runs.map { run in
            guard let spread = validation ? run.validationSpread : run.spread else { return nil }
            return (spread.map(\.lower), spread.map(\.upper))
        }
    }
}
