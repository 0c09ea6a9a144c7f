import Foundation
import Lessons

/// Files a lesson links by relative path (images, data, downloads), copied into the site so the
/// links work there as they do beside the Markdown.
///
/// A path is taken relative to the lesson's folder and lands at the same place under the site,
/// where the lesson's page is. A missing file, or one outside the lessons folder, is an error at
/// the link's line and column; the rest of the site is still written. Links to web addresses,
/// anchors (`#…`), other pages (`.html`, `.md`) and absolute paths are left alone.
enum LinkedFiles {
    /// A file to copy: where it is, and its path inside the site.
    struct File: Hashable {
        var source: String
        var destination: String
    }

    /// The files `lesson` links that exist, and an error for each that does not.
    static func collect(_ lesson: Lesson) -> (files: [File], errors: [LessonDiagnostic]) {
        let folder = (lesson.path as NSString).deletingLastPathComponent
        var files: [File] = []
        var errors: [LessonDiagnostic] = []
        func visit(_ node: MarkdownNode, at place: SourceLocation) {
            let here = node.range?.start ?? place
            switch node.kind {
            case let .image(destination, _), let .link(destination, _):
                if let relative = relativePath(destination) {
                    switch locate(relative, in: folder) {
                    case let .success(file): files.append(file)
                    case let .failure(problem): errors.append(.error(problem.message, at: here))
                    }
                }
            default:
                break
            }
            for child in node.children { visit(child, at: here) }
        }
        visit(lesson.document, at: SourceLocation(path: lesson.path, line: 1, column: 1))
        return (files, errors)
    }

    /// The file path a link names, decoded, when it is a relative path to a file; nil otherwise.
    static func relativePath(_ destination: String) -> String? {
        var path = Substring(destination)
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<cut] }
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("\\") else { return nil }
        // A scheme (`https:`, `mailto:`) comes before any slash.
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }
        let decoded = String(path).removingPercentEncoding ?? String(path)
        let lower = decoded.lowercased()
        guard !lower.hasSuffix(".html"), !lower.hasSuffix(".md") else { return nil }
        return decoded
    }

    /// The file for `relative` under `folder`, or why it cannot be copied.
    static func locate(_ relative: String, in folder: String) -> Result<File, LinkError> {
        var parts: [Substring] = []
        for part in relative.split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else {
                    return .failure(LinkError("'\(relative)' points outside the lessons folder; put the file inside it and link it by a path relative to the lesson"))
                }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let inside = parts.joined(separator: "/")
        let source = folder.isEmpty ? inside : folder + "/" + inside
        var isDirectory: ObjCBool = false
        guard !inside.isEmpty, FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .failure(LinkError("linked file '\(relative)' not found at \(source); add the file or correct the path (relative to the lesson)"))
        }
        return .success(File(source: source, destination: inside))
    }

    /// Copies `files` into `site`, each once.
    static func copy(_ files: [File], into site: String) throws(SiteError) {
        let manager = FileManager.default
        for file in Set(files).sorted(by: { $0.destination < $1.destination }) {
            let target = site + "/" + file.destination
            do {
                try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if manager.fileExists(atPath: target) { try manager.removeItem(atPath: target) }
                try manager.copyItem(atPath: file.source, toPath: target)
            } catch {
                throw SiteError("cannot copy \(file.source) into the site: \(error.localizedDescription)")
            }
        }
    }

    /// Why a link's file cannot be copied.
    struct LinkError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
