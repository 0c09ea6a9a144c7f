import Foundation
import Snippets

/// Length-prefixed frames over a pipe: four bytes of big-endian length, then that many bytes.
///
/// A length prefix lets the reader know where a message ends without trusting its contents, and a
/// cap on the length turns garbage from a broken kernel into an error rather than a huge allocation.
enum Framing {
    /// The largest frame accepted: far above a cell's capped output, far below the parent's memory.
    static let maxFrame = 64 << 20

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let body = try ResultCoding.encode(value)
        let count = UInt32(body.count)
        return [UInt8(count >> 24), UInt8((count >> 16) & 0xff), UInt8((count >> 8) & 0xff), UInt8(count & 0xff)] + body
    }

    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws -> T {
        try ResultCoding.decode(type, from: body)
    }

    /// Writes all of `bytes` to `fd`, retrying short writes and interrupted calls; false when the pipe is closed.
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}

/// Reads frames from a file descriptor, waiting at most until a deadline for each.
struct FrameReader {
    enum Failure: Error, Equatable {
        /// The other end closed the pipe (the process exited or died).
        case closed
        /// Nothing complete arrived before the deadline.
        case timedOut
        /// A length over the cap: the bytes are not frames.
        case garbage(String)
    }

    let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
    }

    /// The next frame's body; `deadline` is in `DispatchTime.uptimeNanoseconds`, nil to wait forever.
    mutating func next(deadline: UInt64?) -> Result<[UInt8], Failure> {
        while true {
            if buffer.count >= 4 {
                let length = buffer[0..<4].reduce(0) { $0 << 8 | Int($1) }
                if length > Framing.maxFrame {
                    return .failure(.garbage("a message of \(length) bytes, over the \(Framing.maxFrame >> 20) MiB limit"))
                }
                if buffer.count >= 4 + length {
                    let body = Array(buffer[4..<(4 + length)])
                    buffer.removeFirst(4 + length)
                    return .success(body)
                }
            }
            if let failure = fill(deadline: deadline) { return .failure(failure) }
        }
    }

    /// Reads what is available into the buffer, waiting for it until the deadline.
    private mutating func fill(deadline: UInt64?) -> Failure? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            var wait: Int32 = -1
            if let deadline {
                let now = DispatchTime.now().uptimeNanoseconds
                if now >= deadline { return .timedOut }
                wait = Int32(min(UInt64(Int32.max), (deadline - now) / 1_000_000 + 1))
            }
            let ready = poll(&poller, 1, wait)
            if ready < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return .closed }
            buffer.append(contentsOf: chunk[0..<count])
            return nil
        }
    }
}
