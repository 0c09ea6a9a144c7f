import Descent

extension BuiltinRegistry {
    /// Descent's vocabulary, area by area.
    func registerDescent() {
        registerOptimizers()
        registerFunctions()
        registerData()
        registerModels()
        registerClassic()
        registerTraining()
        registerSeeds()
        registerAutodiff()
        registerClassicMethods()
        registerCurvature()
    }

    /// Newton's method, which `minimize` drives with the objective's exact Hessian.
    private func registerClassic() {
        function("Newton", ["lr?", "damping?"]) { args in
            var optimizer = Newton(lr: try args.double("lr", default: 1), damping: try args.double("damping", default: 0))
            if Self.isLiteralCall(args.call) { optimizer.name = args.sourceText }
            return .native(NativeValue(typeName: "Optimizer", payload: optimizer, sourceText: args.sourceText))
        }
    }
}
