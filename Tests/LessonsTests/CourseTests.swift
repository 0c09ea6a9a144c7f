import Foundation
import Testing
@testable import Lessons

@Suite struct CourseTests {
    /// A fresh directory holding `files`; removed by the caller.
    func makeCourse(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lessons-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
        return directory
    }

    func lesson(_ title: String) -> String { "---\ntitle: \(title)\n---\n\nText.\n" }

    @Test func loadsLessonsInOrderWithDefaults() throws {
        let directory = try makeCourse([
            "course.yml": """
                title: Training Networks
                authors: [Ada, Grace]
                lessons:
                  - 02-sgd.md
                  - 01-gd.md
                defaults:
                  timeout: 10
                  theme: dark
                """,
            "01-gd.md": lesson("Gradient descent"),
            "02-sgd.md": "---\ntitle: SGD\ntimeout: 3\n---\n\n```swift timeout=1\n```\n\n```swift\n```\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let course = Course.load(directory: directory)
        #expect(course.diagnostics.isEmpty, "\(course.diagnostics)")
        #expect(course.title == "Training Networks")
        #expect(course.authors == ["Ada", "Grace"])
        #expect(course.lessons.map(\.title) == ["SGD", "Gradient descent"])
        #expect(course.lessons.map(\.id) == ["02-sgd", "01-gd"])
        #expect(course.defaults.timeout == 10)
        #expect(course.defaults.extra["theme"] == .string("dark"))
        let sgd = try #require(course.lesson(id: "02-sgd"))
        #expect(course.timeout(for: sgd.cells[0], in: sgd) == 1)
        #expect(course.timeout(for: sgd.cells[1], in: sgd) == 3)
        let gd = try #require(course.lesson(id: "01-gd"))
        #expect(course.timeout(for: Lesson.parse(source: "```swift\n```", path: "x").cells[0], in: gd) == 10)
        #expect(sgd.path == directory + "/02-sgd.md")
    }

    @Test func collectsEveryOrderProblemAndKeepsLoadedLessons() throws {
        let manifest = Marked("""
            title: C
            1️⃣lessons:
              - a.md
              - 2️⃣ghost.md
              - 3️⃣momentm.md
              - 4️⃣a.md
              - broken.md
              - b.md
            """, path: "course.yml")
        let directory = try makeCourse([
            "course.yml": manifest.source,
            "a.md": lesson("Same"),
            "b.md": "---\ntitle: Same\n---\n",
            "broken.md": "---\ntitle: [unclosed\n---\n",
            "extra.md": lesson("Extra"),
            "momentum.md": lesson("Momentum"),
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let course = Course.load(directory: directory)
        let manifestPath = directory + "/course.yml"
        func at(_ marker: String) -> Lessons.SourceLocation {
            var location = manifest[marker]
            location.path = manifestPath
            return location
        }
        #expect(course.lessons.map(\.id) == ["a", "broken", "b"])
        #expect(course.order == ["a.md", "ghost.md", "momentm.md", "broken.md", "b.md"])

        let unlisted = course.diagnostics.filter { $0.message.contains("is not listed") }
        #expect(unlisted.map(\.location) == [at("1️⃣"), at("1️⃣")])
        #expect(unlisted.map(\.message).sorted() == [
            "lesson file 'extra.md' is not listed in course.yml 'lessons:'",
            "lesson file 'momentum.md' is not listed in course.yml 'lessons:'",
        ])
        #expect(unlisted.first?.fixIt?.range.start.line == 9)

        let ghost = course.diagnostics.first { $0.message.contains("'ghost.md'") }
        #expect(ghost?.location == at("2️⃣"))
        #expect(ghost?.fixIt == nil)
        let typo = course.diagnostics.first { $0.message.contains("'momentm.md'") }
        #expect(typo?.location == at("3️⃣"))
        #expect(typo?.fixIt?.replacement == "momentum.md")
        #expect(typo?.fixIt?.range.end == at("3️⃣").advanced(byColumns: 10))

        let twice = course.diagnostics.first { $0.message.contains("listed twice") }
        #expect(twice?.location == at("4️⃣"))

        let sameTitle = course.diagnostics.first { $0.message.contains("two lessons have the title 'Same'") }
        #expect(sameTitle?.location == SourceLocation(path: directory + "/b.md", line: 2, column: 1))
        #expect(sameTitle?.notes.first?.location?.path == directory + "/a.md")

        let yaml = course.diagnostics.first { $0.location.path.hasSuffix("broken.md") }
        #expect(yaml?.message.hasPrefix("malformed front matter") == true)
        #expect((2...3).contains(yaml?.location.line ?? 0))
        #expect(course.hasErrors)
        #expect(course.diagnostics.count == 7, "\(course.diagnostics.map(\.description))")
        #expect(course.diagnostics == course.diagnostics.sorted { $0.location < $1.location })
    }

    @Test func missingOrMalformedManifest() throws {
        let missing = try makeCourse(["a.md": lesson("A")])
        defer { try? FileManager.default.removeItem(atPath: missing) }
        let course = Course.load(directory: missing)
        #expect(course.diagnostics.map(\.location.path) == [missing + "/course.yml"])
        #expect(course.lessons.map(\.title) == ["A"], "lessons still load in name order")

        let malformed = try makeCourse(["course.yml": "title: C\nlessons: [a.md\n", "a.md": lesson("A")])
        defer { try? FileManager.default.removeItem(atPath: malformed) }
        let broken = Course.load(directory: malformed)
        let first = try #require(broken.diagnostics.first)
        #expect(first.message.hasPrefix("malformed course.yml"))
        #expect(first.location.path == malformed + "/course.yml")
        #expect(broken.lessons.map(\.title) == ["A"])
    }

    @Test func diagnosticDescriptionIsCompilerStyle() {
        let diagnostic = LessonDiagnostic.error(
            "bad", at: SourceLocation(path: "l/a.md", line: 3, column: 7),
            notes: [.init("see here", at: SourceLocation(path: "l/b.md", line: 1, column: 1))])
        #expect(diagnostic.description == "l/a.md:3:7: error: bad")
        #expect(diagnostic.fullDescription == "l/a.md:3:7: error: bad\nl/b.md:1:1: note: see here")
        #expect(SourceLocation(path: "a", line: 2, column: 9) < SourceLocation(path: "a", line: 10, column: 1))
    }
}
