import Foundation

/// Reads one submitted file without following symbolic links, so a student can never make the
/// grader read the key, `/etc/passwd` or a device through a link, a FIFO or a folder.
enum SubmissionFile {
    enum Outcome: Equatable {
        case data([UInt8])
        case missing
        /// What stands there instead: "a symbolic link", "a folder", "a device or pipe".
        case notRegular(String)
        case tooLarge(Int)
        case unreadable(String)
    }

    /// `<parent>/<folder>/<name>`, with `folder` and `name` opened with `O_NOFOLLOW` and checked by
    /// `fstat` on the opened descriptor (no gap between the check and the read).
    static func read(_ name: String, in folder: String, of parent: String, limit: Int) -> Outcome {
        let directory = open(parent + "/" + folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else {
            if errno == ENOENT { return .missing }
            // With O_DIRECTORY a link fails as ENOTDIR, like a file: lstat tells which it is.
            var status = stat()
            let link = lstat(parent + "/" + folder, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
            return .notRegular(link ? "a symbolic link (the student's folder)" : "something other than a folder (the student's folder)")
        }
        defer { close(directory) }
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let fd = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return .missing
            case ELOOP: return .notRegular("a symbolic link")
            default: return .unreadable(String(cString: strerror(errno)))
            }
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .notRegular("a folder")
        default: return .notRegular("a device, pipe or socket")
        }
        if Int(status.st_size) > limit { return .tooLarge(Int(status.st_size)) }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var total = 0
        while total < bytes.count {
            let count = bytes[total...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return .unreadable(String(cString: strerror(errno))) }
            if count == 0 { break }
            total += count
        }
        // The file may have grown since fstat: the limit holds for what was read.
        if total > limit { return .tooLarge(total) }
        return .data(Array(bytes[0..<total]))
    }
}
