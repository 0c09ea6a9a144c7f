import Foundation
import Testing
@testable import Lessons

/// The percent-format script: its exact shape for a small lesson, and lossless round trips.
@Suite struct AuthoringTests {
    /// The checkout's root, found from this file's path so the tests run from any directory.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Whether the round trip gives back the same bytes (String `==` would equate NFC and NFD).
    func roundTrips(_ markdown: String) throws -> Bool {
        let script = PercentScript.script(fromLesson: markdown)
        let back = try PercentScript.lesson(fromScript: script)
        return Array(back.utf8) == Array(markdown.utf8)
    }

    @Test func smallLessonExportsToTheHandWrittenScript() throws {
        let lesson = """
            ---
            title: Small
            ---

            # Small

            Some prose.

            ```swift
            let x = 1
            x + 1
            ```

            ```swift exercise=momentum points=2
            // a comment
            let y = 2
            ```
            ```python
            print(1)
            ```

            %% not a header
            """
        let expected = """
            // ---
            // title: Small
            // ---

            // %% [markdown]
            // # Small
            //
            // Some prose.

            // %%
            let x = 1
            x + 1

            // %% exercise=momentum points=2
            // a comment
            let y = 2
            // %% [markdown]
            // ```python
            // print(1)
            // ```
            //
            //\\ %% not a header
            """
        #expect(PercentScript.script(fromLesson: lesson) == expected)
        #expect(try PercentScript.lesson(fromScript: expected) == lesson)
    }

    @Test func fenceStylesAndTrailingBlanksAreTagged() {
        let lesson = "~~~swift hide\na\n~~~\n\n````swift\nb\n\n`````\n"
        let script = PercentScript.script(fromLesson: lesson)
        #expect(script == "// %% [fence=~~~] hide\na\n\n// %% [fence=````] [close=`````] [blank=1]\nb\n\n")
    }

    @Test(arguments: [
        "",
        "\n",
        "\n\n# Title\n\n",
        "# T\n```swift\nx\n```",
        "# T\r\n\r\n```swift norun\r\n// %% inside code\r\n//\\ %% escaped already\r\n```\r\n",
        "```swift\r\n```",
        "# Mixed\r\nline\n```swift\r\n1\n```\r\n",
        "---\ntitle: FM\n%%odd: 1\n---\n```swift\n\n\n```\n\n\n",
        "# Odd fences\n\n  ```swift\n  indented\n  ```\n\n```swift\nunclosed\n",
        "# T\n\n- item\n\n  ```swift test=a\n  nested\n  ```\n\n```swift  two  spaces\n1\n```   \n",
        "# T\n\n```swift [weird]\n1\n```\n\n```swiftly\n2\n```\n\n``` swift\n3\n```\n",
        "# Trailing spaces   \n\n   \n\n\t\n```swift raises=\"a b\"\n1\n```\n \n",
        "# Unicode café\u{301}\n\n```swift\nlet s = \"e\u{301}\"\n```\n",
    ])
    func trickyFixturesRoundTrip(_ markdown: String) throws {
        #expect(try roundTrips(markdown))
    }

    @Test func everyCourseLessonAndTheDSLGuideRoundTrip() throws {
        let lessons = Self.root.appendingPathComponent("lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: lessons.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(names.count >= 12)
        var paths = names.map { lessons.appendingPathComponent($0).path }
        paths.append(Self.root.appendingPathComponent("docs/dsl.md").path)
        for path in paths {
            let markdown = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            let lesson = Lesson.parse(source: markdown, path: path)
            let script = PercentScript.script(from: lesson)
            let back = try PercentScript.lesson(fromScript: script)
            #expect(Array(back.utf8) == Array(markdown.utf8), "\(path) does not round-trip")
            // The fallback to prose-only output must not be what makes the round trip pass.
            let topLevelSwift = lesson.segments.filter {
                if case .cell(let cell) = $0 { return cell.language == "swift" && cell.isClosed } else { return false }
            }.count
            let codeHeaders = script.split(separator: "\n").filter { $0.hasPrefix("// %%") && !$0.hasPrefix("// %% [markdown]") }.count
            #expect(codeHeaders == topLevelSwift, "\(path): \(codeHeaders) code cells in the script, \(topLevelSwift) in the lesson")
        }
    }

    @Test func malformedScriptsAreReportedWithTheirLine() throws {
        #expect(throws: LessonDiagnostic.self) { try PercentScript.lesson(fromScript: "let x = 1\n") }
        #expect(throws: LessonDiagnostic.self) { try PercentScript.lesson(fromScript: "// %% [markdown]\nnot a comment\n") }
        #expect(throws: LessonDiagnostic.self) { try PercentScript.lesson(fromScript: "// %% [fence=xx]\n1\n") }
        #expect(throws: LessonDiagnostic.self) { try PercentScript.lesson(fromScript: "// %% [blank=2]\n1\n\n") }
        #expect(try PercentScript.lesson(fromScript: "// %% [markdown]\n//hand written\n// %% hide\n1\n")
            == "hand written\n```swift hide\n1\n```\n")
    }
}
