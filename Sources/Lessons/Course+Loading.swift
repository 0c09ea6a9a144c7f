import Foundation
import Yams

extension Course {
    /// Loads `directory/course.yml` and its lessons, collecting every problem instead of stopping.
    ///
    /// Checks: the manifest parses and has `title` and `lessons`; every `.md` file beside it is
    /// listed and every entry names a file; no lesson is listed twice; no two lessons share a title.
    /// Lessons that load are returned even when others fail.
    public static func load(directory: String) -> Course {
        var loader = CourseLoader(directory: directory)
        return loader.load()
    }
}

/// The state of one course load: the manifest as parsed so far and the problems found.
struct CourseLoader {
    let directory: String
    var diagnostics: [LessonDiagnostic] = []

    init(directory: String) { self.directory = directory }

    mutating func load() -> Course {
        var course = Course(directory: directory, title: "")
        let manifest = course.manifestPath
        let files = lessonFiles()
        var entries: [(name: String, location: SourceLocation, range: SourceRange)] = []
        var lessonsKey = SourceLocation(path: manifest, line: 1, column: 1)
        var lastEntryLine: Int?
        if let data = FileManager.default.contents(atPath: manifest) {
            let text = SourceText(String(decoding: data, as: UTF8.self), path: manifest)
            let manifestEntries = parseManifest(text, into: &course)
            entries = manifestEntries.entries
            lessonsKey = manifestEntries.key ?? lessonsKey
            lastEntryLine = entries.last?.location.line
            if manifestEntries.key == nil {
                entries = files.map { ($0, lessonsKey, SourceRange(at: lessonsKey)) }
            }
        } else {
            diagnostics.append(.error(
                "no course.yml in '\(directory)': it lists the course title and the lessons in order",
                at: SourceLocation(path: manifest, line: 1, column: 1)))
            entries = files.map { ($0, lessonsKey, SourceRange(at: lessonsKey)) }
        }
        let listed = Set(entries.map(\.name))
        for file in files where !listed.contains(file) {
            let insertion = SourceLocation(path: manifest, line: (lastEntryLine ?? lessonsKey.line) + 1, column: 1)
            diagnostics.append(.error(
                "lesson file '\(file)' is not listed in course.yml 'lessons:'", at: lessonsKey,
                fixIt: .init("add '\(file)' to lessons", range: SourceRange(at: insertion),
                             replacement: "  - \(file)\n")))
        }
        var seen: [String: SourceLocation] = [:]
        var titles: [String: (path: String, location: SourceLocation)] = [:]
        for entry in entries {
            if let first = seen[entry.name] {
                diagnostics.append(.error(
                    "lesson '\(entry.name)' is listed twice", at: entry.location,
                    notes: [.init("first listed here", at: first)]))
                continue
            }
            seen[entry.name] = entry.location
            course.order.append(entry.name)
            guard files.contains(entry.name) else {
                let unlisted = files.filter { !listed.contains($0) }
                let guess = unlisted.min { editDistance($0, entry.name) < editDistance($1, entry.name) }
                    .flatMap { editDistance($0, entry.name) <= max(3, entry.name.count / 3) ? $0 : nil }
                diagnostics.append(.error(
                    "course.yml lists '\(entry.name)' but there is no such lesson file in '\(directory)'",
                    at: entry.location,
                    fixIt: guess.map { .init("did you mean '\($0)'?", range: entry.range, replacement: $0) }))
                continue
            }
            let lesson: Lesson
            do {
                lesson = try Lesson.load(path: Course.join(directory, entry.name))
            } catch {
                diagnostics.append(error)
                continue
            }
            diagnostics += lesson.diagnostics
            if !lesson.title.isEmpty {
                let location = lesson.frontMatter.keyLocations["title"]
                    ?? lesson.headings.first { $0.level == 1 }?.location
                    ?? SourceLocation(path: lesson.path, line: 1, column: 1)
                if let first = titles[lesson.title] {
                    diagnostics.append(.error(
                        "two lessons have the title '\(lesson.title)'", at: location,
                        notes: [.init("'\(first.path)' has it too", at: first.location)]))
                } else {
                    titles[lesson.title] = (lesson.path, location)
                }
            }
            course.lessons.append(lesson)
        }
        course.diagnostics = diagnostics.sorted { $0.location < $1.location }
        return course
    }

    /// The `.md` files directly in the directory, sorted.
    private func lessonFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
    }

    /// Fills the course's fields from `course.yml`; returns the `lessons:` entries and the key's location.
    private mutating func parseManifest(
        _ text: SourceText, into course: inout Course
    ) -> (entries: [(name: String, location: SourceLocation, range: SourceRange)], key: SourceLocation?) {
        let yaml = EmbeddedYAML(source: text, firstLine: 1)
        let start = text.location(line: 1, column: 1)
        let node: Node?
        switch yaml.compose(text.text, what: "course.yml") {
        case .success(let composed): node = composed
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return ([], nil)
        }
        guard let mapping = node?.mapping else {
            diagnostics.append(.error("course.yml must be a mapping with 'title:' and 'lessons:'", at: start))
            return ([], nil)
        }
        var entries: [(name: String, location: SourceLocation, range: SourceRange)] = []
        var lessonsKey: SourceLocation?
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let location = yaml.location(of: value.mark ?? keyNode.mark)
            switch key {
            case "title":
                if let title = value.scalar?.string { course.title = title } else {
                    diagnostics.append(.error("course 'title' must be text", at: location))
                }
            case "authors":
                if let author = value.scalar?.string {
                    course.authors = [author]
                } else if let list = value.sequence {
                    course.authors = list.compactMap { $0.scalar?.string }
                } else {
                    diagnostics.append(.error("'authors' must be a name or a list of names", at: location))
                }
            case "lessons":
                lessonsKey = yaml.location(of: keyNode.mark)
                guard let list = value.sequence else {
                    diagnostics.append(.error("'lessons' must be a list of lesson file names", at: location))
                    continue
                }
                for item in list {
                    let itemLocation = yaml.location(of: item.mark)
                    guard let name = item.scalar?.string, !name.isEmpty else {
                        diagnostics.append(.error("each 'lessons' entry must be a file name", at: itemLocation))
                        continue
                    }
                    let end = itemLocation.advanced(byColumns: name.utf8.count)
                    entries.append((name, itemLocation, SourceRange(start: itemLocation, end: end)))
                }
            case "defaults":
                parseDefaults(value, yaml: yaml, into: &course.defaults)
            default:
                course.extra[key] = YAMLValue(value)
            }
        }
        if course.title.isEmpty {
            diagnostics.append(.error("course.yml has no 'title'", at: start, fixIt: .init(
                "add a title", range: SourceRange(at: start), replacement: "title: \n")))
        }
        if lessonsKey == nil {
            diagnostics.append(.error("course.yml has no 'lessons:' list", at: start))
        }
        return (entries, lessonsKey)
    }

    private mutating func parseDefaults(_ value: Node, yaml: EmbeddedYAML, into defaults: inout Course.Defaults) {
        guard let mapping = value.mapping else {
            diagnostics.append(.error("'defaults' must be a mapping such as 'timeout: 10'", at: yaml.location(of: value.mark)))
            return
        }
        for (keyNode, item) in mapping {
            let key = keyNode.string ?? ""
            let converted = YAMLValue(item)
            if key == "timeout" {
                guard let seconds = converted.number, seconds > 0, seconds.isFinite else {
                    diagnostics.append(.error(
                        "defaults 'timeout' must be a positive number of seconds, not '\(converted)'",
                        at: yaml.location(of: item.mark)))
                    continue
                }
                defaults.timeout = seconds
            } else if key == "memory" {
                guard let bytes = converted.string.flatMap(MemorySize.bytes) else {
                    diagnostics.append(.error(
                        "defaults 'memory' must be \(MemorySize.advice), not '\(converted)'", at: yaml.location(of: item.mark)))
                    continue
                }
                defaults.memory = bytes
            } else {
                defaults.extra[key] = converted
            }
        }
    }
}

/// The Levenshtein distance between two names, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
