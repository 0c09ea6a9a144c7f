import Foundation

/// Answers GET and HEAD with the files of a built site, never a file outside it.
///
/// Paths are percent-decoded before they are checked, so `/%2e%2e/` is refused like `/../`;
/// a path that still resolves outside the folder through a symbolic link is refused too.
/// Every request re-reads the disk, so a site swapped in by a rebuild is served at once.
public struct StaticFiles: Sendable {
    /// The site folder; need not exist yet (requests then get 404 until a build writes it).
    public let root: String

    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// Where a request leads.
    public enum Resolution: Equatable, Sendable {
        case file(String)
        /// A folder asked for without its trailing slash: relative links need the slash.
        case redirect(String)
        case notFound
        /// `..` in the path, or a link out of the site.
        case forbidden
        /// Malformed percent-encoding, a NUL byte, or a path not starting with `/`.
        case badRequest
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .page(status: 405, message: "gradus serve only answers GET and HEAD.", headers: ["Allow": "GET, HEAD"])
        }
        switch resolve(request.rawPath) {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                return .page(status: 404, message: "\(request.rawPath) could not be read.")
            }
            return HTTPResponse(status: 200, contentType: Self.contentType(of: path), body: data)
        case .redirect(let location):
            let target = location + (request.query.map { "?" + $0 } ?? "")
            return .page(status: 301, message: "Moved to \(target).", headers: ["Location": target])
        case .notFound:
            return .page(status: 404, message: "There is no \(request.rawPath) in the site. The page may have been renamed, or the last build may have failed; see the terminal.")
        case .forbidden:
            return .page(status: 403, message: "Only files inside the site are served.")
        case .badRequest:
            return .page(status: 400, message: "The path could not be read.")
        }
    }

    /// The file `rawPath` (percent-encoded, from the request line) names inside the site.
    public func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding, !decoded.contains("\0") else {
            return .badRequest
        }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0.contains("\\") }) { return .forbidden }
        let path = ([root] + segments.filter { $0 != "." }.map(String.init)).joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .notFound }
        guard isInside(path) else { return .forbidden }
        guard isDirectory.boolValue else { return .file(path) }
        guard decoded.hasSuffix("/") else {
            // Rebuilt from the raw segments so `//host` cannot become a redirect to another site.
            return .redirect("/" + rawPath.split(separator: "/").joined(separator: "/") + "/")
        }
        let index = path + "/index.html"
        return FileManager.default.fileExists(atPath: index) ? .file(index) : .notFound
    }

    /// False when symbolic links take `path` out of the site folder.
    private func isInside(_ path: String) -> Bool {
        let base = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return resolved == base || resolved.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// The `Content-Type` for a file, by its extension; unknown kinds are sent as bytes.
    public static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff": "font/woff"
        case "woff2": "font/woff2"
        case "ttf": "font/ttf"
        case "otf": "font/otf"
        case "txt", "md": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
