// sandbox-probe: enters the sandbox, tries one thing, prints one line.
//
// Tests/SandboxTests runs it as a subprocess, because what it tries (a CPU spin, a fork,
// an exec) must be able to kill or refuse this process without touching the test runner.
//
//   sandbox-probe [--memory BYTES] [--cpu SECONDS] [--files N] [--network] [--no-sandbox]
//                 [--early-thread] ACTION [ARG]
//
// --early-thread starts a thread before entering and runs the action on it, to show the
// filter covers threads that already existed (seccomp's TSYNC).
// stderr gets the report ("applied: …", then "missing LAYER: reason" per missing layer);
// stdout gets "ok …" or "refused: CALL: message"; the exit status is 0 for ok, 3 for refused,
// 2 for a usage error.
import Foundation
import Sandbox

/// The command line: a policy, whether to enter the sandbox at all, and the action.
struct ProbeOptions {
    var policy = SandboxPolicy()
    var sandboxed = true
    var earlyThread = false
    var action = ""
    var argument = ""

    /// Parses `arguments` (without the program name); nil with a message on stderr when malformed.
    static func parse(_ arguments: [String]) -> ProbeOptions? {
        var options = ProbeOptions()
        var rest = arguments[...]
        func number(_ option: String) -> Int? {
            guard let text = rest.popFirst(), let value = Int(text) else {
                complain("\(option) needs a number")
                return nil
            }
            return value
        }
        while let first = rest.first, first.hasPrefix("--") {
            rest.removeFirst()
            switch first {
            case "--memory": guard let value = number(first) else { return nil }; options.policy.memoryBytes = value
            case "--cpu": guard let value = number(first) else { return nil }; options.policy.cpuSeconds = value
            case "--files": guard let value = number(first) else { return nil }; options.policy.openFiles = value
            case "--network": options.policy.network = true
            case "--no-sandbox": options.sandboxed = false
            case "--early-thread": options.earlyThread = true
            default: complain("unknown option \(first)"); return nil
            }
        }
        guard let action = rest.popFirst() else { complain("no action"); return nil }
        options.action = action
        options.argument = rest.first ?? ""
        return options
    }

    static func complain(_ message: String) {
        FileHandle.standardError.write(Data("sandbox-probe: \(message)\n".utf8))
    }
}

guard let options = ProbeOptions.parse(Array(CommandLine.arguments.dropFirst())) else { exit(2) }

// What must happen before the filter: a file to write to later (the file-size layer).
let preopened: Int32 = options.action == "write-file"
    ? open(options.argument, O_WRONLY | O_CREAT | O_TRUNC, 0o644) : -1

let early = options.earlyThread ? EarlyThread() : nil

if options.sandboxed {
    let start = DispatchTime.now().uptimeNanoseconds
    let report = Sandbox.enter(options.policy)
    let micros = (DispatchTime.now().uptimeNanoseconds - start) / 1000
    var lines = ["applied: " + report.applied.map(\.rawValue).joined(separator: ",")]
    lines.append("entered in \(micros) µs")
    lines += report.missing.map { "missing \($0.layer.rawValue): \($0.reason)" }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

let outcome = early.map { thread in
    thread.run { ProbeAction.run(options.action, options.argument, preopened: preopened) }
} ?? ProbeAction.run(options.action, options.argument, preopened: preopened)
FileHandle.standardOutput.write(Data((outcome.line + "\n").utf8))
exit(outcome.status)
