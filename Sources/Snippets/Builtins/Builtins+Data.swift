import Descent

extension BuiltinRegistry {
    /// Descent's data sets: generators, bundled real sets, `Dataset(x:y:)`, splitting and standardizing.
    func registerData() {
        dataset("Moons", ["count?", "noise?", "seed?"]) { a in
            try Moons(count: try a.int("count", default: 200), noise: try a.double("noise", default: 0.1), seed: try a.int("seed", default: 0))
        }
        dataset("Circles", ["count?", "noise?", "factor?", "seed?"]) { a in
            try Circles(count: try a.int("count", default: 200), noise: try a.double("noise", default: 0.05),
                        factor: try a.double("factor", default: 0.5), seed: try a.int("seed", default: 0))
        }
        dataset("XOR", ["count?", "noise?", "seed?"]) { a in
            try XOR(count: try a.int("count", default: 200), noise: try a.double("noise", default: 0.2), seed: try a.int("seed", default: 0))
        }
        dataset("Spirals", ["count?", "classes?", "noise?", "seed?"]) { a in
            try Spirals(count: try a.int("count", default: 300), classes: try a.int("classes", default: 3),
                        noise: try a.double("noise", default: 0.2), seed: try a.int("seed", default: 0))
        }
        dataset("Blobs", ["count?", "centers?", "std?", "features?", "seed?"]) { a in
            try Blobs(count: try a.int("count", default: 300), centers: try a.int("centers", default: 3),
                      std: try a.double("std", default: 1), features: try a.int("features", default: 2), seed: try a.int("seed", default: 0))
        }
        dataset("LinearData", ["count?", "features?", "noise?", "seed?"]) { a in
            try LinearData(count: try a.int("count", default: 100), features: try a.int("features", default: 1),
                           noise: try a.double("noise", default: 0.1), seed: try a.int("seed", default: 0))
        }
        dataset("LinearData", ["count?", "weights", "bias?", "noise?", "seed?"]) { a in
            try LinearData(count: try a.int("count", default: 100), weights: try a.doubles("weights"),
                           bias: try a.double("bias", default: 0), noise: try a.double("noise", default: 0.1), seed: try a.int("seed", default: 0))
        }
        dataset("Digits", []) { _ in try Digits() }
        dataset("Iris", []) { _ in try Iris() }
        dataset("Wine", []) { _ in try Wine() }
        dataset("BreastCancer", []) { _ in try BreastCancer() }
        dataset("Dataset", ["name?", "x", "y", "classCount?"]) { a in
            try Dataset(name: try a.string("name", default: "data"), x: try a.tensor("x"), y: try a.tensor("y"),
                        classCount: a.has("classCount") ? try a.int("classCount") : nil)
        }

        func data(_ value: Value) throws -> Dataset {
            guard case let .native(native) = value, let dataset = native.payload as? Dataset else {
                throw SnippetError("expected a Dataset, got \(value.typeName)")
            }
            return dataset
        }
        func wrap(_ dataset: Dataset) -> Value { .native(NativeValue(typeName: "Dataset", payload: dataset)) }
        getter(of: "Dataset", "name") { .string(try data($0).name) }
        getter(of: "Dataset", "x") { .tensor(try data($0).x) }
        getter(of: "Dataset", "y") { .tensor(try data($0).y) }
        getter(of: "Dataset", "count") { .int(try data($0).count) }
        getter(of: "Dataset", "featureCount") { .int(try data($0).featureCount) }
        getter(of: "Dataset", "classCount") { value in try data(value).classCount.map { .int($0) } ?? .int(0) }
        method(of: "Dataset", "standardized", []) { receiver, _ in wrap(try data(receiver).standardized()) }
        method(of: "Dataset", "shuffled", ["seed"]) { receiver, args in wrap(try data(receiver).shuffled(seed: try args.int("seed"))) }
        method(of: "Dataset", "subset", ["_indices"]) { receiver, args in
            wrap(try data(receiver).subset(try args.array("indices").map { value -> Int in
                guard case let .int(i) = value else { throw args.fail("indices", "an array of Ints") }
                return i
            }))
        }
        method(of: "Dataset", "split", ["_fraction", "seed?"]) { receiver, args in
            let (train, test) = try data(receiver).split(try args.double("fraction"), seed: try args.int("seed", default: 0))
            return .tuple([wrap(train), wrap(test)], labels: ["train", "test"])
        }
        function("Standardizer", ["fitting"]) { args in
            let standardizer: Standardizer
            switch try args.value("fitting") {
            case let .tensor(x): standardizer = try Standardizer(fitting: x)
            case let other: standardizer = try Standardizer(fitting: try data(other))
            }
            return .native(NativeValue(typeName: "Standardizer", payload: standardizer))
        }
        method(of: "Standardizer", "apply", ["_data"]) { receiver, args in
            guard case let .native(native) = receiver, let standardizer = native.payload as? Standardizer else { return .void }
            if case let .tensor(x) = try args.value("data") { return .tensor(try standardizer.apply(x)) }
            return wrap(try standardizer.apply(try data(try args.value("data"))))
        }
    }

    private func dataset(_ name: String, _ specs: [String], _ make: @escaping (Arguments) throws -> Dataset) {
        function(name, specs) { args in
            let dataset = try make(args)
            try ExecutionLimits.checkAllocation(count: dataset.x.count)
            return .native(NativeValue(typeName: "Dataset", payload: dataset, sourceText: args.sourceText))
        }
    }
}
