/// A problem found while loading a lesson or course, reported like a compiler diagnostic.
///
/// Loading collects these instead of throwing at the first one, so an author sees every mistake
/// in a course from one run. The type is also an `Error` for the few APIs that must fail.
public struct LessonDiagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is; only errors make a course unusable.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        /// Errors sort before warnings before notes.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Extra context attached to a diagnostic, such as where a duplicate was first seen.
    public struct Note: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Where the note points, if anywhere.
        public var location: SourceLocation?
        /// The note's text.
        public var message: String

        /// Creates a note, optionally pointing at a location.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }

        /// `path:line:col: note: message`, or `note: message` without a location.
        public var description: String {
            location.map { "\($0): note: \(message)" } ?? "note: \(message)"
        }
    }

    /// A suggested edit that would fix the problem: replace `range` by `replacement`.
    public struct FixIt: Sendable, Hashable, Codable {
        /// What the edit does, in words ("add 'adam.md' to lessons:").
        public var message: String
        /// The text to replace; an empty range means an insertion.
        public var range: SourceRange
        /// The new text.
        public var replacement: String

        /// Creates a fix-it replacing `range` by `replacement`.
        public init(_ message: String, range: SourceRange, replacement: String) {
            self.message = message
            self.range = range
            self.replacement = replacement
        }
    }

    /// Where the problem is.
    public var location: SourceLocation
    /// How serious it is.
    public var severity: Severity
    /// One line saying what is wrong, lower-case like compiler messages.
    public var message: String
    /// Further context, each possibly pointing elsewhere.
    public var notes: [Note]
    /// Suggested edits, in the order a tool would offer them; usually none or one.
    public var fixIts: [FixIt]
    /// The text of the line `location` points into, kept so the diagnostic renders with a caret
    /// wherever it travels (the execution cache, a worker's pipe) without the file at hand.
    public var sourceLine: String

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation,
        notes: [Note] = [], fixIt: FixIt? = nil, fixIts: [FixIt] = [], sourceLine: String = ""
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.fixIts = (fixIt.map { [$0] } ?? []) + fixIts
        self.sourceLine = sourceLine
    }

    /// The first suggested edit, when there is one.
    public var fixIt: FixIt? { fixIts.first }

    /// Shorthand for an error diagnostic.
    public static func error(
        _ message: String, at location: SourceLocation, notes: [Note] = [], fixIt: FixIt? = nil
    ) -> LessonDiagnostic {
        LessonDiagnostic(.error, message, at: location, notes: notes, fixIt: fixIt)
    }

    /// Shorthand for a warning diagnostic.
    public static func warning(
        _ message: String, at location: SourceLocation, notes: [Note] = [], fixIt: FixIt? = nil
    ) -> LessonDiagnostic {
        LessonDiagnostic(.warning, message, at: location, notes: notes, fixIt: fixIt)
    }

    /// `path:line:col: error: message`, the single-line form editors recognize.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// The description followed by one line per note and fix-it, for terminal output.
    public var fullDescription: String {
        var lines = [description]
        lines += notes.map(\.description)
        lines += fixIts.map { "\($0.range.start): fix-it: \($0.message)" }
        return lines.joined(separator: "\n")
    }

    /// As a compiler prints it: the description, the source line with a caret under the column,
    /// then fix-its and notes. Columns count UTF-8 bytes, so the caret goes under the character
    /// those bytes end at.
    public var rendered: String {
        var lines = [description]
        if !sourceLine.isEmpty {
            lines.append(sourceLine)
            lines.append(Self.caret(under: location.column, in: sourceLine))
        }
        lines += fixIts.map { "fix-it: \($0.message)" }
        lines += notes.map(\.description)
        return lines.joined(separator: "\n")
    }

    /// Spaces (tabs kept) up to byte column `column` of `line`, then `^`.
    public static func caret(under column: Int, in line: String) -> String {
        let prefix = String(decoding: Array(line.utf8.prefix(max(0, column - 1))), as: UTF8.self)
        return prefix.map { $0 == "\t" ? "\t" : " " }.joined() + "^"
    }

    /// The diagnostic with every line number (its own and its notes') passed through `move`.
    public func movingLines(_ move: (Int) -> Int) -> LessonDiagnostic {
        var copy = self
        copy.location.line = move(location.line)
        copy.notes = notes.map { note in
            var note = note
            if let line = note.location?.line { note.location?.line = move(line) }
            return note
        }
        return copy
    }
}

extension Array where Element == LessonDiagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
