import Foundation
import Testing

/// `gradus build` as a process: exit status, terminal lines, errors with a caret.
@Suite struct CommandTests {
    func gradus() throws -> String {
        try #require(Processes.gradus, "the gradus binary is built with the tests (swift build --build-tests)")
    }

    @Test func successExitsZeroAndPrintsALinePerLessonInOrder() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let outcome = try Processes.run(try gradus(), ["build", "--jobs", "3"], in: fixture.root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("lessons/01-descent.md: 2 cells run, 0 failed, "))
        #expect(lines[1].hasPrefix("lessons/02-compare.md: 3 cells run, 0 failed, "))
        #expect(lines[2].hasPrefix("lessons/03-attributes.md: 2 cells run, 0 failed, "))
        #expect(outcome.stdout.hasPrefix("wrote site (4 pages): 7 cells run, 0 failed"))
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/site/index.html"))
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/.gradus-cache/cells"))
        let warm = try Processes.run(try gradus(), ["build"], in: fixture.root)
        #expect(warm.status == 0)
        #expect(warm.stderr.contains("lessons/02-compare.md: 0 cells run, 0 failed, 3 cached, "))
    }

    @Test func failingCellExitsOneAfterWritingEveryPage() throws {
        let fixture = try Fixture(lessons: Fixture.standardLessons + [("04-broken.md", "# Broken\n\n```swift\nlet x = 1 +\n```\n")])
        defer { fixture.remove() }
        let outcome = try Processes.run(try gradus(), ["build", "--lessons", "lessons", "--out", "public"], in: fixture.root)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("lessons/04-broken.md: 1 cell run, 1 failed, "))
        let error = try #require(outcome.stderr.split(separator: "\n").firstIndex { $0.hasPrefix("lessons/04-broken.md:4:") })
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[error].contains(": error: "))
        #expect(lines[error + 1] == "let x = 1 +")
        #expect(lines[error + 2].hasSuffix("^") && lines[error + 2].allSatisfy { $0 == " " || $0 == "^" })
        for page in ["index.html", "01-descent.html", "04-broken.html"] {
            #expect(FileManager.default.fileExists(atPath: fixture.root + "/public/" + page), "\(page)")
        }
    }

    @Test func courseErrorsExitOneAndPrintTheirLocation() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("# Stray\n", to: "lessons/05-stray.md")
        let outcome = try Processes.run(try gradus(), ["build"], in: fixture.root)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("lessons/course.yml:3:1: error: lesson file '05-stray.md' is not listed"))
        #expect(outcome.stdout.contains("no site written"))
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/site"))
    }

    @Test func badUsageExits64() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(try Processes.run(try gradus(), ["build", "--jobs", "0"], in: fixture.root).status == 64)
        #expect(try Processes.run(try gradus(), ["build", "--lessons", "nowhere"], in: fixture.root).status == 64)
    }
}
