import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw HTTP client over a loopback socket, so tests send request lines exactly as written.
///
/// Real clients (curl, browsers, URLSession) resolve `/../` before sending, which would hide
/// whether the server itself refuses path traversal; this one sends the bytes it is given.
enum LoopbackClient {
    struct Reply {
        var status: Int
        /// Header values by lower-case name.
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `GET path` (or another method) and reads the reply until the server closes.
    static func request(port: UInt16, _ path: String, method: String = "GET", host: String = "127.0.0.1") throws -> Reply {
        try send(port: port, "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUser-Agent: gradus-tests\r\n\r\n")
    }

    /// Sends `raw` as it is and parses the reply.
    static func send(port: UInt16, _ raw: String) throws -> Reply {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket failed") }
        defer { close(socket) }
        var limit = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to port \(port): \(String(cString: strerror(errno)))") }
        let bytes = Array(raw.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw Failure(description: "send failed") }
        var reply = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count <= 0 { break }
            reply.append(contentsOf: chunk[..<count])
        }
        return try parse(reply)
    }

    static func parse(_ data: Data) throws -> Reply {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = data.range(of: separator) else { throw Failure(description: "no header end in \(data.count) bytes") }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }
}
