import Foundation

/// `[████░░░░] 120/500 submissions, 14 s left` on standard error, redrawn in place; only on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private let lock = NSLock()
    private var done = 0

    init(total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.enabled = enabled && total > 0
    }

    /// Counts one finished job and redraws.
    func advance() {
        lock.withLock {
            done += 1
            guard enabled else { return }
            FileHandle.standardError.write(Data(("\r" + line() + "\u{1B}[K").utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }

    private func line() -> String {
        let width = 24
        let filled = total > 0 ? done * width / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var text = "[\(bar)] \(done)/\(total) submissions"
        if done > 0, done < total {
            let left = elapsed / Double(done) * Double(total - done)
            text += ", \(Int(left.rounded(.up))) s left"
        } else if done == total {
            text += String(format: ", %.1f s", elapsed)
        }
        return text
    }
}
