import ArgumentParser
import Foundation
import Lessons
import Snippets

/// `gradus export LESSON.md [-o FILE.swift | --package DIR]`: the lesson as a percent-format Swift script or package.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a lesson as a Swift script in the percent format.",
        discussion: """
            Each Swift cell follows a '// %%' line with its attributes; prose becomes \
            '// %% [markdown]' cells of '//' comments; front matter is a header comment. \
            A cell's displayed values become show(...) calls, so the script prints what the page shows. \
            'gradus import' turns the script back into the same Markdown, byte for byte. \
            With --package DIR, writes a SwiftPM package whose 'swift run' compiles the cells against \
            Descent and prints the same tables as 'gradus run'. \
            See docs/authoring.md. Exit status: 0 on success, 64 for bad usage or an unreadable file.
            """
    )

    @Argument(help: "The lesson's Markdown file.")
    var lesson: String

    @Option(name: .shortAndLong, help: "Write the script here instead of standard output.")
    var output: String?

    @Option(help: ArgumentHelp("Write a SwiftPM package here instead of a script.", valueName: "dir"))
    var package: String?

    @Option(help: ArgumentHelp("With --package: the Gradus checkout to depend on (default: the one gradus was built from).", valueName: "path"))
    var descentPath: String?

    @Option(help: ArgumentHelp("With --package: depend on Descent by this Git URL (needs --descent-version).", valueName: "url"))
    var descentURL: String?

    @Option(help: ArgumentHelp("With --package and --descent-url: the exact version to depend on.", valueName: "version"))
    var descentVersion: String?

    func validate() throws {
        if package != nil, output != nil { throw ValidationError("give either -o FILE or --package DIR, not both") }
        if package == nil, descentPath != nil || descentURL != nil || descentVersion != nil {
            throw ValidationError("--descent-path, --descent-url and --descent-version only go with --package DIR")
        }
        if (descentURL == nil) != (descentVersion == nil) { throw ValidationError("--descent-url and --descent-version go together") }
        if descentURL != nil, descentPath != nil { throw ValidationError("give either --descent-path or --descent-url, not both") }
    }

    func run() throws {
        do {
            let text = try AuthoringFiles.read(lesson, what: "lesson")
            if let package {
                try writePackage(text, to: package)
                return
            }
            let script = PercentScript.script(fromLesson: text, path: lesson, displays: DisplayedValues.ranges)
            try AuthoringFiles.write(script, to: output)
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.validationFailure
        }
    }
}

extension ExportCommand {
    func writePackage(_ text: String, to directory: String) throws {
        let dependency: LessonPackage.Dependency
        if let descentURL, let descentVersion {
            dependency = .url(descentURL, version: descentVersion)
        } else {
            let checkout = descentPath ?? Self.checkout
            guard FileManager.default.fileExists(atPath: checkout + "/Package.swift") else {
                throw UsageError("no Gradus checkout at '\(checkout)' (no Package.swift); give --descent-path or --descent-url")
            }
            dependency = .path(URL(fileURLWithPath: checkout).standardizedFileURL.path)
        }
        let exported = LessonPackage(lessonSource: text, path: lesson, dependency: dependency)
        for file in exported.files {
            let path = directory + "/" + file.path
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw UsageError("cannot create '\(folder)': \(error.localizedDescription)")
            }
            try AuthoringFiles.write(file.contents, to: path)
        }
        print("wrote \(directory)/Package.swift and \(directory)/Sources/main.swift; run it with: cd \(directory) && swift run")
    }

    /// The checkout this binary was built from: three folders up from this source file.
    static var checkout: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}

/// Exact-byte reading and writing shared by `export` and `import`.
enum AuthoringFiles {
    /// The file's text; a missing or non-UTF-8 file is a usage error (decoding would change bytes).
    static func read(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("cannot read \(what) '\(path)': no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("cannot read \(what) '\(path)': not UTF-8 text")
        }
        return text
    }

    /// Writes `text` to `path`, or to standard output when `path` is nil.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw UsageError("cannot write '\(path)'")
        }
    }
}
