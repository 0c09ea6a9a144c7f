import SwiftSyntax

/// An error raised while running a snippet, with the syntax node it points at.
///
/// Builtins throw it without a node; the interpreter fills in the call being
/// evaluated, so every error ends up pointing into the lesson file.
struct SnippetError: Error {
    var message: String
    var node: Syntax?
    var notes: [SnippetNote] = []
    /// What kind of failure it is; grading and the site treat `todo()` and failed expectations specially.
    var kind: FailureKind = .error

    init(_ message: String, at node: (any SyntaxProtocol)? = nil, notes: [SnippetNote] = []) {
        self.message = message
        self.node = node.map { Syntax($0) }
        self.notes = notes
    }

    static func runtime(_ message: String) -> SnippetError { SnippetError(message) }

    /// Syntax the interpreter does not run, pointing at the list of what it does.
    static func unsupported(_ what: String, at node: some SyntaxProtocol) -> SnippetError {
        SnippetError("\(what) is not supported in lessons; docs/dsl.md lists the Swift that lessons run", at: node)
    }

    /// The same error pointing at `node` unless it already points somewhere.
    func located(at node: some SyntaxProtocol) -> SnippetError {
        var copy = self
        if copy.node == nil { copy.node = Syntax(node) }
        return copy
    }
}

/// A note attached to an error, optionally pointing elsewhere in the lesson.
struct SnippetNote {
    var message: String
    var node: Syntax?
}

/// Edit distance, for "did you mean" suggestions.
enum Suggestions {
    static func nearest(to name: String, in candidates: [String]) -> String? {
        let lowered = name.lowercased()
        var best: (String, Int)?
        for candidate in Set(candidates) where candidate != name && !candidate.hasPrefix("$") {
            let distance = editDistance(lowered, candidate.lowercased())
            let limit = max(1, min(name.count, candidate.count) / 3)
            guard distance <= limit else { continue }
            if let (bestName, bestDistance) = best,
               distance > bestDistance || (distance == bestDistance && candidate >= bestName) { continue }
            best = (candidate, distance)
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
