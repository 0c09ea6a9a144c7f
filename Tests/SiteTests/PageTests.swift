import Foundation
import Testing
@testable import Site

/// Lesson pages: navigation, headings, cells by attribute, errors, and the search index.
@Suite struct PageTests {
    @Test func lessonPageHasNavigationHeadingsAndCells() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let first = try fixture.read("site/01-descent.html")
        #expect(first.contains("<h2 id=\"first-cell\">First cell<a class=\"anchor\" href=\"#first-cell\""))
        #expect(first.contains("<li><a href=\"#a-table\">A table</a></li>"), "the sidebar lists this lesson's sections")
        #expect(first.contains("href=\"01-descent.html\" aria-current=\"page\""))
        #expect(first.contains("<a class=\"prev\" rel=\"prev\" href=\"index.html\">"))
        #expect(first.contains("<a class=\"next\" rel=\"next\" href=\"02-compare.html\"><small>Next →</small>Comparing optimizers</a>"))
        #expect(first.contains("<span class=\"math inline\">\\(w \\leftarrow w - \\eta \\nabla L(w)\\)</span>"))
        #expect(first.contains("<div class=\"math display\">\\["))
        #expect(first.contains("<pre class=\"output output-text\">rate 0.1</pre>"))
        #expect(first.contains("<caption>sweep</caption>"))
        #expect(first.contains("<p class=\"summary\">One step downhill at a time.</p>"))

        let second = try fixture.read("site/02-compare.html")
        #expect(!second.contains("Rosenbrock()"), "a hide cell's code is not shown")
        #expect(second.contains("<svg class=\"plot contour-plot\""))
        #expect(second.contains("<svg class=\"plot line-plot log-y\""), "the decades plot uses a log axis")

        let third = try fixture.read("site/03-attributes.html")
        #expect(third.contains("<span class=\"badge\">not run</span>"))
        #expect(third.contains("class=\"cell raised\""))
        #expect(third.contains("Raises, as expected: shape mismatch"))
        #expect(third.contains("03-attributes.md:14:20"))
        #expect(!third.contains("class=\"cell failed\""))
        #expect(!third.contains("class=\"next\""), "the last lesson has no next page")
    }

    @Test func failingCellShowsAnErrorBoxWithLineAndColumn() throws {
        let fixture = try Fixture(lessons: [("01-bad.md", "---\ntitle: Bad\n---\n\nText.\n\n```swift\nlet a = 1\n```\n\n```swift\nlet b = a + missing\n```\n\n```swift\nprint(a)\n```\n")])
        defer { fixture.remove() }
        let report = try fixture.build()
        #expect(report.failed && report.wroteSite)
        let failure = try #require(report.lessons.first?.failures.first)
        #expect(TerminalReport.failure(failure) == "\(fixture.lessons)/01-bad.md:12:13: error: cannot find 'missing' in scope\nlet b = a + missing\n            ^")
        let page = try fixture.read("site/01-bad.html")
        #expect(page.contains("class=\"cell failed\""))
        #expect(page.contains("<div class=\"error-box\" role=\"alert\"><p class=\"error-title\">Error: cannot find &#39;missing&#39; in scope</p>")
                || page.contains("<div class=\"error-box\" role=\"alert\"><p class=\"error-title\">Error: cannot find 'missing' in scope</p>"))
        #expect(page.contains("01-bad.md:12:13</code>"))
        #expect(page.contains("<pre>let b = a + missing\n            ^</pre>"))
        #expect(page.contains("<pre class=\"output output-text\">1</pre>"), "later cells still run")
        #expect(TerminalReport.line(try #require(report.lessons.first)).hasPrefix("\(fixture.lessons)/01-bad.md: 3 cells run, 1 failed, "))
    }

    @Test func indexListsLessonsInOrder() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let index = try fixture.read("site/index.html")
        let positions = try ["01-descent.html\">Gradient descent", "02-compare.html\">Comparing optimizers", "03-attributes.html\">Attributes"]
            .map { try #require(index.range(of: "<li><a href=\"" + $0)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(index.contains("<span class=\"summary\">One step downhill at a time.</span>"))
        #expect(index.contains("<p class=\"authors\">Tester</p>"))
    }

    @Test func searchIndexSplitsLessonsAtHeadings() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let data = Data(try fixture.read("site/search.json").utf8)
        let index = try JSONDecoder().decode(SearchIndex.self, from: data)
        #expect(index.pages.map(\.url) == ["01-descent.html", "02-compare.html", "03-attributes.html"])
        let first = try #require(index.pages.first)
        #expect(first.title == "Gradient descent")
        #expect(first.sections.map(\.anchor) == ["gradient-descent", "first-cell", "a-table"])
        #expect(first.sections[0].text.contains("The word zebrafish is unique to this lesson."))
        #expect(first.sections[1].text.contains("let rate = 0.1"), "shown code is searchable")
        #expect(!index.pages[1].sections.contains { $0.text.contains("Rosenbrock()") }, "hidden code is not")
        let script = try fixture.read("site/search-index.js")
        #expect(script.hasPrefix("window.GRADUS_SEARCH_INDEX = {"))
    }
}
