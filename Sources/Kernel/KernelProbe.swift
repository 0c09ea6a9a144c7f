import Sandbox

/// Test-only attempts at what the sandbox forbids, made from inside a running kernel.
enum KernelProbe {
    /// Tries `action` (`open-file PATH`, `socket`, `fork`, `exec`…, see `ProbeAction`) and returns its line.
    static func attempt(_ action: String) -> String {
        let words = action.split(separator: " ", maxSplits: 1).map(String.init)
        return ProbeAction.run(words.first ?? "", words.count > 1 ? words[1] : "", preopened: -1).line
    }
}
