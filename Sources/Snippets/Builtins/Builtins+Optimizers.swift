import Descent
import SwiftSyntax

extension BuiltinRegistry {
    /// Descent's optimizers with their labels and defaults, the `.keras` variants and `Optimizer(name) { w, g, state in }`.
    func registerOptimizers() {
        optimizer("GD", ["lr?"]) { a in GD(lr: try a.double("lr", default: 0.01)) }
        optimizer("Momentum", ["lr?", "mu?", "form?"]) { a in
            Momentum(lr: try a.double("lr", default: 0.01), mu: try a.double("mu", default: 0.9),
                     form: try a.optionalNative("form", MomentumForm.self, kind: "MomentumForm") ?? .classic)
        }
        optimizer("Nesterov", ["lr?", "mu?", "form?"]) { a in
            Nesterov(lr: try a.double("lr", default: 0.01), mu: try a.double("mu", default: 0.9),
                     form: try a.optionalNative("form", MomentumForm.self, kind: "MomentumForm") ?? .classic)
        }
        optimizer("SGD", ["lr?", "momentum?", "dampening?", "nesterov?", "weightDecay?"]) { a in
            SGD(lr: try a.double("lr", default: 0.001), momentum: try a.double("momentum", default: 0),
                dampening: try a.double("dampening", default: 0), nesterov: try a.bool("nesterov", default: false),
                weightDecay: try a.double("weightDecay", default: 0))
        }
        optimizer("SGD.keras", ["lr?", "momentum?", "nesterov?"]) { a in
            SGD.keras(lr: try a.double("lr", default: 0.01), momentum: try a.double("momentum", default: 0),
                      nesterov: try a.bool("nesterov", default: false))
        }
        optimizer("Adam", ["lr?", "beta1?", "beta2?", "eps?", "weightDecay?", "amsgrad?", "decoupledWeightDecay?", "epsilonPlacement?"]) { a in
            Adam(lr: try a.double("lr", default: 0.001), beta1: try a.double("beta1", default: 0.9),
                 beta2: try a.double("beta2", default: 0.999), eps: try a.double("eps", default: 1e-8),
                 weightDecay: try a.double("weightDecay", default: 0), amsgrad: try a.bool("amsgrad", default: false),
                 decoupledWeightDecay: try a.bool("decoupledWeightDecay", default: false),
                 epsilonPlacement: try Self.placement(a))
        }
        optimizer("Adam.keras", ["lr?", "beta1?", "beta2?", "eps?", "amsgrad?"]) { a in
            Adam.keras(lr: try a.double("lr", default: 0.001), beta1: try a.double("beta1", default: 0.9),
                       beta2: try a.double("beta2", default: 0.999), eps: try a.double("eps", default: 1e-7),
                       amsgrad: try a.bool("amsgrad", default: false))
        }
        optimizer("AdamW", ["lr?", "beta1?", "beta2?", "eps?", "weightDecay?", "amsgrad?", "epsilonPlacement?"]) { a in
            AdamW(lr: try a.double("lr", default: 0.001), beta1: try a.double("beta1", default: 0.9),
                  beta2: try a.double("beta2", default: 0.999), eps: try a.double("eps", default: 1e-8),
                  weightDecay: try a.double("weightDecay", default: 0.01), amsgrad: try a.bool("amsgrad", default: false),
                  epsilonPlacement: try Self.placement(a))
        }
        optimizer("NAdam", ["lr?", "beta1?", "beta2?", "eps?", "weightDecay?", "momentumDecay?", "decoupledWeightDecay?"]) { a in
            NAdam(lr: try a.double("lr", default: 0.002), beta1: try a.double("beta1", default: 0.9),
                  beta2: try a.double("beta2", default: 0.999), eps: try a.double("eps", default: 1e-8),
                  weightDecay: try a.double("weightDecay", default: 0), momentumDecay: try a.double("momentumDecay", default: 0.004),
                  decoupledWeightDecay: try a.bool("decoupledWeightDecay", default: false))
        }
        optimizer("RMSProp", ["lr?", "alpha?", "eps?", "weightDecay?", "momentum?", "centered?", "epsilonPlacement?"]) { a in
            RMSProp(lr: try a.double("lr", default: 0.01), alpha: try a.double("alpha", default: 0.99),
                    eps: try a.double("eps", default: 1e-8), weightDecay: try a.double("weightDecay", default: 0),
                    momentum: try a.double("momentum", default: 0), centered: try a.bool("centered", default: false),
                    epsilonPlacement: try Self.placement(a))
        }
        optimizer("RMSProp.keras", ["lr?", "rho?", "momentum?", "eps?", "centered?"]) { a in
            RMSProp.keras(lr: try a.double("lr", default: 0.001), rho: try a.double("rho", default: 0.9),
                          momentum: try a.double("momentum", default: 0), eps: try a.double("eps", default: 1e-7),
                          centered: try a.bool("centered", default: false))
        }
        optimizer("AdaGrad", ["lr?", "lrDecay?", "weightDecay?", "initialAccumulatorValue?", "eps?", "epsilonPlacement?"]) { a in
            AdaGrad(lr: try a.double("lr", default: 0.01), lrDecay: try a.double("lrDecay", default: 0),
                    weightDecay: try a.double("weightDecay", default: 0),
                    initialAccumulatorValue: try a.double("initialAccumulatorValue", default: 0),
                    eps: try a.double("eps", default: 1e-10), epsilonPlacement: try Self.placement(a))
        }
        optimizer("AdaGrad.keras", ["lr?", "initialAccumulatorValue?", "eps?"]) { a in
            AdaGrad.keras(lr: try a.double("lr", default: 0.001),
                          initialAccumulatorValue: try a.double("initialAccumulatorValue", default: 0.1),
                          eps: try a.double("eps", default: 1e-7))
        }
        optimizer("AdaDelta", ["lr?", "rho?", "eps?", "weightDecay?"]) { a in
            AdaDelta(lr: try a.double("lr", default: 1.0), rho: try a.double("rho", default: 0.9),
                     eps: try a.double("eps", default: 1e-6), weightDecay: try a.double("weightDecay", default: 0))
        }
        optimizer("AdaDelta.keras", ["lr?", "rho?", "eps?"]) { a in
            AdaDelta.keras(lr: try a.double("lr", default: 0.001), rho: try a.double("rho", default: 0.95),
                           eps: try a.double("eps", default: 1e-7))
        }
        function("Optimizer", ["_name", "lr?", "{_update"]) { args in
            let name = try args.string("name")
            let callback = InterpretedClosure(args.interpreter, try args.function("update"), at: args.node("update"))
            let optimizer = Optimizer(name, lr: try args.double("lr", default: 0.01)) { w, g, state in
                try callback.update(&w, g, &state)
            }
            return .native(NativeValue(typeName: "Optimizer", payload: optimizer, sourceText: args.sourceText))
        }
        for (name, form) in [("classic", MomentumForm.classic), ("exponentialAverage", .exponentialAverage)] {
            member(of: "MomentumForm", name, nil) { _ in .native(NativeValue(typeName: "MomentumForm", payload: form)) }
        }
        for placement in EpsilonPlacement.allCases {
            member(of: "EpsilonPlacement", placement.rawValue, nil) { _ in .native(NativeValue(typeName: "EpsilonPlacement", payload: placement)) }
        }
        getter(of: "Optimizer", "name") { value in .string(Self.optimizer(value)?.name ?? "") }
        getter(of: "Optimizer", "lr") { value in .double(Self.optimizer(value)?.lr ?? 0) }
        registerOptimizerState()
    }

    static func optimizer(_ value: Value) -> (any Optimizing)? {
        guard case let .native(native) = value else { return nil }
        return native.payload as? any Optimizing
    }

    private static func placement(_ args: Arguments) throws -> EpsilonPlacement {
        try args.optionalNative("epsilonPlacement", EpsilonPlacement.self, kind: "EpsilonPlacement") ?? .outside
    }

    /// Registers a constructor; `Adam.keras` becomes a static member of `Adam`.
    private func optimizer(_ name: String, _ specs: [String], _ make: @escaping (Arguments) throws -> any Optimizing) {
        let body: BuiltinBody = { args in
            var optimizer = try make(args)
            // Name the run as the lesson wrote it when the call is all literals; otherwise
            // Descent's own name (which shows the values, e.g. inside a loop over `lr`).
            if Self.isLiteralCall(args.call) { optimizer.name = args.sourceText }
            return .native(NativeValue(typeName: "Optimizer", payload: optimizer, sourceText: args.sourceText))
        }
        let parts = name.split(separator: ".")
        if parts.count == 2 {
            member(of: String(parts[0]), String(parts[1]), specs, body)
        } else {
            function(name, specs, body)
        }
    }

    /// True when every argument is a number, Bool or implicit-member literal.
    static func isLiteralCall(_ node: Syntax) -> Bool {
        guard let call = node.as(FunctionCallExprSyntax.self) else { return false }
        return call.arguments.allSatisfy { isLiteral($0.expression) } && call.trailingClosure == nil
    }

    private static func isLiteral(_ expression: ExprSyntax) -> Bool {
        if expression.is(IntegerLiteralExprSyntax.self) || expression.is(FloatLiteralExprSyntax.self)
            || expression.is(BooleanLiteralExprSyntax.self) || expression.is(StringLiteralExprSyntax.self) { return true }
        if let prefix = expression.as(PrefixOperatorExprSyntax.self) { return isLiteral(prefix.expression) }
        if let member = expression.as(MemberAccessExprSyntax.self) { return member.base == nil }
        return false
    }

    /// `state.v`, `state.step`, `state.lr` inside a custom optimizer's closure.
    private func registerOptimizerState() {
        func state(_ value: Value) -> OptimizerState? {
            guard case let .native(native) = value else { return nil }
            return native.payload as? OptimizerState
        }
        dynamicMember(of: "OptimizerState", get: { value, name in
            guard let state = state(value) else { throw SnippetError("not an optimizer state") }
            switch name {
            case "step": return .int(state.step)
            case "lr": return .double(state.lr)
            case "shape": return .array(state.shape.map { .int($0) })
            case "names": return .array(state.names.map { .string($0) })
            default: return .tensor(state[name])
            }
        }, set: { value, name, newValue in
            guard var current = state(value) else { throw SnippetError("not an optimizer state") }
            guard !["step", "lr", "shape", "names"].contains(name) else {
                throw SnippetError("'state.\(name)' is read-only; choose another name for your buffer")
            }
            let tensor: Tensor
            if let scalar = newValue.asDouble {
                tensor = try Tensor(repeating: scalar, shape: current.shape)
            } else {
                tensor = try BuiltinConversions.tensor(from: newValue)
            }
            value = .void
            current[name] = tensor
            value = .native(NativeValue(typeName: "OptimizerState", payload: current))
        })
    }
}
