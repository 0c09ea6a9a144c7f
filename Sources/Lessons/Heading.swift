/// A heading of a lesson, with the anchor the site gives it so links and sidebars agree.
public struct Heading: Sendable, Hashable {
    /// 1 for `#`, up to 6.
    public var level: Int
    /// The heading's text as a reader sees it, formulas as TeX.
    public var text: String
    /// The `id` of the heading in the rendered page, unique within the lesson.
    public var anchor: String
    /// Where the heading starts.
    public var location: SourceLocation
    /// The top-level block the heading is, so partial renders can number anchors.
    var blockIndex: Int

    /// Creates a heading.
    public init(level: Int, text: String, anchor: String, location: SourceLocation) {
        self.level = level
        self.text = text
        self.anchor = anchor
        self.location = location
        blockIndex = 0
    }

    /// The GitHub-style slug of `text`: lower-cased, letters, digits, `-` and `_` kept, blanks to `-`.
    ///
    /// Non-Latin letters are kept, so Russian and Chinese headings get readable anchors.
    public static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character.isWhitespace {
                slug.append("-")
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Gives each heading a slug not used before it on the page: `intro`, `intro-1`, `intro-2`.
    static func assignAnchors(_ headings: inout [Heading]) {
        var used: Set<String> = []
        for index in headings.indices {
            let base = slug(headings[index].text)
            var anchor = base
            var suffix = 1
            while used.contains(anchor) {
                anchor = "\(base)-\(suffix)"
                suffix += 1
            }
            used.insert(anchor)
            headings[index].anchor = anchor
        }
    }
}
