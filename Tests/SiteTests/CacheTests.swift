import Foundation
import Testing
@testable import Site

/// The execution cache: a prose edit runs nothing, a code edit reruns its lesson, `--no-cache` runs all.
@Suite struct CacheTests {
    /// Cells the interpreter ran per lesson, by file name.
    static func ran(_ report: BuildReport) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: report.lessons.map { (($0.path as NSString).lastPathComponent, $0.cellsRun) })
    }

    @Test func proseEditRunsNoCellAndMatchesAColdBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let cold = try fixture.build()
        #expect(cold.cellsRun == 2 + 3 + 2, "every runnable cell runs once (norun cells never run)")
        #expect(!cold.failed)
        let warm = try fixture.build()
        #expect(warm.cellsRun == 0)
        #expect(warm.lessons.allSatisfy { $0.cached })
        // Add lines of prose above the cells: results are reused and the raises cell's error line moves.
        try fixture.edit("lessons/03-attributes.md", replacing: "Prose before the cells.",
                         with: "Prose before the cells,\n\nnow with a second paragraph\n\nand a third.")
        let edited = try fixture.build()
        #expect(edited.cellsRun == 0)
        let page = try fixture.read("site/03-attributes.html")
        #expect(page.contains("now with a second paragraph"))
        #expect(page.contains("03-attributes.md:18:20"), "the expected error points at its new line")
        // A cold build of the edited course writes the same page.
        _ = try fixture.build(useCache: false)
        #expect(try fixture.read("site/03-attributes.html") == page)
    }

    @Test func codeEditRerunsThatLessonOnly() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        try fixture.edit("lessons/01-descent.md", replacing: "let rate = 0.1", with: "let rate = 0.25")
        let report = try fixture.build()
        #expect(Self.ran(report) == ["01-descent.md": 2, "02-compare.md": 0, "03-attributes.md": 0])
        #expect(try fixture.read("site/01-descent.html").contains("rate 0.25"))
        // Editing the last cell of a lesson also reruns the lesson (the interpreter state cannot be restored).
        try fixture.edit("lessons/03-attributes.md", replacing: "print(done)", with: "print(!done)")
        let again = try fixture.build()
        #expect(Self.ran(again) == ["01-descent.md": 0, "02-compare.md": 0, "03-attributes.md": 2])
        #expect(try fixture.read("site/03-attributes.html").contains("<pre class=\"output output-text\">false</pre>"))
    }

    @Test func attributeEditChangesTheKey() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        try fixture.edit("lessons/01-descent.md", replacing: "```swift\ntable(", with: "```swift hide\ntable(")
        #expect(Self.ran(try fixture.build())["01-descent.md"] == 2)
    }

    @Test func noCacheRunsEverything() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let report = try fixture.build(useCache: false)
        #expect(report.cellsRun == 7)
        #expect(report.lessons.allSatisfy { !$0.cached })
    }

    /// A damaged entry is a miss (its lesson runs again and the page is the cold build's), and an
    /// older version's `.json` entry is pruned rather than kept forever.
    @Test func aDamagedEntryIsAMissAndOldEntriesArePruned() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let pages = try ["01-descent.html", "02-compare.html", "03-attributes.html"].map { try fixture.read("site/" + $0) }
        let folder = fixture.cache + "/cells/student"
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!entries.isEmpty && entries.allSatisfy { $0.hasSuffix(".result") }, "\(entries)")
        let victim = folder + "/" + entries[0]
        var bytes = try #require(FileManager.default.contents(atPath: victim))
        bytes.removeLast(bytes.count / 2)
        try bytes.write(to: URL(fileURLWithPath: victim))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/" + entries[0].replacing(".result", with: ".json")))
        let report = try fixture.build()
        #expect(report.lessons.filter { !$0.cached }.count == 1, "only the damaged entry's lesson runs again")
        #expect(report.cellsRun > 0)
        #expect(try ["01-descent.html", "02-compare.html", "03-attributes.html"].map { try fixture.read("site/" + $0) } == pages)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == entries)
    }

    /// Keys chain: a cell's key covers the cells before it, so changing cell 1 changes every key.
    @Test func keysCoverEarlierCells() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let text = try fixture.read("lessons/01-descent.md")
        let before = ExecutionCache.keys(for: .parse(source: text, path: "a.md"), defaultTimeout: nil)
        let prose = ExecutionCache.keys(for: .parse(source: text.replacing("small.", with: "tiny."), path: "a.md"), defaultTimeout: nil)
        let code = ExecutionCache.keys(for: .parse(source: text.replacing("0.1\n", with: "0.2\n"), path: "a.md"), defaultTimeout: nil)
        let lastCell = ExecutionCache.keys(for: .parse(source: text.replacing("title: \"sweep\"", with: "title: \"s\""), path: "a.md"), defaultTimeout: nil)
        #expect(before.count == 2 && Set(before).count == 2)
        #expect(prose == before)
        #expect(code[0] != before[0] && code[1] != before[1])
        #expect(lastCell[0] == before[0] && lastCell[1] != before[1])
        #expect(ExecutionCache.keys(for: .parse(source: text, path: "b.md"), defaultTimeout: nil) != before)
        #expect(before.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
    }

    /// A lesson with an unexpected failure is not cached, so the next build retries it.
    @Test func failuresAreNotCached() throws {
        let fixture = try Fixture(lessons: [("01-bad.md", "# Bad\n\n```swift\nlet a = 1\n```\n\n```swift\nmissing + 1\n```\n")])
        defer { fixture.remove() }
        let first = try fixture.build()
        #expect(first.failed && first.lessons[0].cellsFailed == 1)
        #expect(try fixture.build().cellsRun == 2)
    }

    /// The site does not depend on how many lessons run at once.
    @Test func outputIndependentOfJobs() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build(useCache: false, jobs: 1)
        let serial = try ["index.html", "01-descent.html", "02-compare.html", "03-attributes.html", "search.json"].map { try fixture.read("site/" + $0) }
        _ = try fixture.build(useCache: false, jobs: 3)
        let parallel = try ["index.html", "01-descent.html", "02-compare.html", "03-attributes.html", "search.json"].map { try fixture.read("site/" + $0) }
        #expect(serial == parallel)
    }
}
