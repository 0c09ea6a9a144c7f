import Foundation
import Testing
@testable import Site

/// The built site in headless Chromium: formulas rendered, search working, nothing fetched elsewhere.
///
/// Skipped, with that reason, only when Chromium is not installed; `make test` installs it.
@Suite(.enabled(if: Processes.chromium != nil, "chromium is not installed: apt-get install chromium (make test does)"))
struct BrowserTests {
    /// The package root, where screenshots go under `.build/screenshots/`.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func chromium(_ arguments: [String]) throws -> Processes.Outcome {
        let chromium = try #require(Processes.chromium)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-chromium-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        return try Processes.run(chromium, ["--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=\(profile)",
                                            "--no-first-run", "--disable-extensions", "--disable-background-networking",
                                            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"] + arguments, seconds: 90)
    }

    /// The DOM after the page's scripts ran, and the console messages it logged.
    func load(_ url: String) throws -> (dom: String, console: [String]) {
        let outcome = try chromium(["--dump-dom", url])
        let console = outcome.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") }.map(String.init)
        return (outcome.stdout, console)
    }

    /// The visible text of a DOM: tags, KaTeX's TeX annotations, scripts and styles removed.
    static func visibleText(_ dom: String) -> String {
        var html = dom
        for tag in ["annotation", "script", "style", "title"] {
            while let open = html.range(of: "<\(tag)"), let close = html.range(of: "</\(tag)>", range: open.upperBound..<html.endIndex) {
                html.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        return HTMLText.plain(Substring(html))
    }

    @Test func formulasRenderAndNoConsoleErrors() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let (dom, console) = try load("file://\(fixture.site)/01-descent.html")
        #expect(console.isEmpty, "console: \(console)")
        // Two inline formulas and one display formula, each rendered by KaTeX.
        #expect(dom.components(separatedBy: "class=\"katex\"").count - 1 == 3)
        #expect(dom.contains("class=\"katex-display\""))
        #expect(!dom.contains("katex-error"))
        let text = Self.visibleText(dom)
        #expect(!text.contains("\\(") && !text.contains("\\["), "no formula left as TeX")
        // "$5 and $6" are prices, not math; no other dollar sign may remain.
        #expect(text.components(separatedBy: "$").count - 1 == 2)
        #expect(text.contains("prices of $5 and $6 stay text"))
    }

    @Test func searchFindsAWordFromALesson() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let (dom, console) = try load("file://\(fixture.site)/index.html?q=zebrafish")
        #expect(console.isEmpty, "console: \(console)")
        #expect(dom.contains("<strong>1 result for “zebrafish”</strong>"))
        #expect(dom.contains("<a class=\"search-hit\" href=\"01-descent.html#gradient-descent\">Gradient descent</a>"))
        #expect(dom.contains("<mark>zebrafish</mark>"))
        let (none, _) = try load("file://\(fixture.site)/02-compare.html?q=nosuchwordanywhere")
        #expect(none.contains("<strong>0 results for “nosuchwordanywhere”</strong>"))
    }

    /// No file of the site names another host: only XML namespace names inside KaTeX's script.
    @Test func noURLPointsElsewhere() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let allowed = ["http://www.w3.org/2000/svg", "http://www.w3.org/1998/Math/MathML"]
        let enumerator = try #require(FileManager.default.enumerator(atPath: fixture.site))
        var checked = 0
        for case let file as String in enumerator where [".html", ".css", ".js", ".json"].contains(where: file.hasSuffix) {
            var text = try String(contentsOfFile: fixture.site + "/" + file, encoding: .utf8)
            for namespace in allowed { text = text.replacing(namespace, with: "") }
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"), "\(file)")
            #expect(!text.contains("src=\"//") && !text.contains("href=\"//"), "\(file)")
            checked += 1
        }
        #expect(checked >= 9)
    }

    /// The exercise page in both views, light and dark: the instructor's banner and the students' notes.
    @Test func viewScreenshotsInLightAndDarkMode() throws {
        let fixture = try Fixture(lessons: ViewTests.exercises)
        defer { fixture.remove() }
        let directory = Self.packageRoot + "/.build/screenshots"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for view in SiteView.allCases {
            var options = fixture.options
            options.view = view
            _ = try SiteBuilder.build(options)
            let (dom, console) = try load("file://\(fixture.site)/01-square.html")
            #expect(console.isEmpty, "console: \(console)")
            #expect(dom.contains("class=\"view-banner\"") == (view == .solutions))
            for (mode, flags) in [("light", ["--blink-settings=preferredColorScheme=1"]),
                                  ("dark", ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"])] {
                let file = "\(directory)/exercise-\(view.rawValue)-\(mode).png"
                try? FileManager.default.removeItem(atPath: file)
                _ = try chromium(flags + ["--hide-scrollbars", "--window-size=1280,1400", "--screenshot=\(file)", "file://\(fixture.site)/01-square.html"])
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                #expect(size > 10_000, "\(file) was not written")
            }
        }
    }

    @Test func screenshotsInLightAndDarkMode() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let directory = Self.packageRoot + "/.build/screenshots"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let modes: [(String, [String])] = [
            ("light", ["--blink-settings=preferredColorScheme=1"]),
            ("dark", ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]),
        ]
        for (mode, flags) in modes {
            for (name, size) in [("desktop", "1280,2200"), ("phone", "390,1600")] {
                let file = "\(directory)/lesson-\(mode)-\(name).png"
                try? FileManager.default.removeItem(atPath: file)
                _ = try chromium(flags + ["--hide-scrollbars", "--window-size=\(size)", "--screenshot=\(file)", "file://\(fixture.site)/02-compare.html"])
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                #expect(size > 10_000, "\(file) was not written")
            }
        }
    }
}
