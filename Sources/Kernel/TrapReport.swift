import Foundation

/// A kernel's report of the signal that killed it, as `CTrapReport` writes it, made readable.
///
/// The handler in the dying kernel can only write mangled symbol names; the parent turns
/// `trap: signal 4 at 0x…; frames: $s7Descent8ParallelO…` into
/// `a trap at 0x… in Descent.Parallel.chunks < …`, which is what a bug report needs.
enum TrapReport {
    static let prefix = "trap: "

    /// The readable form of `line`, or nil when it is not a trap report.
    static func readable(_ line: String) -> String? {
        guard line.hasPrefix(prefix) else { return nil }
        let parts = line.dropFirst(prefix.count).components(separatedBy: "; frames:")
        // `signal 4 at 0x…` for a fault, `signal 11 sent` for a signal raised or sent to it.
        let place = parts[0].hasSuffix(" sent") ? " (the signal was sent)" : parts[0].components(separatedBy: " at ").dropFirst().last.map { " at \($0)" } ?? ""
        let frames = parts.count > 1
            ? parts[1].split(separator: "<").map { name($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
            : []
        // The first frames are the runtime's own failure path; keep them, they say which check failed.
        let shown = frames.prefix(8).joined(separator: " < ")
        return "a trap\(place)" + (shown.isEmpty ? "" : " in \(shown)")
    }

    /// A symbol's demangled name without its parameter list: `Descent.Parallel.chunks`.
    static func name(_ symbol: String) -> String {
        guard symbol.hasPrefix("$s") || symbol.hasPrefix("_$s") else { return symbol }
        guard let demangled = demangle(symbol) else { return symbol }
        // `closure #1 (…) in Descent.Parallel.chunks(…) -> ()` reads well up to its first parenthesis
        // after the last " in ".
        var tail = demangled.components(separatedBy: " in ").last ?? demangled
        for modifier in ["static ", "class "] where tail.hasPrefix(modifier) { tail.removeFirst(modifier.count) }
        let head = demangled.hasPrefix("closure") ? "closure in " : ""
        return head + (tail.split(separator: "(", maxSplits: 1).first.map(String.init) ?? tail)
    }

    private static func demangle(_ symbol: String) -> String? {
        symbol.withCString { pointer -> String? in
            guard let result = swift_demangle(pointer, UInt(strlen(pointer)), nil, nil, 0) else { return nil }
            defer { free(result) }
            return String(cString: result)
        }
    }
}

/// The Swift runtime's demangler (exported by libswiftCore, not declared in any module).
@_silgen_name("swift_demangle")
private func swift_demangle(
    _ mangledName: UnsafePointer<CChar>?, _ mangledNameLength: UInt,
    _ outputBuffer: UnsafeMutablePointer<CChar>?, _ outputBufferSize: UnsafeMutablePointer<UInt>?, _ flags: UInt32
) -> UnsafeMutablePointer<CChar>?
