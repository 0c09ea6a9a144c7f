import Crypto
import Foundation
import Lessons
import Snippets

/// Cell results on disk, keyed so that a result is reused only when nothing that could change it changed.
///
/// A cell's key is the SHA-256 of the gradus version, the site view, the lesson's path and time
/// limit, and the attributes, columns and source of every cell the view runs up to and including
/// it. Prose is not part of any key, so editing prose re-renders without re-running; a code edit
/// changes the key of that cell and every later one. Entries are files in the binary result format
/// (`ResultCoding`: numbers as their bit patterns, so a cached result is bit for bit the one run) under
/// `cells/<view>/`: the student view (solutions replaced by `todo()`) and the instructor's view
/// never share a result, and building one never prunes the other's.
public struct ExecutionCache: Sendable {
    /// The version of gradus in every key: results from another version are never reused.
    public static let gradusVersion = "0.2.0"

    public let directory: String
    public let view: SiteView

    public init(directory: String, view: SiteView = .student) {
        self.directory = directory
        self.view = view
    }

    var cellsDirectory: String { directory + "/cells/" + view.rawValue }

    /// One key per cell of `lesson` that `view` runs, in order.
    public static func keys(for lesson: Lesson, view: SiteView = .student, defaultTimeout: Double?) -> [String] {
        var hasher = SHA256()
        func feed(_ text: String) {
            // Length-prefixed, so no two different sequences of fields hash the same bytes.
            hasher.update(data: Data("\(text.utf8.count):".utf8))
            hasher.update(data: Data(text.utf8))
        }
        feed("gradus \(gradusVersion)")
        feed(view.rawValue)
        feed(lesson.path)
        feed((lesson.timeout ?? defaultTimeout).map { String($0) } ?? "-")
        var keys: [String] = []
        for cell in lesson.cells where view.runs(cell) {
            feed("cell")
            feed(cell.attributes.description)
            feed(cell.lineColumns.map(String.init).joined(separator: ","))
            feed(cell.source)
            keys.append(hasher.finalize().map { String(format: "%02x", $0) }.joined())
        }
        return keys
    }

    func path(for key: String) -> String { cellsDirectory + "/" + key + Self.entrySuffix }

    /// The file suffix of an entry; anything else in the folder (an older format's `.json`) is pruned.
    static let entrySuffix = ".result"

    /// A stored result with the opening-fence lines of swift cells 1...k when it was made, so its
    /// lines can follow the cells when prose above them grows or shrinks (prose is not in the key).
    struct Entry: Codable {
        var result: CellResult
        var fenceLines: [Int]

        /// The result with its lines moved to where the cells are now.
        func relocated(to current: [Int]) -> CellResult {
            guard current != fenceLines else { return result }
            return result.movingLines { line in
                guard let cell = fenceLines.lastIndex(where: { $0 <= line }), cell < current.count else { return line }
                return line + current[cell] - fenceLines[cell]
            }
        }
    }

    /// The entry stored under `key`, nil when absent or unreadable (a corrupt entry is just a miss).
    func load(_ key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path(for: key)) else { return nil }
        return try? ResultCoding.decode(Entry.self, from: [UInt8](data))
    }

    /// Writes `entry` under `key` through a temporary file, so a reader never sees half an entry.
    func store(_ entry: Entry, key: String) throws {
        try FileManager.default.createDirectory(atPath: cellsDirectory, withIntermediateDirectories: true)
        let data = Data(try ResultCoding.encode(entry))
        let temporary = path(for: key) + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try data.write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, path(for: key)) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    /// Removes entries whose keys are not in `used`, so the cache holds only the current course's results.
    func prune(keeping used: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: cellsDirectory) else { return }
        for name in names where !name.contains(".tmp-") {
            if name.hasSuffix(Self.entrySuffix), used.contains(String(name.dropLast(Self.entrySuffix.count))) { continue }
            try? FileManager.default.removeItem(atPath: cellsDirectory + "/" + name)
        }
    }
}

extension ExecutionCache {
    /// One lesson's results in this cache's view, and how they were obtained.
    public struct Run: Sendable {
        /// The results of the cells the view runs, in order; in the student view failures after an
        /// exercise that stopped at `todo()` carry a note saying why (`SiteView.explainingFailures`).
        public var records: [CellResult]
        /// Cells run now (0 when every result came from the cache).
        public var cellsRun: Int
        public var cached: Bool
        /// The cache keys of the cells, in order.
        public var keys: [String]
    }

    /// The lesson's results: all from the cache when every key hits, else every cell run by
    /// `executor` in order (the environment after one cell cannot be saved) and stored unless a
    /// cell failed unexpectedly, so a failure is retried rather than remembered. The lesson must
    /// already be in the view's form (`Lesson.studentCopy()` for the student view). `gradus build`
    /// and `gradus export --to ipynb` both get results here, so they share one cache.
    public func results(for lesson: Lesson, executor: any CellExecutor, useCache: Bool = true,
                        defaultTimeout: Double? = nil, defaultMemory: Int? = nil) -> Run {
        let keys = Self.keys(for: lesson, view: view, defaultTimeout: defaultTimeout)
        let fenceLines = lesson.cells.filter(view.runs).map { $0.fenceRange.start.line }
        var run = Run(records: [], cellsRun: 0, cached: false, keys: keys)
        if useCache {
            let hits = keys.compactMap { load($0) }
            if hits.count == keys.count {
                run.records = hits.enumerated().map { index, entry in entry.relocated(to: Array(fenceLines.prefix(index + 1))) }
                run.cached = true
            }
        }
        if !run.cached {
            var notebook = NotebookOptions()
            if let defaultTimeout { notebook.timeout = defaultTimeout }
            var job = NotebookJob(lesson: lesson, options: notebook)
            job.cells = job.cells.filter(view.runs)
            job.memoryBytes = lesson.memory ?? defaultMemory
            let result = executor.run(job)
            run.records = result.cells
            run.cellsRun = result.cells.filter { $0.status != .skipped }.count
            if !result.hasUnexpectedFailure, run.records.count == keys.count {
                for (record, key) in zip(run.records, keys) {
                    try? store(Entry(result: record, fenceLines: Array(fenceLines.prefix(record.number))), key: key)
                }
            }
        }
        run.records = view.explainingFailures(run.records, in: lesson)
        return run
    }
}
