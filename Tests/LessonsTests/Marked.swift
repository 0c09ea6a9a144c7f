import Lessons

/// Test Markdown with position markers (`1️⃣`, `2️⃣`, ...) stripped out and their locations kept,
/// so tests name positions by pointing at them instead of counting columns.
struct Marked {
    static let markers = ["0️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// The text with markers removed.
    let source: String
    let path: String
    private let locations: [String: SourceLocation]

    init(_ text: String, path: String = "lesson.md") {
        var result = ""
        var locations: [String: SourceLocation] = [:]
        var line = 1
        var column = 1
        for character in text {
            if Marked.markers.contains(String(character)) {
                locations[String(character)] = SourceLocation(path: path, line: line, column: column)
                continue
            }
            result.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += String(character).utf8.count
            }
        }
        source = result
        self.path = path
        self.locations = locations
    }

    /// The location of `marker`; a missing marker is a test bug and yields an impossible location.
    subscript(_ marker: String) -> SourceLocation {
        locations[marker] ?? SourceLocation(path: "missing-marker", line: 0, column: 0)
    }

    /// The lesson parsed from the stripped text.
    var lesson: Lesson { Lesson.parse(source: source, path: path) }
}
