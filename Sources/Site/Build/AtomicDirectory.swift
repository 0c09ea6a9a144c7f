import Foundation

/// A site written beside its destination and swapped in by renaming, so readers never see half a site.
///
/// The build writes into `.NAME.tmp-PID` next to the output; `commit` renames the old site
/// aside, renames the new one into place and deletes the old. `discard` removes the new one
/// after a failure, leaving the old site untouched. A marker file, `.gradus-site`, lets the
/// next build check that the directory it replaces is a site and not someone's folder.
struct AtomicDirectory {
    static let marker = ".gradus-site"

    let destination: String
    let temporary: String

    init(destination: String) throws(SiteError) {
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        self.destination = url.path
        self.temporary = parent + "/." + name + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: self.destination, isDirectory: &isDirectory) {
            let contents = (try? manager.contentsOfDirectory(atPath: self.destination)) ?? []
            guard isDirectory.boolValue, contents.isEmpty || contents.contains(Self.marker) else {
                throw SiteError("\(destination) exists and is not a site gradus built; remove it or choose another --out")
            }
        }
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try? manager.removeItem(atPath: temporary)
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            try Data("built by gradus \(ExecutionCache.gradusVersion)\n".utf8).write(to: URL(fileURLWithPath: temporary + "/" + Self.marker))
        } catch {
            throw SiteError("cannot create \(temporary): \(error.localizedDescription)")
        }
    }

    /// Replaces the destination with the finished temporary directory.
    func commit() throws(SiteError) {
        let manager = FileManager.default
        let old = temporary.replacingOccurrences(of: ".tmp-", with: ".old-")
        try? manager.removeItem(atPath: old)
        let hadOld = manager.fileExists(atPath: destination)
        if hadOld, rename(destination, old) != 0 {
            throw SiteError("cannot move the old site \(destination) aside: \(String(cString: strerror(errno)))")
        }
        if rename(temporary, destination) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(old, destination) }
            throw SiteError("cannot move the new site into \(destination): \(reason)")
        }
        if hadOld { try? manager.removeItem(atPath: old) }
    }

    /// Deletes the unfinished site.
    func discard() {
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
