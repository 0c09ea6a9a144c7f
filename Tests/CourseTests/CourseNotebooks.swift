import Foundation
import Testing

/// The course as Jupyter notebooks: the ones `gradus build` writes beside each page, and the same
/// ones from `gradus export`, checked after each build of `CourseBuildTests`.
///
/// After the instructor's build, export goes through the execution cache the build just filled,
/// so it runs no cell again and must give the site's notebook byte for byte. Each notebook is validated by nbformat itself
/// (`scripts/check-notebooks.py` in `.build/venv`, which `make test` creates) and must import back
/// to its lesson byte for byte.
enum CourseNotebooks {
    static let python = Course.root + "/.build/venv/bin/python"

    /// One line of `scripts/check-notebooks.py`: validity and output counts of one notebook.
    struct Summary: Decodable {
        var path: String
        var nbformat: [Int]
        var valid: Bool
        var error: String?
        var cells: [String]
        var outputs: [String: Int]
        var tracebacks: [String]
        var enames: [String]
    }

    /// Runs the checker on `paths` with the venv's Python.
    static func validate(_ paths: [String]) throws -> [Summary] {
        try #require(FileManager.default.isExecutableFile(atPath: python), "no \(python): run 'make venv-test' (make test does)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Course.root + "/scripts/check-notebooks.py"] + paths
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let summaries = try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try JSONDecoder().decode(Summary.self, from: Data($0.utf8))
        }
        #expect(summaries.count == paths.count, "check-notebooks.py: \(errors)")
        return summaries
    }

    /// Every lesson's notebook in `site`: linked from its page, equal to `gradus export`'s (instructor's view), valid
    /// nbformat 4.5 with tables and plots embedded, and imported back to the lesson (in the
    /// students' view, to its student copy) byte for byte.
    static func check(lessons: String, site: String, student: Bool) throws {
        let files = try Course.lessonFiles()
        var notebooks: [String] = []
        for file in files {
            let id = String(file.dropLast(3))
            let notebook = site + "/" + id + ".ipynb"
            notebooks.append(notebook)
            let page = try Course.read(site + "/" + id + ".html")
            #expect(page.contains("<a href=\"\(id).ipynb\" download>Download notebook</a>"), "\(file): no download link")
            let lesson = lessons + "/" + file
            if !student {
                // One view is enough to show that both paths agree (a second costs a process per lesson).
                let exported = try Course.run(["export", lesson, "--to", "ipynb"])
                #expect(exported.status == 0, "\(file): \(exported.stderr)")
                #expect(exported.stdout == (try Course.read(notebook)), "\(file): gradus export differs from the site's notebook")
            }
            let back = try Course.run(["import", notebook])
            #expect(back.status == 0, "\(file): \(back.stderr)")
            // The students' notebook is the student copy: the same text the percent script of --student carries.
            let expected = student ? try Course.run(["import", "-"], input: try Course.run(["export", lesson, "--student"]).stdout).stdout
                                   : try Course.read(lesson)
            #expect(Array(back.stdout.utf8) == Array(expected.utf8), "\(file): the notebook does not import back to the lesson")
        }
        let summaries = try validate(notebooks)
        for summary in summaries {
            #expect(summary.valid, "\(summary.path): \(summary.error ?? "")")
            #expect(summary.nbformat == [4, 5], "\(summary.path)")
            #expect(summary.outputs["alt", default: 0] == summary.outputs["image/svg+xml", default: 0], "\(summary.path): a plot without alt text")
            #expect(summary.outputs["text/html", default: 0] >= 1, "\(summary.path): no HTML table")
            #expect(summary.outputs["executed", default: 0] >= 2, "\(summary.path): fewer than two cells ran")
            // A `raises` cell's error is shown as Jupyter would show it, named as expected; no other error.
            #expect(summary.enames.allSatisfy { $0 == "ExpectedError" }, "\(summary.path): \(summary.tracebacks)")
        }
        // Two lessons (backpropagation, initialization) show tables only; the others plot.
        let unplotted = summaries.filter { $0.outputs["image/svg+xml", default: 0] == 0 }.map(\.path)
        #expect(unplotted.count <= 2, "lessons without an SVG plot: \(unplotted)")
        #expect(summaries.reduce(0) { $0 + $1.outputs["stream", default: 0] } >= 1, "no printed text in the whole course")
    }
}
