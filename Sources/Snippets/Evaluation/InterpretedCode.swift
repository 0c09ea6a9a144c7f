import Descent
import SwiftSyntax

/// Which values may call back into interpreted code, so Descent never runs them on two threads.
///
/// The interpreter is single-threaded: its scopes and counters are plain class
/// fields. A comparison runs its optimizers in parallel unless told otherwise, so
/// every library value whose builtin created an `InterpretedClosure` (`Optimizer { ... }`,
/// `Function2D { ... }`) is marked, and so is every value built from a marked one
/// (`MaskedOptimizer(custom, ...)` or any other wrapper): both are done by the builtin
/// dispatcher itself (`BuiltinRegistry.invoke`), not by each builtin, so a new wrapper
/// cannot forget it. A closure merely passed to a builtin (`Sequential { ... }`,
/// `map { ... }`) marks nothing: it runs during the call, on the cell's thread.
extension Value {
    /// Whether this is, or holds, a library value that calls back into interpreted code.
    var callsInterpretedCode: Bool {
        switch self {
        case let .native(native):
            return native.callsInterpretedCode
        case let .array(items), let .tuple(items, _):
            return items.contains { $0.callsInterpretedCode }
        case let .dictionary(dictionary):
            return dictionary.pairs.contains { $0.key.callsInterpretedCode || $0.value.callsInterpretedCode }
        case let .implicitMember(member):
            return member.arguments?.contains { $0.value.callsInterpretedCode } ?? false
        default:
            return false
        }
    }

    /// This value marked as calling interpreted code when it is a library value and `marked` holds;
    /// `marked` (a walk over the inputs) is evaluated only for a library value not yet marked.
    func markedInterpreted(_ marked: @autoclosure () -> Bool) -> Value {
        guard case var .native(native) = self, !native.callsInterpretedCode, marked() else { return self }
        native.callsInterpretedCode = true
        return .native(native)
    }
}

extension Arguments {
    /// Whether any argument (other than those named in `except`) may call interpreted code.
    func callInterpretedCode(except: Set<String> = []) -> Bool {
        values.contains { name, argument in !except.contains(name) && argument.value.callsInterpretedCode }
    }
}

extension ExecutionLimits {
    /// Runs `body` with parallel runs forbidden when it may call back into interpreted code.
    ///
    /// Serial runs give the same bits as parallel ones (each run is independent), so
    /// this costs only wall time, and only for comparisons that involve interpreted code.
    static func serialIf<T>(_ interpreted: Bool, _ body: () throws -> T) throws -> T {
        guard interpreted else { return try body() }
        var limits = ExecutionLimits.current ?? ExecutionLimits()
        limits.allowsParallelRuns = false
        return try limits.run(body)
    }
}
