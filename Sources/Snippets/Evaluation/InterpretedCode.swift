import Descent
import SwiftSyntax

/// Which values may call back into interpreted code, so Descent never runs them on two threads.
///
/// The interpreter is single-threaded: its scopes and counters are plain class
/// fields. A comparison runs its optimizers in parallel unless told otherwise, so
/// every library value built from an interpreted closure (`Optimizer { ... }`,
/// `Function2D { ... }`) is marked, and so is every value built from a marked one
/// (`MaskedOptimizer(custom, ...)` or any other wrapper): the mark is propagated by
/// the builtin dispatcher itself, not by each wrapper, so a new wrapper cannot forget it.
extension Value {
    /// Whether calling into this value may run interpreted code: a closure or declared
    /// function, a library value marked as built from one, or a collection holding either.
    var callsInterpretedCode: Bool {
        switch self {
        case let .function(function):
            if case .builtin = function.body { return false }
            return true
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
