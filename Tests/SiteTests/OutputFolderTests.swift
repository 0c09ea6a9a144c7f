import Foundation
import Testing
@testable import Site

/// The output folder: replaced whole or not at all, a theme overriding the defaults, the layout.
@Suite struct OutputFolderTests {
    static func leftovers(_ fixture: Fixture) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.root).filter { $0.contains(".tmp-") || $0.contains(".old-") }
    }

    @Test func writesTheDocumentedLayout() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let report = try fixture.build()
        #expect(report.wroteSite && report.pages == 4)
        let manager = FileManager.default
        for file in ["index.html", "01-descent.html", "02-compare.html", "03-attributes.html", "search.json", "search-index.js",
                     "assets/style.css", "assets/gradus.js", "katex/katex.min.js", "katex/katex.min.css",
                     "katex/contrib/auto-render.min.js", "katex/fonts/KaTeX_Main-Regular.woff2", ".gradus-site"] {
            #expect(manager.fileExists(atPath: fixture.site + "/" + file), "\(file)")
        }
        // KaTeX files are real files, not Debian's symbolic links into /usr/share.
        let attributes = try manager.attributesOfItem(atPath: fixture.site + "/katex/katex.min.js")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(manager.fileExists(atPath: fixture.cache + "/cells"))
        #expect(try Self.leftovers(fixture).isEmpty)
    }

    /// A build that fails while writing (a theme without {{content}}) leaves the old site as it was.
    @Test func failedBuildLeavesTheOldSite() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let before = try fixture.read("site/01-descent.html")
        try fixture.edit("lessons/01-descent.md", replacing: "The word zebrafish", with: "The word okapi")
        try fixture.write("<html><body>no placeholder</body></html>", to: "lessons/theme/page.html")
        #expect(throws: SiteError.self) { try fixture.build() }
        #expect(try fixture.read("site/01-descent.html") == before)
        #expect(try Self.leftovers(fixture).isEmpty)
    }

    /// A course error (an unlisted lesson file) writes nothing and reports where the problem is.
    @Test func courseErrorsWriteNothing() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let before = try fixture.read("site/index.html")
        try fixture.write("# Stray\n", to: "lessons/04-stray.md")
        try fixture.edit("lessons/02-compare.md", replacing: "# Comparing optimizers", with: "# Comparing optimizers\n\nNew prose.")
        let report = try fixture.build()
        #expect(!report.wroteSite && report.failed)
        #expect(report.courseDiagnostics.contains { $0.message.contains("04-stray.md") })
        #expect(try fixture.read("site/index.html") == before)
        #expect(!(try fixture.read("site/02-compare.html")).contains("New prose."))
        let printed = TerminalReport.diagnostic(try #require(report.courseDiagnostics.first))
        #expect(printed.hasPrefix(fixture.lessons + "/course.yml:"))
        #expect(printed.contains(": error: "))
        #expect(printed.split(separator: "\n").count >= 3, "the source line and a caret follow")
        #expect(try Self.leftovers(fixture).isEmpty)
    }

    @Test func refusesToReplaceAFolderItDidNotBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("precious", to: "site/notes.txt")
        #expect(throws: SiteError.self) { try fixture.build() }
        #expect(try fixture.read("site/notes.txt") == "precious")
    }

    @Test func themeFolderOverridesEitherFile() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("body { color: rebeccapurple; }\n", to: "lessons/theme/style.css")
        _ = try fixture.build()
        #expect(try fixture.read("site/assets/style.css") == "body { color: rebeccapurple; }\n")
        #expect(try fixture.read("site/index.html").contains("<link rel=\"stylesheet\" href=\"assets/style.css\">"), "the default page stays")
        try fixture.write("<!DOCTYPE html><title>{{title}}</title><main class=\"mine\">{{content}}</main>{{unknown}}", to: "lessons/theme/page.html")
        _ = try fixture.build()
        let page = try fixture.read("site/01-descent.html")
        #expect(page.hasPrefix("<!DOCTYPE html><title>Gradient descent · Test course</title><main class=\"mine\">"))
        #expect(page.hasSuffix("</main>{{unknown}}"))
        #expect(!page.contains("class=\"sidebar\""))
    }

    @Test func defaultThemeIsCompiledIn() {
        #expect(Theme.standard.page.text.contains("{{content}}"))
        #expect(Theme.standard.style.contains("prefers-color-scheme: dark"))
        #expect(Theme.standard.style.contains("@media print"))
        #expect(Theme.standard.style.contains("max-width: 820px"))
    }
}
