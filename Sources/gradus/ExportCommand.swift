import ArgumentParser
import Foundation
import Lessons
import Site
import Snippets

/// `gradus export LESSON.md [-o FILE.swift | -o FILE.ipynb | --package DIR]`: the lesson as a
/// percent-format Swift script, a Jupyter notebook with its results, or a SwiftPM package.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a lesson as a Swift script in the percent format, or as a Jupyter notebook.",
        discussion: """
            Each Swift cell follows a '// %%' line with its attributes; prose becomes \
            '// %% [markdown]' cells of '//' comments; front matter is a header comment. \
            A cell's displayed values become show(...) calls, so the script prints what the page shows. \
            'gradus import' turns the script back into the same Markdown, byte for byte. \
            With --to ipynb (or -o FILE.ipynb), writes an nbformat 4.5 notebook: the lesson is run \
            (through the execution cache, in kernels) and every cell's results are embedded; \
            --no-run leaves them out; 'gradus import' turns it back into the same Markdown. \
            --student writes the released form (solutions replaced, hidden tests absent). \
            With --package DIR, writes a SwiftPM package whose 'swift run' compiles the cells against \
            Descent and prints the same tables as 'gradus run'. '-' is standard input or output. \
            See docs/authoring.md. Exit status: 0 on success, 1 when a cell failed (the notebook is \
            still written) or the student copy cannot be made, 64 for bad usage or an unreadable file.
            """
    )

    /// What export writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// The percent-format Swift script.
        case swift
        /// A Jupyter notebook.
        case ipynb
    }

    @Argument(help: "The lesson's Markdown file, or '-' for standard input.")
    var lesson: String

    @Option(name: .shortAndLong, help: "Write here instead of standard output ('-' is standard output).")
    var output: String?

    @Option(help: "swift (a percent-format script) or ipynb (a notebook); default: from -o's extension, else swift.")
    var to: Format?

    @Flag(help: "With ipynb: write the notebook without running the lesson, so without outputs.")
    var noRun = false

    @Flag(help: "Write the released form: solutions replaced by todo(), hidden tests absent.")
    var student = false

    @Flag(help: "With ipynb: run every cell, ignoring cached results.")
    var noCache = false

    @OptionGroup var kernel: KernelOptions

    @Option(help: ArgumentHelp("Write a SwiftPM package here instead of a script.", valueName: "dir"))
    var package: String?

    @Option(help: ArgumentHelp("With --package: the Gradus checkout to depend on (default: the one gradus was built from).", valueName: "path"))
    var descentPath: String?

    @Option(help: ArgumentHelp("With --package: depend on Descent by this Git URL (needs --descent-version).", valueName: "url"))
    var descentURL: String?

    @Option(help: ArgumentHelp("With --package and --descent-url: the exact version to depend on.", valueName: "version"))
    var descentVersion: String?

    /// `--to`, else `ipynb` for an `-o` ending in `.ipynb`, else the script.
    var format: Format {
        to ?? (output?.lowercased().hasSuffix(".ipynb") == true ? .ipynb : .swift)
    }

    func validate() throws {
        if package != nil, output != nil { throw ValidationError("give either -o FILE or --package DIR, not both") }
        if package != nil, to != nil || student || noRun { throw ValidationError("--to, --student and --no-run do not go with --package") }
        if package == nil, descentPath != nil || descentURL != nil || descentVersion != nil {
            throw ValidationError("--descent-path, --descent-url and --descent-version only go with --package DIR")
        }
        if (descentURL == nil) != (descentVersion == nil) { throw ValidationError("--descent-url and --descent-version go together") }
        if descentURL != nil, descentPath != nil { throw ValidationError("give either --descent-path or --descent-url, not both") }
        if format != .ipynb, noRun || noCache { throw ValidationError("--no-run and --no-cache only go with a notebook (--to ipynb or -o FILE.ipynb)") }
    }

    func run() throws {
        do {
            let text = try AuthoringFiles.read(lesson, what: "lesson")
            if let package {
                try writePackage(text, to: package)
                return
            }
            let path = lesson == "-" ? "stdin.md" : lesson
            var model = Lesson.parse(source: text, path: path)
            if student {
                do {
                    model = try model.studentCopy()
                } catch {
                    FileHandle.standardError.write(Data((error.rendered + "\n").utf8))
                    throw ExitCode.failure
                }
            }
            guard format == .ipynb else {
                let script = PercentScript.script(fromLesson: model.source, path: path, displays: DisplayedValues.ranges)
                try AuthoringFiles.write(script, to: output)
                return
            }
            let records = noRun ? nil : results(of: model)
            try AuthoringFiles.write(NotebookOutputs.notebook(model, records: records).text, to: output)
            let failures = (records ?? []).filter { $0.status == .error }.compactMap(\.error)
            for failure in failures { FileHandle.standardError.write(Data((failure.rendered + "\n").utf8)) }
            if !failures.isEmpty { throw ExitCode.failure }
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.validationFailure
        }
    }

    /// The lesson's results through the execution cache, in kernels: in a course folder (one with
    /// a course.yml) the cache and defaults `gradus build` uses there; else `.gradus-cache` beside
    /// the lesson.
    func results(of model: Lesson) -> [CellResult] {
        let folder = URL(fileURLWithPath: model.path).deletingLastPathComponent().path
        let isCourse = FileManager.default.fileExists(atPath: folder + "/course.yml")
        let defaults = isCourse ? Course.load(directory: folder).defaults : Course.Defaults()
        let directory = isCourse ? BuildOptions.defaultCache(for: folder) : folder + "/.gradus-cache"
        let cache = ExecutionCache(directory: directory, view: student ? .student : .solutions)
        return cache.results(for: model, executor: kernel.executor(width: 1), useCache: !noCache,
                             defaultTimeout: defaults.timeout, defaultMemory: defaults.memory).records
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
    /// The file's text (standard input for `-`); a missing or non-UTF-8 file is a usage error (decoding would change bytes).
    static func read(_ path: String, what: String) throws -> String {
        let contents = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data = contents else {
            throw UsageError("cannot read \(what) '\(path)': no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError("cannot read \(what) '\(path)': not UTF-8 text")
        }
        return text
    }

    /// Writes `text` to `path`, or to standard output when `path` is nil or `-`.
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw UsageError("cannot write '\(path)'")
        }
    }
}
