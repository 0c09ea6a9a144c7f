import Descent

extension BuiltinRegistry {
    static func doubles(_ values: [Double]) -> Value { .array(values.map { .double($0) }) }

    /// Curvature (H·v and λmax for functions and models), turned 2-D functions, and gradient clipping's values.
    func registerCurvature() {
        function("hessianVectorProduct", ["_function", "at", "_vector"]) { args in
            let function = try args.value("function")
            let product = try hessianVectorProduct(try Self.objective(function), at: try args.tensor("at"), try args.tensor("vector"))
            try Self.rethrowCallback(function)
            return .tensor(product)
        }
        function("hessianVectorProduct", ["_model", "loss", "on", "_vector"]) { args in
            let vector = try args.array("vector").map { try BuiltinConversions.tensor(from: $0) }
            let product = try hessianVectorProduct(try args.native("model", Sequential.self, kind: "Sequential"),
                                                   loss: try args.native("loss", Loss.self, kind: "Loss"),
                                                   on: try args.native("on", Dataset.self, kind: "Dataset"), vector)
            return .array(product.map { .tensor($0) })
        }
        function("largestEigenvalue", ["_function", "at", "iterations?", "seed?"]) { args in
            let function = try args.value("function")
            let value = try largestEigenvalue(try Self.objective(function), at: try args.tensor("at"),
                                              iterations: try args.int("iterations", default: 100), seed: try args.int("seed", default: 0))
            try Self.rethrowCallback(function)
            return .double(value)
        }
        function("largestEigenvalue", ["_model", "loss", "on", "iterations?", "seed?"]) { args in
            .double(try largestEigenvalue(try args.native("model", Sequential.self, kind: "Sequential"),
                                          loss: try args.native("loss", Loss.self, kind: "Loss"),
                                          on: try args.native("on", Dataset.self, kind: "Dataset"),
                                          iterations: try args.int("iterations", default: 50), seed: try args.int("seed", default: 0)))
        }
        method(of: "Objective", "rotated", ["by"]) { receiver, args in
            guard case let .native(native) = receiver else { throw SnippetError("expected a function to turn") }
            let angle = try args.double("by")
            if let interpreted = native.payload as? InterpretedObjective {
                let turned = InterpretedObjective(objective: interpreted.objective.rotated(by: angle), callback: interpreted.callback)
                return .native(NativeValue(typeName: "Objective", payload: turned, sourceText: nil, callsInterpretedCode: native.callsInterpretedCode))
            }
            return .native(NativeValue(typeName: "Objective", payload: try Self.objective(receiver).rotated(by: angle)))
        }
        function("lossSlice", ["_model", "loss", "on", "direction?", "from?", "to?", "points?", "seed?"]) { args in
            let direction = try args.has("direction") ? args.array("direction").map { try BuiltinConversions.tensor(from: $0) } : nil
            let slice = try lossSlice(try args.native("model", Sequential.self, kind: "Sequential"), loss: try args.native("loss", Loss.self, kind: "Loss"),
                                      on: try args.native("on", Dataset.self, kind: "Dataset"), direction: direction,
                                      from: try args.double("from", default: -1), to: try args.double("to", default: 1),
                                      points: try args.int("points", default: 21), seed: try args.int("seed", default: 0))
            return .tuple([Self.doubles(slice.alphas), Self.doubles(slice.losses)], labels: ["alphas", "losses"])
        }
        function("lossSurface", ["_model", "loss", "on", "from?", "to?", "points?", "seed?"]) { args in
            let surface = try lossSurface(try args.native("model", Sequential.self, kind: "Sequential"), loss: try args.native("loss", Loss.self, kind: "Loss"),
                                          on: try args.native("on", Dataset.self, kind: "Dataset"),
                                          from: try args.double("from", default: -1), to: try args.double("to", default: 1),
                                          points: try args.int("points", default: 11), seed: try args.int("seed", default: 0))
            return .tuple([Self.doubles(surface.alphas), Self.doubles(surface.betas), .array(surface.losses.map(Self.doubles))],
                          labels: ["alphas", "betas", "losses"])
        }
        func clipping(_ rule: GradientClipping) -> Value { .native(NativeValue(typeName: "GradientClipping", payload: rule)) }
        member(of: "GradientClipping", "norm", ["_maxNorm"]) { args in clipping(.norm(try args.double("maxNorm"))) }
        member(of: "GradientClipping", "value", ["_limit"]) { args in clipping(.value(try args.double("limit"))) }
    }
}
