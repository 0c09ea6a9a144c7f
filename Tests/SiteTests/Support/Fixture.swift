import Foundation
@testable import Site

/// A small course written to a fresh temporary folder: `root/lessons/…`, built into `root/site`.
struct Fixture {
    let root: String
    var lessons: String { root + "/lessons" }
    var site: String { root + "/site" }
    var cache: String { root + "/.gradus-cache" }

    /// Three lessons: math and prose; a table, a plot and a 2-D comparison; hide, norun and raises cells.
    static let standardLessons: [(String, String)] = [
        ("01-descent.md", """
            ---
            title: Gradient descent
            summary: One step downhill at a time.
            ---

            # Gradient descent

            A step moves against the gradient: $w \\leftarrow w - \\eta \\nabla L(w)$, where
            the rate $\\eta$ is small; prices of $5 and $6 stay text. The word zebrafish is unique to this lesson.

            $$
            L(w) = \\frac{1}{2} \\sum_i (w x_i - y_i)^2
            $$

            ## First cell

            ```swift
            let rate = 0.1
            print("rate", rate)
            ```

            ## A table

            ```swift
            table(columns: ["lr", "loss"], rows: [[0.1, 0.5], [0.01, 0.25]], title: "sweep")
            ```
            """),
        ("02-compare.md", """
            ---
            title: Comparing optimizers
            ---

            # Comparing optimizers

            ```swift hide
            let f = Rosenbrock()
            ```

            ## Paths

            ```swift
            minimize(f, from: [-1.5, 2.0], steps: 30) {
                GD(lr: 0.001)
                Adam(lr: 0.05)
            }
            ```

            ```swift
            plot([100.0, 10.0, 1.0, 0.1], title: "decades")
            ```
            """),
        ("03-attributes.md", """
            ---
            title: Attributes
            ---

            # Attributes

            Prose before the cells.

            ```swift norun
            this is not Swift at all
            ```

            ```swift raises
            Tensor([1.0, 2.0]) + Tensor([1.0, 2.0, 3.0])
            ```

            ```swift
            let done = true
            print(done)
            ```
            """),
    ]

    init(lessons files: [(String, String)] = Fixture.standardLessons, title: String = "Test course") throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("gradus-site-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/lessons", withIntermediateDirectories: true)
        var manifest = "title: \(title)\nauthors: [Tester]\nlessons:\n"
        for (name, _) in files { manifest += "  - \(name)\n" }
        try write(manifest, to: "lessons/course.yml")
        for (name, text) in files { try write(text, to: "lessons/" + name) }
    }

    func write(_ text: String, to relative: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    /// Replaces the first occurrence of `old` in a lesson file.
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        guard let range = text.range(of: old) else { throw SiteError("'\(old)' not in \(relative)") }
        try write(text.replacingCharacters(in: range, with: new), to: relative)
    }

    var options: BuildOptions {
        BuildOptions(lessonsDirectory: lessons, outputDirectory: site, jobs: 2)
    }

    func build(useCache: Bool = true, jobs: Int = 2) throws -> BuildReport {
        var options = self.options
        options.useCache = useCache
        options.jobs = jobs
        return try SiteBuilder.build(options)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
