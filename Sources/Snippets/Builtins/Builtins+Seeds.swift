import Descent
import Outputs

/// The result of `overSeeds` with the contour grids each seed's comparison came with, so one of
/// its `comparisons` displays as it did when its own cell made it.
struct SeedComparisonValue: @unchecked Sendable {
    var seeded: SeedComparison
    var surfaces: [Surface?]
}

extension BuiltinRegistry {
    /// `overSeeds(_ seeds) { seed in minimize(...) or fit(...) }` and the members of its result.
    ///
    /// The block is the cell's own code, called once per seed in order on the cell's thread; the
    /// `minimize` or `fit` inside it runs its optimizers side by side as it does anywhere. Work is
    /// bounded before the first call: 2 to `SeedComparison.maximumSeeds` different seeds (a range
    /// is counted, never built, so `0..<Int.max` is refused at once), and the time limit is checked
    /// before each seed.
    func registerSeeds() {
        function("overSeeds", ["_seeds", "{body"]) { args in
            let seeds = try Self.seeds(args)
            let body = try args.function("body")
            var surfaces: [Surface?] = []
            let seeded: SeedComparison
            do {
                seeded = try overSeeds(seeds) { seed in
                    let value = try args.interpreter.call(body, with: [.int(seed)], at: args.call)
                    guard let boxed = value.payload(as: ComparisonValue.self) else {
                        throw SnippetError("the closure given to overSeeds must return the result of minimize or fit, "
                                           + "got \(value.typeName) for seed \(seed)", at: args.node("body"))
                    }
                    surfaces.append(boxed.surface)
                    return boxed.comparison
                }
            } catch let error as DescentError {
                throw SnippetError(error.description, at: args.node("body"))
            }
            return .native(NativeValue(typeName: "SeedComparison", payload: SeedComparisonValue(seeded: seeded, surfaces: surfaces)))
        }
        displayer(of: "SeedComparison") { value in
            guard let boxed = value.payload(as: SeedComparisonValue.self) else { return [] }
            return [.runs(RunsOutput(boxed.seeded))]
        }
        registerSeedMembers()
    }

    /// The seeds as Ints, checked (count, duplicates) before any run starts; errors point at the argument.
    private static func seeds(_ args: Arguments) throws -> [Int] {
        let seeds: [Int]
        do {
            switch try args.value("seeds") {
            case let .range(lower, upper):
                try SeedComparison.validate(lower..<max(lower, upper))
                seeds = Array(lower..<upper)
            case let .array(items):
                seeds = try items.map { item in
                    guard case let .int(seed) = item else { throw args.fail("seeds", "an array of Int seeds such as [1, 2, 3]") }
                    return seed
                }
                try SeedComparison.validate(seeds)
            default:
                throw args.fail("seeds", "an array of Int seeds such as [1, 2, 3]")
            }
        } catch let error as DescentError {
            throw SnippetError(error.description, at: args.node("seeds"))
        }
        return seeds
    }

    private func registerSeedMembers() {
        func boxed(_ value: Value) throws -> SeedComparisonValue {
            guard let boxed = value.payload(as: SeedComparisonValue.self) else {
                throw SnippetError("expected the result of overSeeds, got \(value.typeName)")
            }
            return boxed
        }
        func runs(_ value: Value) throws -> SeedRuns {
            guard let runs = value.payload(as: SeedRuns.self) else { throw SnippetError("expected an optimizer's runs over seeds") }
            return runs
        }
        func spread(_ value: Value) throws -> Spread {
            guard let spread = value.payload(as: Spread.self) else { throw SnippetError("expected a Spread") }
            return spread
        }
        func wrap(_ spread: Spread) -> Value { .native(NativeValue(typeName: "Spread", payload: spread)) }
        func wrapCurve(_ spreads: [Spread]) -> Value { .array(spreads.map(wrap)) }
        func wrapRuns(_ runs: SeedRuns) -> Value { .native(NativeValue(typeName: "SeedRuns", payload: runs)) }

        getter(of: "SeedComparison", "title") { .string(try boxed($0).seeded.title) }
        getter(of: "SeedComparison", "seeds") { .array(try boxed($0).seeded.seeds.map { .int($0) }) }
        getter(of: "SeedComparison", "comparisons") { value in
            let result = try boxed(value)
            return .array(zip(result.seeded.comparisons, result.surfaces).map { comparison, surface in
                Self.wrap(ComparisonValue(comparison: comparison, surface: surface))
            })
        }
        getter(of: "SeedComparison", "runs") { .array(try boxed($0).seeded.runs.map(wrapRuns)) }
        method(of: "SeedComparison", "run", ["named"]) { receiver, args in
            let name = try args.string("named")
            let seeded = try boxed(receiver).seeded
            guard let found = seeded[name] else { throw Self.noRun(named: name, among: seeded.runs.map(\.name)) }
            return wrapRuns(found)
        }

        getter(of: "SeedRuns", "name") { .string(try runs($0).name) }
        getter(of: "SeedRuns", "runs") { .array(try runs($0).runs.map(Self.wrap)) }
        getter(of: "SeedRuns", "loss") { wrapCurve(try runs($0).loss) }
        getter(of: "SeedRuns", "validationLoss") { wrapCurve(try runs($0).validationLoss) }
        getter(of: "SeedRuns", "accuracy") { wrapCurve(try runs($0).accuracy) }
        getter(of: "SeedRuns", "validationAccuracy") { wrapCurve(try runs($0).validationAccuracy) }
        getter(of: "SeedRuns", "finalLoss") { wrap(try runs($0).finalLoss) }
        getter(of: "SeedRuns", "finalValidationLoss") { wrap(try runs($0).finalValidationLoss) }

        getter(of: "Spread", "mean") { .double(try spread($0).mean) }
        getter(of: "Spread", "standardDeviation") { .double(try spread($0).standardDeviation) }
        getter(of: "Spread", "minimum") { .double(try spread($0).minimum) }
        getter(of: "Spread", "maximum") { .double(try spread($0).maximum) }
        getter(of: "Spread", "count") { .int(try spread($0).count) }
        getter(of: "Spread", "lower") { .double(try spread($0).lower) }
        getter(of: "Spread", "upper") { .double(try spread($0).upper) }
    }
}
