import Descent

extension BuiltinRegistry {
    /// `Tensor` with Descent's initializers, properties and methods, and the free `matmul`.
    func registerTensors() {
        function("Tensor", ["_values"]) { args in .tensor(try args.tensor("values")) }
        function("Tensor", ["shape", "scalars"]) { args in
            let scalars = try args.doubles("scalars")
            try ExecutionLimits.checkAllocation(count: scalars.count)
            return .tensor(try Tensor(shape: try self.shape(args, "shape"), scalars: scalars))
        }
        function("Tensor", ["repeating", "shape"]) { args in
            .tensor(try Tensor(repeating: try args.double("repeating"), shape: try self.shape(args, "shape")))
        }
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0)] {
            member(of: "Tensor", name, ["_shape"]) { args in
                // Tensor(repeating:shape:) checks the shape product and the memory cap before allocating.
                .tensor(try Tensor(repeating: fill, shape: try self.shape(args, "shape")))
            }
        }
        function("matmul", ["_a", "_b"]) { args in
            if case .variable = try args.value("a") { return .variable(try matmul(try Self.variableArgument(args, "a"), try Self.variableArgument(args, "b"))) }
            if case .variable = try args.value("b") { return .variable(try matmul(try Self.variableArgument(args, "a"), try Self.variableArgument(args, "b"))) }
            return .tensor(try matmul(try args.tensor("a"), try args.tensor("b")))
        }

        func tensor(_ value: Value) -> Tensor {
            if case let .tensor(t) = value { return t }
            return Tensor(0)
        }
        getter(of: "Tensor", "shape") { .array(tensor($0).shape.map { .int($0) }) }
        getter(of: "Tensor", "count") { .int(tensor($0).count) }
        getter(of: "Tensor", "rank") { .int(tensor($0).rank) }
        getter(of: "Tensor", "scalars") { value in
            try CheckedIntegers.checkValues(count: tensor(value).count)
            return .array(tensor(value).scalars.map { .double($0) })
        }
        getter(of: "Tensor", "norm") { .double(tensor($0).norm) }
        getter(of: "Tensor", "squaredNorm") { .double(tensor($0).squaredNorm) }
        getter(of: "Tensor", "transposed") { .tensor(tensor($0).transposed) }
        getter(of: "Tensor", "flattened") { .tensor(tensor($0).flattened) }
        getter(of: "Tensor", "hasNonFinite") { .bool(tensor($0).hasNonFinite) }

        let elementwise: [(String, (Tensor) -> Tensor)] = [
            ("exp", { $0.exp() }), ("log", { $0.log() }), ("sqrt", { $0.sqrt() }), ("abs", { $0.abs() }),
            ("squareRoot", { $0.squareRoot() }), ("squared", { $0.squared() }), ("tanh", { $0.tanh() }), ("sigmoid", { $0.sigmoid() }),
            ("relu", { $0.relu() }), ("sign", { $0.sign() }),
        ]
        for (name, body) in elementwise {
            method(of: "Tensor", name, []) { receiver, _ in .tensor(body(tensor(receiver))) }
        }
        method(of: "Tensor", "pow", ["_exponent"]) { receiver, args in .tensor(tensor(receiver).pow(try args.double("exponent"))) }
        method(of: "Tensor", "clamped", ["min?", "max?"]) { receiver, args in
            .tensor(tensor(receiver).clamped(min: try args.double("min", default: -.infinity), max: try args.double("max", default: .infinity)))
        }
        method(of: "Tensor", "sum", []) { receiver, _ in .double(tensor(receiver).sum()) }
        method(of: "Tensor", "mean", []) { receiver, _ in .double(tensor(receiver).mean()) }
        method(of: "Tensor", "max", []) { receiver, _ in .double(try tensor(receiver).max()) }
        method(of: "Tensor", "min", []) { receiver, _ in .double(try tensor(receiver).min()) }
        method(of: "Tensor", "sum", ["axis"]) { receiver, args in .tensor(try tensor(receiver).sum(axis: try args.int("axis"))) }
        method(of: "Tensor", "mean", ["axis"]) { receiver, args in .tensor(try tensor(receiver).mean(axis: try args.int("axis"))) }
        method(of: "Tensor", "max", ["axis"]) { receiver, args in .tensor(try tensor(receiver).max(axis: try args.int("axis"))) }
        method(of: "Tensor", "min", ["axis"]) { receiver, args in .tensor(try tensor(receiver).min(axis: try args.int("axis"))) }
        method(of: "Tensor", "argmax", ["axis?"]) { receiver, args in
            .array(try tensor(receiver).argmax(axis: try args.int("axis", default: 1)).map { .int($0) })
        }
        method(of: "Tensor", "matmul", ["_other"]) { receiver, args in .tensor(try tensor(receiver).matmul(try args.tensor("other"))) }
        method(of: "Tensor", "reshaped", ["_shape"]) { receiver, args in .tensor(try tensor(receiver).reshaped(try self.shape(args, "shape"))) }
        method(of: "Tensor", "scalar", []) { receiver, _ in .double(try tensor(receiver).scalar()) }
        method(of: "Tensor", "row", ["_index"]) { receiver, args in .tensor(try tensor(receiver).row(try args.int("index"))) }
        method(of: "Tensor", "rows", ["_indices"]) { receiver, args in
            .tensor(try tensor(receiver).rows(try args.array("indices").map { value -> Int in
                guard case let .int(i) = value else { throw SnippetError("row indices must be Ints") }
                return i
            }))
        }
        method(of: "Tensor", "maximum", ["_other"]) { receiver, args in
            if let d = try args.value("other").asDouble { return .tensor(tensor(receiver).maximum(d)) }
            return .tensor(try tensor(receiver).maximum(try args.tensor("other")))
        }
        method(of: "Tensor", "minimum", ["_other"]) { receiver, args in
            if let d = try args.value("other").asDouble { return .tensor(tensor(receiver).minimum(d)) }
            return .tensor(try tensor(receiver).minimum(try args.tensor("other")))
        }

        func jet(_ value: Value) -> Jet {
            if case let .jet(j) = value { return j }
            return Jet(0)
        }
        function("Jet", ["_constant"]) { args in .jet(Jet(try args.double("constant"))) }
        getter(of: "Jet", "value") { .double(jet($0).value) }
        getter(of: "Jet", "gradient") { .array(jet($0).gradient.map { .double($0) }) }
        getter(of: "Jet", "hessian") { .array(jet($0).hessian.map { .array($0.map { .double($0) }) }) }
        for (name, body) in [("exp", { (j: Jet) in j.exp() }), ("log", { $0.log() }), ("sqrt", { $0.sqrt() }), ("squared", { $0.squared() }),
                             ("sin", { $0.sin() }), ("cos", { $0.cos() }), ("tanh", { $0.tanh() }), ("abs", { $0.abs() })] {
            method(of: "Jet", name, []) { receiver, _ in .jet(body(jet(receiver))) }
        }
    }

    /// A shape argument: an array of non-negative Ints.
    func shape(_ args: Arguments, _ name: String) throws -> [Int] {
        try args.array(name).map { value in
            guard case let .int(extent) = value, extent >= 0 else { throw args.fail(name, "an array of non-negative Ints") }
            return extent
        }
    }
}
