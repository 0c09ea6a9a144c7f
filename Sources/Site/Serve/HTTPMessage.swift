import Foundation
import Pages

/// One request as `gradus serve` reads it: the request line and headers, never a body.
///
/// The development server only answers GET and HEAD, so a body is never needed; reading just
/// the head keeps the parser small enough to check by eye.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The request target as sent, e.g. `/02-sgd.html?q=adam`.
    public var target: String
    public var version: String
    /// Header values by lower-case name (a repeated header keeps its last value).
    public var headers: [String: String]

    public init(method: String, target: String, version: String = "HTTP/1.1", headers: [String: String] = [:]) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    /// The target's path, still percent-encoded, without query or fragment; an absolute-form
    /// target (`http://host/path`, which proxies send) is reduced to its path.
    public var rawPath: String {
        var path = Substring(target)
        if path.lowercased().hasPrefix("http://") {
            let rest = path.dropFirst("http://".count)
            path = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        return String(path)
    }

    /// The query string after `?`, if any, without the `?`.
    public var query: String? {
        guard let start = target.firstIndex(of: "?") else { return nil }
        let rest = target[target.index(after: start)...]
        return String(rest.prefix { $0 != "#" })
    }

    /// The request parsed from its head (everything before the blank line), nil when malformed.
    public static func parse(_ head: String) -> HTTPRequest? {
        // "\r\n" is one Character in Swift, so both line ends are named.
        let lines = head.split(omittingEmptySubsequences: false) { $0 == "\r\n" || $0 == "\n" }
        guard let first = lines.first else { return nil }
        let parts = first.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }),
              !parts[1].isEmpty, parts[1].unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }),
              parts[2].hasPrefix("HTTP/1.") else { return nil }
        var request = HTTPRequest(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]))
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty else { return nil }
            request.headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return request
    }
}

/// A response of the development server: status, headers and the whole body in memory.
///
/// Site files are small (the largest is a KaTeX font), so bodies are plain `Data` and every
/// response carries its exact `Content-Length` and closes the connection afterwards.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header values by name as written on the wire; `Content-Length` and `Connection` are added when sent.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, contentType: String, body: Data, headers: [String: String] = [:]) {
        self.status = status
        self.body = body
        // A development server must never let a browser show a stale page after a rebuild.
        self.headers = ["Content-Type": contentType, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"]
            .merging(headers) { _, new in new }
    }

    /// A small HTML page for an error status, so the browser shows a readable message.
    public static func page(status: Int, message: String, headers: [String: String] = [:]) -> HTTPResponse {
        let title = "\(status) \(reason(status))"
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title)</title></head>
            <body><h1>\(title)</h1><p>\(HTML.escape(message))</p><p><a href="/">Back to the course</a></p></body></html>

            """
        return HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: Data(html.utf8), headers: headers)
    }

    /// True when the body is an HTML page (the only kind that gets the live-reload script).
    public var isHTML: Bool {
        headers["Content-Type"]?.lowercased().hasPrefix("text/html") ?? false
    }

    /// The bytes sent on the socket; HEAD gets the same headers without the body.
    public func serialized(includeBody: Bool) -> Data {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        var all = headers
        all["Content-Length"] = String(body.count)
        all["Connection"] = "close"
        for (name, value) in all.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var data = Data(head.utf8)
        if includeBody { data.append(body) }
        return data
    }

    /// The reason phrase of the statuses this server sends.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        default: "Status \(status)"
        }
    }
}
