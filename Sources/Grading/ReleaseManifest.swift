import Lessons

/// What `gradus release` writes at the end of a student copy, so `gradus check` can grade the copy
/// exactly as `gradus grade` will grade it against the key.
///
/// Grading uses the key's cells and only the student's exercise cells, so check must know which
/// of the student's other cells are the released ones (a helper in a new cell, an edited test
/// will not exist when the work is graded) and the limit grading gives each test. One line of
/// HTML comment carries both; Markdown renderers show nothing for it. It is a convenience for the
/// student, not a trust boundary: grading never reads it.
public struct ReleaseManifest: Sendable, Equatable {
    /// The fingerprint of each released swift cell that is not an exercise, in order.
    public var cells: [String]
    /// Each test's time limit in seconds, in lesson order (visible and hidden tests alike).
    public var limits: [Double]

    public init(cells: [String], limits: [Double]) {
        self.cells = cells
        self.limits = limits
    }

    static let opening = "<!-- gradus release: "
    static let closing = " -->"

    /// The manifest of a released lesson's text, with the limits measured on the key.
    init(released: Lesson, limits: [Double]) {
        cells = released.cells.filter { $0.language == "swift" && $0.exercise == nil }.map(Self.fingerprint)
        self.limits = limits
    }

    /// The comment line, as appended to the student copy.
    public var line: String {
        let limitText = limits.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }.joined(separator: ",")
        return Self.opening + "cells=" + cells.joined(separator: ",") + " limits=" + limitText
            + " (gradus check reads this line; keep it)" + Self.closing
    }

    /// The manifest in `source`, from its last line that holds one; nil when there is none or it is malformed.
    public static func read(_ source: String) -> ReleaseManifest? {
        guard let line = source.split(separator: "\n").last(where: { $0.hasPrefix(opening) }) else { return nil }
        var cells: [String]?
        var limits: [Double]?
        for word in line.dropFirst(opening.count).split(separator: " ") {
            if word.hasPrefix("cells=") {
                cells = word.dropFirst(6).split(separator: ",").map(String.init)
            } else if word.hasPrefix("limits=") {
                let values = word.dropFirst(7).split(separator: ",").map { Double($0) }
                guard values.allSatisfy({ $0.map { $0 > 0 && $0.isFinite } == true }) else { return nil }
                limits = values.compactMap { $0 }
            }
        }
        guard let cells, let limits else { return nil }
        return ReleaseManifest(cells: cells, limits: limits)
    }

    /// A cell's fingerprint: FNV-1a (64 bits) of its fence attributes and code, in hex.
    ///
    /// Not a security measure (a student can edit the line); it only has to tell an edited cell
    /// from the released one.
    public static func fingerprint(_ cell: Cell) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (cell.attributes.description + "\n" + cell.source).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The text with this manifest as its last line.
    func appended(to text: String) -> String {
        (text.hasSuffix("\n") || text.isEmpty ? text : text + "\n") + "\n" + line + "\n"
    }
}
