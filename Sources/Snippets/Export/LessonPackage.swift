import Foundation
import Lessons

/// A lesson as a SwiftPM package whose `swift run` prints what `gradus run` shows: `gradus export --package`.
///
/// The cells become real Swift against the real Descent: `try` where tensor operations may
/// throw, `show(...)` for what the page displays, and the test cells inside `do`/`catch` so
/// a failed check is reported and the rest still runs, as in the notebook. The prose stays as
/// comments, so `Sources/main.swift` reads like the lesson.
public struct LessonPackage: Sendable {
    /// Where the package finds Descent.
    public enum Dependency: Sendable, Equatable {
        /// A checkout of this project on disk.
        case path(String)
        /// A published copy, at an exact version.
        case url(String, version: String)

        /// SwiftPM's identity for the package: the last path component, without `.git`.
        var identity: String {
            let location: String
            switch self {
            case let .path(path): location = path
            case let .url(url, _): location = url
            }
            var last = location.split(separator: "/").last.map(String.init) ?? "gradus"
            if last.hasSuffix(".git") { last.removeLast(4) }
            return last.lowercased()
        }
    }

    /// The executable's name, from the lesson file: `04-momentum.md` → `lesson-04-momentum`.
    public var name: String
    public var packageManifest: String
    public var mainSource: String

    public init(lessonSource: String, path: String, dependency: Dependency) {
        name = Self.executableName(forLessonAt: path)
        packageManifest = Self.manifest(name: name, dependency: dependency, lessonPath: path)
        let lesson = Lesson.parse(source: lessonSource, path: path)
        let code = lesson.cells.filter(\.runs).map(\.source).joined(separator: "\n")
        let userFunctions = CompiledSwift.declaredFunctions(in: code)
        let userTypes = CompiledSwift.declaredTypes(in: code)
        let script = PercentScript.transformedScript(from: lesson, displays: DisplayedValues.ranges) { code, cell in
            Self.compiled(code, cell: cell, userFunctions: userFunctions, userTypes: userTypes)
        }
        mainSource = """
            // \(path) as a Swift program, written by `gradus export --package`.
            // `swift run` prints what `gradus run \(path)` shows; prose is in the `// %% [markdown]` comments.
            import Descent
            import Foundation
            import Outputs


            """ + script
    }

    /// The files to write, relative to the package folder.
    public var files: [(path: String, contents: String)] {
        [("Package.swift", packageManifest), ("Sources/main.swift", mainSource), (".gitignore", ".build/\n.swiftpm/\nPackage.resolved\n")]
    }

    /// One cell as compiled Swift: tests guarded, cells that never run commented out.
    static func compiled(_ code: String, cell: Cell, userFunctions: Set<String>, userTypes: Set<String> = []) -> String {
        if !cell.runs {
            return (["// (not run in the lesson: norun)"] + code.split(separator: "\n", omittingEmptySubsequences: false).map { "// " + $0 })
                .joined(separator: "\n")
        }
        let swift = CompiledSwift.rewrite(code, userFunctions: userFunctions, userTypes: userTypes)
        guard cell.test != nil || cell.raises else { return swift }
        let indented = swift.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
        let report = cell.raises ? "print(\"raised, as expected: \\(error)\")" : "print(\"test failed: \\(error)\")"
        return (["do {"] + indented + ["} catch {", "    " + report, "}"]).joined(separator: "\n")
    }

    /// The module the exported executable compiles into, as SwiftPM names it: `lesson-04-momentum` → `lesson_04_momentum`.
    ///
    /// `gradus run` names the lesson's types with it where compiled Swift does (`[lesson_04_momentum.Phase.warmup]`),
    /// so the two print the same.
    static func moduleName(forLessonAt path: String) -> String {
        executableName(forLessonAt: path).replacingOccurrences(of: "-", with: "_")
    }

    static func executableName(forLessonAt path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        let words = stem.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return "lesson-" + (words.isEmpty ? "script" : words.joined(separator: "-"))
    }

    static func manifest(name: String, dependency: Dependency, lessonPath: String) -> String {
        let package: String
        switch dependency {
        case let .path(path): package = ".package(path: \(literal(path)))"
        case let .url(url, version): package = ".package(url: \(literal(url)), exact: \(literal(version)))"
        }
        return """
            // swift-tools-version:6.0
            // Written by `gradus export --package` from \(lessonPath). `swift run` builds and runs the lesson.
            import PackageDescription

            let package = Package(
                name: \(literal(name)),
                dependencies: [
                    \(package),
                ],
                targets: [
                    .executableTarget(
                        name: \(literal(name)),
                        dependencies: [
                            .product(name: "Descent", package: \(literal(dependency.identity))),
                            .product(name: "Outputs", package: \(literal(dependency.identity))),
                        ],
                        path: "Sources"
                    ),
                ],
                // Lesson code is written for a notebook, not for strict concurrency checking.
                swiftLanguageModes: [.v5]
            )

            """
    }

    /// A Swift string literal for `text`.
    static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
