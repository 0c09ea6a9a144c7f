import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Why `gradus serve` could not start: the port is taken, not allowed, or sockets failed.
public struct ServeError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A small HTTP/1.1 server on 127.0.0.1 for previewing a site: one thread per connection.
///
/// POSIX sockets rather than a networking package, because a preview server needs little and
/// the project avoids dependencies. It listens on the loopback address only, so the course is
/// never exposed to the network; each connection carries one request and is closed, and read
/// and write time limits stop a stuck client from holding a thread for long.
public final class HTTPServer: Sendable {
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The port listened on; the one the system chose when asked for port 0.
    public let port: UInt16
    private let descriptor: Int32
    private let handler: Handler
    private let phase = Mutex(Phase.bound)
    private let finished = DispatchSemaphore(value: 0)

    /// One lock-protected phase rather than separate flags, so a stop racing a start cannot
    /// leave the socket closed twice or an accept loop running on a closed socket.
    private enum Phase { case bound, accepting, stopped }

    /// Binds 127.0.0.1:`port` and listens; connections wait in the backlog until `start`.
    public init(port: UInt16, handler: @escaping Handler) throws(ServeError) {
        self.handler = handler
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw ServeError("cannot create a socket: \(Self.lastError)") }
        var reuse: Int32 = 1
        // Lets a restarted server take its port back at once instead of waiting out TIME_WAIT;
        // on Linux it does not let two servers listen on one port.
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 128) == 0 else {
            let code = errno
            close(socket)
            throw Self.bindError(code, port: port)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        self.descriptor = socket
        self.port = UInt16(bigEndian: address.sin_port)
    }

    /// Starts accepting connections on a thread of its own; does nothing once started or stopped.
    public func start() {
        let starting = phase.withLock { phase in
            guard phase == .bound else { return false }
            phase = .accepting
            return true
        }
        if starting { Thread.detachNewThread { [self] in acceptLoop() } }
    }

    /// Stops accepting and closes the listening socket before returning; requests already
    /// being answered finish on their own threads.
    public func stop() {
        let previous = phase.withLock { phase in
            defer { phase = .stopped }
            return phase
        }
        switch previous {
        case .bound: close(descriptor)
        case .accepting: _ = finished.wait(timeout: .now() + 2)
        case .stopped: break
        }
    }

    private var isStopped: Bool { phase.withLock { $0 == .stopped } }

    /// Accepts until stopped, polling so the stop flag is seen within a fifth of a second
    /// (closing a socket another thread is blocked on does not wake it on Linux).
    private func acceptLoop() {
        var listener = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while !isStopped {
            guard poll(&listener, 1, 200) > 0 else { continue }
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let handler = self.handler
            Thread.detachNewThread { HTTPConnection(descriptor: client).serve(handler) }
        }
        close(descriptor)
        finished.signal()
    }

    private static func bindError(_ code: Int32, port: UInt16) -> ServeError {
        switch code {
        case EADDRINUSE:
            ServeError("port \(port) is already in use on 127.0.0.1; stop the program using it or choose another with --port N (--port 0 picks a free one)")
        case EACCES:
            ServeError("not allowed to listen on port \(port) (ports below 1024 need root); choose another with --port N")
        default:
            ServeError("cannot listen on 127.0.0.1:\(port): \(String(cString: strerror(code)))")
        }
    }

    static var lastError: String { String(cString: strerror(errno)) }
}

/// One accepted connection: reads a request head, answers it, closes.
struct HTTPConnection {
    let descriptor: Int32

    /// Longest request head accepted; browsers send a few hundred bytes.
    static let maximumHead = 32 * 1024
    /// Seconds a client has to send its request head, in all.
    static let requestDeadline = 10.0

    func serve(_ handler: HTTPServer.Handler) {
        defer { close(descriptor) }
        setTimeout(SO_RCVTIMEO, seconds: 5)
        setTimeout(SO_SNDTIMEO, seconds: 10)
        let response: HTTPResponse
        var includeBody = true
        switch readHead() {
        case .head(let text):
            if let request = HTTPRequest.parse(text) {
                includeBody = request.method != "HEAD"
                response = handler(request)
            } else {
                response = .page(status: 400, message: "The request could not be read.")
            }
        case .tooLarge: response = .page(status: 431, message: "The request headers are too large.")
        case .timedOut: response = .page(status: 408, message: "The request took too long to arrive.")
        case .closed: return
        }
        send(response.serialized(includeBody: includeBody))
        // Tell the client we are done, then drain what it still sends (a body we did not read)
        // so closing does not reset the connection and cut off the response.
        shutdown(descriptor, Int32(SHUT_WR))
        setTimeout(SO_RCVTIMEO, seconds: 1)
        var scratch = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        while drained < 1 << 20 {
            let count = recv(descriptor, &scratch, scratch.count, 0)
            if count <= 0 { break }
            drained += count
        }
    }

    enum Head { case head(String), tooLarge, timedOut, closed }

    /// Reads up to the blank line that ends the head.
    private func readHead() -> Head {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(Self.requestDeadline)
        while true {
            if let end = Self.headEnd(buffer) { return .head(String(decoding: buffer[..<end], as: UTF8.self)) }
            if buffer.count > Self.maximumHead { return .tooLarge }
            if Date() > deadline { return .timedOut }
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count == 0 { return .closed }
            if count < 0 {
                if errno == EINTR { continue }
                return errno == EAGAIN || errno == EWOULDBLOCK ? (buffer.isEmpty ? .closed : .timedOut) : .closed
            }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// Where the head ends (before `\r\n\r\n` or a bare `\n\n`), if it has arrived.
    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 1..<bytes.count where bytes[index] == 10 {
            if bytes[index - 1] == 10 { return index - 1 }
            if index >= 3, bytes[index - 1] == 13, bytes[index - 2] == 10, bytes[index - 3] == 13 { return index - 3 }
        }
        return nil
    }

    /// Writes all of `data`; MSG_NOSIGNAL because a reader that went away must not kill gradus with SIGPIPE.
    private func send(_ data: Data) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var sent = 0
            while sent < raw.count {
                let count = Glibc.send(descriptor, base + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return }
                sent += count
            }
        }
    }

    private func setTimeout(_ option: Int32, seconds: Int) {
        var limit = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, option, &limit, socklen_t(MemoryLayout<timeval>.size))
    }
}
