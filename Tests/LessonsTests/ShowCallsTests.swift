import Testing
@testable import Lessons

/// The `show(...)` wrappers of an exported script: found lexically and taken away exactly.
@Suite struct ShowCallsTests {
    /// Wraps the marked spans (between 1️⃣ and 2️⃣, 3️⃣ and 4️⃣) of `marked`, returning the plain code and the wrapped one.
    func wrapMarked(_ marked: String) -> (plain: String, wrapped: String) {
        var plain = "", ranges: [Range<Int>] = [], start = 0
        for character in marked {
            switch character {
            case "1️⃣", "3️⃣": start = plain.utf8.count
            case "2️⃣", "4️⃣": ranges.append(start..<plain.utf8.count)
            default: plain.append(character)
            }
        }
        return (plain, ShowCalls.wrap(plain, ranges))
    }

    @Test(arguments: [
        "1️⃣minimize(f, from: [1, 2], steps: 3) { GD() }2️⃣",
        "let a = 1\n1️⃣a2️⃣ // a comment (with a paren",
        "1️⃣table(columns: [\")\"], rows: [[\"(\"]])2️⃣\n",
        "1️⃣print(\"\\(f(\")\")) and \\\\ )\")2️⃣",
        "for lr in rates { 1️⃣plot(xs)2️⃣ }\n3️⃣x /* ) nested /* ( */ */4️⃣",
        "1️⃣#\"raw ) \\#(a) \"#2️⃣; 3️⃣\"\"\"\n  multi ) line\n  \"\"\"4️⃣",
        "1️⃣f(x)2️⃣\nlet show = 1 // show( in a comment\n",
    ])
    func wrappersComeOffExactly(_ marked: String) throws {
        let (plain, wrapped) = wrapMarked(marked)
        #expect(wrapped != plain)
        #expect(ShowCalls.unwrap(wrapped) == plain)
    }

    @Test func onlyStatementLevelCallsCount() {
        #expect(ShowCalls.hasStatementCall("show(x)"))
        #expect(ShowCalls.hasStatementCall("let a = 1; show(a)"))
        #expect(ShowCalls.hasStatementCall("for i in r {\n    show(i)\n}"))
        #expect(!ShowCalls.hasStatementCall("let a = show(x)"))
        #expect(!ShowCalls.hasStatementCall("myshow(x)\nreturn show(x)"))
        #expect(!ShowCalls.hasStatementCall("// show(x)\nlet s = \"show(x)\""))
        // An unclosed wrapper cannot be taken off.
        #expect(ShowCalls.unwrap("show(minimize(f)") == nil)
    }

    @Test func scriptWithShowTagRoundTrips() throws {
        let lesson = "# T\n\n```swift\nlet a = 2\na * 3\n```\n\n```swift test=x points=2\nexpect(true)\n```\n"
        // A stand-in for the interpreter's finder: the last line of a cell, unless it is a call to expect.
        let finder: PercentScript.DisplayFinder = { code in
            let last = code.split(separator: "\n").last.map(String.init) ?? ""
            guard !last.hasPrefix("expect") else { return [] }
            return [(code.utf8.count - last.utf8.count)..<code.utf8.count]
        }
        let script = PercentScript.script(fromLesson: lesson, displays: finder)
        #expect(script == "// %% [markdown]\n// # T\n\n// %% [show]\nlet a = 2\nshow(a * 3)\n\n// %% test=x points=2\nexpect(true)\n")
        #expect(try PercentScript.lesson(fromScript: script) == lesson)
    }

    @Test func cellsWithTheirOwnShowCallsAreLeftAlone() throws {
        let lesson = "```swift\nshow(1)\n2\n```\n"
        let script = PercentScript.script(fromLesson: lesson) { code in [(code.utf8.count - 1)..<code.utf8.count] }
        #expect(script == "// %%\nshow(1)\n2\n")
        #expect(try PercentScript.lesson(fromScript: script) == lesson)
    }

    @Test func anUnclosedWrapperIsAnError() throws {
        #expect(throws: LessonDiagnostic.self) { try PercentScript.lesson(fromScript: "// %% [show]\nshow(f(1)\n") }
        #expect(try PercentScript.lesson(fromScript: "// %% [show]\nshow(f(1))\n") == "```swift\nf(1)\n```\n")
    }
}
