import Testing
@testable import Snippets

/// Runs that may call interpreted code run one after another, whatever wraps the closure.
@Suite struct SerialRunsTests {
    /// Were a run parallel, `InterpretedClosure` would refuse the call from another thread (an error here).
    /// A custom optimizer counting its own calls in a captured variable, wrapped in `MaskedOptimizer`,
    /// beside built-in optimizers: parallel runs would race on the interpreter (a crash) and on the counter.
    static let lesson = """
        ```swift
        var calls = 0
        let mine = Optimizer("mine", lr: 0.1) { w, g, state in
            calls += 1
            w -= state.lr * g
        }
        let masked = MaskedOptimizer(mine, masks: [Tensor([1.0, 0.0])])
        let together = minimize(Quadratic(), from: [1, 1], steps: 50) { masked; Adam(lr: 0.1); GD(lr: 0.1); Momentum(lr: 0.1) }
        print(calls)
        let alone = minimize(Quadratic(), from: [1, 1], steps: 50) { masked }
        print(together.runs[0].loss == alone.runs[0].loss, together.runs[0].finalPoint == alone.runs[0].finalPoint)
        ```
        """

    @Test func maskedInterpretedOptimizerRunsSeriallyWithTheSameBits() {
        for _ in 0..<5 {
            let result = Notebook.run(source: Self.lesson, path: "serial.md")
            let cell = result.cells.first
            #expect(cell?.error == nil, "\(cell?.error?.rendered ?? "")")
            // 50 steps call the update 50 times: nothing ran twice or concurrently.
            #expect(CaseFileTests.shown(cell?.outputs ?? []).filter { !$0.isEmpty }.suffix(2) == ["50", "true true"])
        }
    }

    @Test func wrappersInheritTheMark() throws {
        let interpreter = Interpreter()
        let closure = Value.function(FunctionValue(name: "closure", body: .builtin(Builtin(name: "x", overloads: []))))
        #expect(!closure.callsInterpretedCode)
        var native = NativeValue(typeName: "Optimizer", payload: 1)
        native.callsInterpretedCode = true
        #expect(Value.array([.int(1), .native(native)]).callsInterpretedCode)
        #expect(Value.native(NativeValue(typeName: "Optimizer", payload: 1)).markedInterpreted(true).callsInterpretedCode)
        #expect(!Value.int(1).markedInterpreted(true).callsInterpretedCode)
        _ = interpreter
    }
}
