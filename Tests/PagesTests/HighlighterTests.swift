import Testing
@testable import Pages

/// Build-time Swift highlighting: classes from swift-syntax tokens, every byte of the code kept.
@Suite struct HighlighterTests {
    static let code = """
        // a comment
        let model = Sequential(seed: 3) { Dense(2, 8) }
        var x: Double = 1.5e-3 /* inline */
        if x > 0, true { print("loss \\(x)", nil as Int?) }
        """

    @Test func classifiesTokens() {
        let html = SwiftHighlighter.html(Self.code)
        #expect(html.contains("<span class=\"tok-com\">// a comment</span>"))
        #expect(html.contains("<span class=\"tok-com\">/* inline */</span>"))
        #expect(html.contains("<span class=\"tok-kw\">let</span> <span class=\"tok-id\">model</span>"))
        #expect(html.contains("<span class=\"tok-type\">Sequential</span>"))
        #expect(html.contains("<span class=\"tok-type\">Double</span>"))
        #expect(html.contains("<span class=\"tok-type\">Int</span>"))
        #expect(html.contains("<span class=\"tok-lit\">1.5e-3</span>"))
        #expect(html.contains("<span class=\"tok-lit\">3</span>"))
        #expect(html.contains("<span class=\"tok-lit\">true</span>"))
        #expect(html.contains("<span class=\"tok-lit\">nil</span>"))
        #expect(html.contains("<span class=\"tok-kw\">if</span>"))
        #expect(html.contains("<span class=\"tok-str\">loss </span>"))
        #expect(html.contains("<span class=\"tok-id\">seed</span>"))
    }

    /// Removing the spans and unescaping gives back the code exactly, even for code that does not parse.
    @Test(arguments: [code, "let a = [1, 2\nfor <x> in & \"unterminated", "a < b && c > d // <tag>"])
    func keepsEveryByte(_ source: String) {
        let html = SwiftHighlighter.html(source)
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { text.append(character) }
        }
        let decoded = text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"").replacing("&amp;", with: "&")
        #expect(decoded == source)
        #expect(!html.contains("<x>") && !html.contains("<tag>"))
    }
}
