import Foundation
import Lessons
import Pages
import Snippets
import Testing

/// The whole renderer on a fixture lesson, compared byte for byte with a committed snapshot.
///
/// `Fixtures/showcase.md` holds a table, an image, math, every output kind, an exercise and its
/// test; its cells run in-process and the article is drawn as the site draws it. A change to the
/// markup fails here until `scripts/update-snapshots.sh` writes the new snapshot, so every change
/// to what pages look like shows up in review as a diff of `Fixtures/*.html`.
@Suite struct SnapshotTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    /// Set by `scripts/update-snapshots.sh`: write the snapshots instead of comparing.
    static let updating = ProcessInfo.processInfo.environment["GRADUS_UPDATE_SNAPSHOTS"] == "1"

    /// The fixture under a relative name: error locations on the page must not depend on where the checkout is.
    static func fixture() throws -> Lesson {
        Lesson.parse(source: try String(contentsOfFile: fixtures + "/showcase.md", encoding: .utf8), path: "showcase.md")
    }

    /// The showcase lesson's article, its cells run, as the instructor's site shows it.
    static func showcase() throws -> String {
        let lesson = try fixture()
        let results = Dictionary(Notebook.run(lesson).cells.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
        return LessonArticle(lesson) { cell in CellHTML.html(cell, result: results[cell.index]) }.html
    }

    /// The showcase as a feedback page would show its lessons: headings one level down, no anchor links.
    static func showcaseShifted() throws -> String {
        let lesson = try fixture()
        return LessonArticle(lesson, anchorLinks: false, headingShift: 1) { _ in nil }.html
    }

    func check(_ actual: String, snapshot name: String) throws {
        let path = Self.fixtures + "/" + name
        if Self.updating {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
        let got = line < actualLines.count ? String(actualLines[line].prefix(300)) : "<end>"
        let wanted = line < expectedLines.count ? String(expectedLines[line].prefix(300)) : "<end>"
        Issue.record("\(name) differs at line \(line + 1):\n  got:      \(got)\n  expected: \(wanted)\nrun scripts/update-snapshots.sh if the change is meant")
    }

    @Test func showcaseArticleMatchesItsSnapshot() throws {
        try check(Self.showcase(), snapshot: "showcase.html")
    }

    @Test func shiftedShowcaseMatchesItsSnapshot() throws {
        try check(Self.showcaseShifted(), snapshot: "showcase-shifted.html")
    }

    /// Rendering twice gives the same bytes: the snapshot can only differ because the renderer changed.
    @Test func renderingIsDeterministic() throws {
        #expect(try Self.showcase() == Self.showcase())
    }
}
