import Descent
import SwiftSyntax

/// A snippet closure handed to Descent as a Swift closure (a custom optimizer's update, a `Function2D` formula).
///
/// Descent calls it back synchronously on the cell's worker thread; the training
/// builtins forbid parallel runs whenever one is involved, however wrapped (see
/// `Value.callsInterpretedCode`), and the interpreter's `callbackLock` serializes
/// entry should that ever fail, so the interpreter is never entered from two threads. Closures Descent cannot let throw (a formula
/// returns a `Jet`) park their first error here, and the builtin rethrows it
/// after Descent returns.
final class InterpretedClosure: @unchecked Sendable {
    let interpreter: Interpreter
    let function: FunctionValue
    let node: Syntax
    private(set) var error: Error?

    init(_ interpreter: Interpreter, _ function: FunctionValue, at node: some SyntaxProtocol) {
        self.interpreter = interpreter
        self.function = function
        self.node = Syntax(node)
        interpreter.interpretedClosures += 1
    }

    /// The update of `Optimizer(name) { w, g, state in ... }`: `w` and `state` are `inout`.
    func update(_ w: inout Tensor, _ g: Tensor, _ state: inout OptimizerState) throws {
        try enter()
        interpreter.callbackLock.lock()
        defer { interpreter.callbackLock.unlock() }
        let values: [Value] = [.tensor(w), .tensor(g), .native(NativeValue(typeName: "OptimizerState", payload: state))]
        let final = try interpreter.callUpdating(function, values, at: node)
        guard final.count == 3, case let .tensor(newW) = final[0] else {
            throw SnippetError("the optimizer's closure must leave 'w' a Tensor", at: node)
        }
        w = newW
        if case let .native(native) = final[2], let newState = native.payload as? OptimizerState { state = newState }
    }

    /// A formula of two `Jet`s; an error yields NaN and is kept for the builtin to rethrow.
    func jet(_ x: Jet, _ y: Jet) -> Jet {
        interpreter.callbackLock.lock()
        defer { interpreter.callbackLock.unlock() }
        if error != nil { return Jet(.nan) }
        do {
            try enter()
            switch try interpreter.call(function, with: [.jet(x), .jet(y)], at: node) {
            case let .jet(result): return result
            case let other:
                if let constant = other.asDouble { return Jet(constant) }
                throw SnippetError("the function's closure must return a number, got \(other.typeName)", at: node)
            }
        } catch {
            self.error = error
            return Jet(.nan)
        }
    }

    /// The formula of `Function(name) { w in ... }`: a variable in, a one-element variable out.
    func variable(_ w: Variable) throws -> Variable {
        try enter()
        interpreter.callbackLock.lock()
        defer { interpreter.callbackLock.unlock() }
        let result = try interpreter.call(function, with: [.variable(w)], at: node)
        guard let output = try VariableOperators.variable(from: result) else {
            throw SnippetError("the function's closure must return a Variable such as (w * w).sum(), got \(result.typeName)", at: node)
        }
        return output
    }

    /// Refuses a call from any thread but the cell's: a parallel run reached interpreted code.
    private func enter() throws {
        guard interpreter.isOnCellThread else {
            throw SnippetError("internal error: interpreted code was called from a parallel run; please report this lesson", at: node)
        }
    }

    /// Rethrows the first error a non-throwing callback parked.
    func rethrow() throws {
        if let error { throw error }
    }
}

extension Interpreter {
    /// Calls a closure whose parameters are all `inout`, returning their values after the call.
    func callUpdating(_ function: FunctionValue, _ values: [Value], at node: some SyntaxProtocol) throws -> [Value] {
        guard case let .closure(closure, captured) = function.body else {
            throw SnippetError("expected a closure such as { w, g, state in ... }", at: node)
        }
        return try nested(at: node) {
            let scope = Environment(parent: captured)
            let names = function.closureParameterNames ?? values.indices.map { "$\($0)" }
            guard names.count == values.count else {
                throw SnippetError("the closure must take \(values.count) parameters, got \(names.count) (\(names.joined(separator: ", ")))", at: closure)
            }
            for (name, value) in zip(names, values) { scope.define(name, value, mutable: true) }
            _ = try runBody(closure.statements, in: scope)
            return names.map { scope.lookup($0)?.value ?? .void }
        }
    }
}
