import Foundation
import Lessons
import Testing
@testable import Site

/// Images and other files a lesson links by relative path: copied into the site, or a located error.
@Suite struct LinkedFileTests {
    static let lesson = """
        ---
        title: Pictures
        ---

        # Pictures

        ![A bowl](images/bowl.svg) and [the data](data/points.csv "CSV").

        Elsewhere: [a page](https://example.org/x.png), [a section](#pictures), [another lesson](02-two.md).

        A missing one: ![gone](images/missing.png)

        | escaping | link |
        | --- | --- |
        | out | [up](../secret.txt) |
        """

    @Test func linkedFilesAreCopiedAndAMissingOneIsALocatedError() throws {
        let fixture = try Fixture(lessons: [("01-one.md", Self.lesson), ("02-two.md", "---\ntitle: Two\n---\n\nPlain.\n")])
        defer { fixture.remove() }
        try fixture.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", to: "lessons/images/bowl.svg")
        try fixture.write("x,y\n1,2\n", to: "lessons/data/points.csv")
        try fixture.write("secret", to: "secret.txt")
        let report = try fixture.build()
        #expect(report.wroteSite, "the rest of the build still runs")
        #expect(report.failed)
        #expect(try fixture.read("site/images/bowl.svg").contains("<svg"))
        #expect(try fixture.read("site/data/points.csv") == "x,y\n1,2\n")
        #expect(try fixture.read("site/02-two.html").contains("Plain."))
        let page = try fixture.read("site/01-one.html")
        #expect(page.contains("<img src=\"images/bowl.svg\" alt=\"A bowl\" />"))
        let errors = report.linkDiagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.first?.hasPrefix("11:16 linked file 'images/missing.png' not found") == true, "\(errors)")
        #expect(errors.last?.hasPrefix("15:9 '../secret.txt' points outside the lessons folder") == true, "\(errors)")
        #expect(report.linkDiagnostics.allSatisfy { $0.location.path.hasSuffix("01-one.md") })
        #expect(!FileManager.default.fileExists(atPath: fixture.site + "/secret.txt"))
    }

    @Test(arguments: [
        ("images/a.png", "images/a.png"), ("./a%20b.png#frag", "./a b.png"), ("data.csv?raw=1", "data.csv"),
        ("https://x.org/a.png", nil), ("mailto:a@b.c", nil), ("#top", nil), ("/etc/passwd", nil),
        ("02-two.md", nil), ("page.html#x", nil), ("", nil),
    ] as [(String, String?)])
    func whichLinksAreFiles(destination: String, path: String?) {
        #expect(LinkedFiles.relativePath(destination) == path)
    }
}
