/// The text of some HTML for tests: tags dropped (a space where one was), the five entities decoded.
enum HTMLText {
    static func plain(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false; text.append(" ") }
            } else if character == "<" {
                inTag = true
            } else {
                text.append(character)
            }
        }
        return text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    }
}
