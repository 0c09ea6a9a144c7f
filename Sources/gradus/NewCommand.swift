import ArgumentParser
import Foundation

/// `gradus new lesson TITLE`: the group for commands that add course files.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add a file to the course.",
        subcommands: [NewLesson.self]
    )
}

/// `gradus new lesson TITLE [--lessons DIR]`: the next numbered lesson, listed in course.yml.
struct NewLesson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Add NN-slug.md with front matter and a starter cell, and list it in course.yml.",
        discussion: """
            NN is one more than the highest number among the folder's lessons. course.yml is \
            edited in place: one line is added to 'lessons:', everything else is kept. Exit \
            status: 0 on success, 1 when course.yml is missing or has no 'lessons:' list.
            """
    )

    @Argument(help: "The lesson's title.")
    var title: String

    @Option(help: "The course folder holding course.yml.")
    var lessons = "lessons"

    func run() throws {
        let manifestPath = lessons + "/course.yml"
        guard let data = FileManager.default.contents(atPath: manifestPath),
            let manifest = String(data: data, encoding: .utf8)
        else { fail("no course.yml in '\(lessons)'; create a course with 'gradus init DIR'") }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lessons)) ?? []
        let number = (names.compactMap { Int($0.prefix { $0.isASCII && $0.isNumber }) }.max() ?? 0) + 1
        let file = (number < 10 ? "0" : "") + "\(number)-" + Self.slug(title) + ".md"
        guard let updated = Self.appendLesson(file, to: manifest) else {
            fail("\(manifestPath) has no 'lessons:' list to add '\(file)' to")
        }
        let lesson = """
            ---
            title: \(Self.yamlScalar(title))
            summary: One sentence for the course index.
            ---

            Introduce the idea here.

            ```swift
            minimize(Quadratic(), from: [1, 1], steps: 20) { GD(lr: 0.1) }
            ```

            """
        let lessonPath = lessons + "/" + file
        guard FileManager.default.createFile(atPath: lessonPath, contents: Data(lesson.utf8)),
            FileManager.default.createFile(atPath: manifestPath, contents: Data(updated.utf8))
        else { fail("cannot write '\(lessonPath)' or '\(manifestPath)'") }
        print("Created \(lessonPath) and listed it in \(manifestPath).")
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Gradus.exit(withError: ExitCode.failure)
    }

    /// Lower-case ASCII words joined by `-`; "lesson" when the title has none (a Cyrillic title).
    static func slug(_ title: String) -> String {
        let words = title.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "lesson" : words.joined(separator: "-")
    }

    /// The title as a YAML scalar: plain when safe, else double-quoted.
    static func yamlScalar(_ text: String) -> String {
        let plain = text.first.map { $0.isLetter || $0.isNumber } == true
            && text.allSatisfy { $0.isLetter || $0.isNumber || " -.,()".contains($0) } && text.last != " "
        if plain { return text }
        return "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    /// `manifest` with `file` added to its top-level `lessons:` list, nil when there is none.
    ///
    /// Only one line changes, so the author's comments, order and formatting survive.
    static func appendLesson(_ file: String, to manifest: String) -> String? {
        let newline = manifest.contains("\r\n") ? "\r\n" : "\n"
        var lines = manifest.components(separatedBy: newline)
        guard let key = lines.firstIndex(where: { $0.hasPrefix("lessons:") }) else { return nil }
        let value = lines[key].dropFirst("lessons:".count).trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("["), value.hasSuffix("]") {
            let inner = value.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            lines[key] = "lessons: [" + (inner.isEmpty ? file : inner + ", " + file) + "]"
            return lines.joined(separator: newline)
        }
        guard value.isEmpty || value.hasPrefix("#") else { return nil }
        var last = key
        var indent = "  "
        var index = key + 1
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- ") || trimmed == "-" {
                last = index
                indent = String(line.prefix { $0 == " " })
            } else if !(trimmed.isEmpty || trimmed.hasPrefix("#")) {
                break
            }
            index += 1
        }
        lines.insert(indent + "- " + file, at: last + 1)
        return lines.joined(separator: newline)
    }
}
