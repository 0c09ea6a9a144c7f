import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices edits to a course folder by comparing snapshots of its files' sizes and times.
///
/// Polling a few hundred files every 300 ms costs well under a millisecond and works on every
/// file system (inotify misses edits on some network and container mounts), so it is simpler
/// and sturdier than kernel notifications for a preview server. The whole folder is watched,
/// lessons, `course.yml`, `theme/` and any data files, skipping hidden names (editor swap files,
/// `.gradus-cache`, the site's temporary folders), editor backups (`name~`, `#name#`) and the
/// output folder when it lies inside.
public struct FileWatcher: Sendable {
    /// What identifies a version of a file: an edit changes the time, an atomic save the inode.
    public struct Stamp: Equatable, Sendable {
        public var size: Int64
        public var seconds: Int
        public var nanoseconds: Int
        public var inode: UInt64
    }

    /// Every watched file by path (the root as given, then the relative path).
    public typealias Snapshot = [String: Stamp]

    public let root: String
    /// Standardized folders left out, e.g. the site being served.
    public let excluded: Set<String>

    /// Deeper folders are not entered, which also ends any loop of links.
    static let maximumDepth = 12

    public init(root: String, excluding: [String] = []) {
        self.root = root
        self.excluded = Set(excluding.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
    }

    /// The stamps of every watched file now.
    public func snapshot() -> Snapshot {
        var files: Snapshot = [:]
        scan(root, depth: 0, into: &files)
        return files
    }

    /// The paths added, removed or changed between two snapshots, sorted.
    public static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        var paths = Set<String>()
        for (path, stamp) in new where old[path] != stamp { paths.insert(path) }
        for path in old.keys where new[path] == nil { paths.insert(path) }
        return paths.sorted()
    }

    /// True for names an editor or gradus writes beside real files.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
            || name.hasSuffix(".swp") || name.hasSuffix(".tmp")
    }

    private func scan(_ folder: String, depth: Int, into files: inout Snapshot) {
        guard depth <= Self.maximumDepth,
              !excluded.contains(URL(fileURLWithPath: folder).standardizedFileURL.path),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !Self.isIgnored(name) {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var link = stat()
            guard lstat(path, &link) == 0 else { continue }
            if (link.st_mode & S_IFMT) == S_IFDIR {
                scan(path, depth: depth + 1, into: &files)
                continue
            }
            // A linked file is watched through its target; a link to a folder is not followed.
            var info = link
            if (link.st_mode & S_IFMT) == S_IFLNK {
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            } else if (link.st_mode & S_IFMT) != S_IFREG {
                continue
            }
            files[path] = Stamp(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec,
                                nanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
        }
    }
}
