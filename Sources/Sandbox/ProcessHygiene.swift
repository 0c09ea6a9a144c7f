#if os(Linux)
import CSeccomp
import Glibc
#endif

/// What a sandboxed child does before `Sandbox.enter`: drop descriptors it inherited by accident.
extension Sandbox {
    /// Closes every inherited pipe and socket except standard input, output and error.
    ///
    /// A process started while the parent had other children's pipes open may inherit copies of
    /// them; the filter allows reading any open descriptor, so they are closed before it loads.
    /// Descriptors of other kinds (the runtime's event loop) are left alone.
    public static func closeInheritedPipes() {
        #if os(Linux)
        guard let directory = opendir("/proc/self/fd") else { return }
        var stale: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let fd = Int32(name), fd > 2, fd != dirfd(directory) else { continue }
            var target = [CChar](repeating: 0, count: 256)
            let count = readlink("/proc/self/fd/\(name)", &target, target.count - 1)
            guard count > 0 else { continue }
            let link = String(decoding: target.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("pipe:") || link.hasPrefix("socket:") { stale.append(fd) }
        }
        closedir(directory)
        for fd in stale { close(fd) }
        #endif
    }
}
