import Foundation
import Outputs

/// Contour maps drawn while one lesson is rendered, kept so its page and its notebook draw each
/// map once.
///
/// A build renders every lesson twice, as a page and as a notebook, and the two show the same
/// contour maps; drawing them was a third of the parent's work in a cold build. The memo is a
/// task-local value, like Descent's `ComputeSettings`: `LessonRunner` sets a fresh one around a
/// lesson's page and notebook, and nothing outside that scope sees it. A map is reused only for
/// a comparison equal to the one it was drawn for (a comparison holding NaN is never equal, and
/// is simply drawn again).
public final class FigureMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var maps: [(runs: RunsOutput, svg: String)] = []

    public init() {}

    /// The memo of the lesson being rendered, if the caller set one.
    @TaskLocal public static var current: FigureMemo?

    /// The map drawn for `runs` earlier in this scope, or `draw()`'s, remembered.
    func contourMap(_ runs: RunsOutput, draw: () -> String) -> String {
        if let found = lock.withLock({ maps.first { $0.runs == runs }?.svg }) { return found }
        let svg = draw()
        lock.withLock { maps.append((runs, svg)) }
        return svg
    }
}
