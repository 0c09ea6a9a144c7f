import Foundation
import Testing

/// axe-core finds no WCAG 2 A or AA violation on any page of the course or of a fixture lesson
/// with a table, an image, formulas and every kind of output, in light and in dark mode.
///
/// `scripts/axe-check.py` drives Debian's headless chromium through chromedriver (selenium), with
/// axe-core's script from the axe-selenium-python wheel; `make test` installs all three (the
/// Makefile's TEST_PACKAGES and scripts/requirements-test.txt). Skipped, saying why, only when
/// one of them is missing.
@Suite(.enabled(if: Accessibility.missing == nil, "\(Accessibility.missing ?? "")"))
struct AccessibilityTests {
    /// Every page of a built site.
    static func pages(_ site: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site).filter { $0.hasSuffix(".html") }.sorted().map { site + "/" + $0 }
    }

    @Test func theCourseAndTheShowcaseHaveNoViolationInEitherScheme() throws {
        let course = try Course.roomyCopy("axe-course")
        let courseSite = try Course.scratch("axe-course-site") + "/site"
        let built = try Course.run(["build", "--lessons", course, "--out", courseSite, "--no-cache"])
        #expect(built.status == 0, "\(built.stderr)")

        // The renderer's snapshot fixture as a course: a GitHub table, an image, every output kind.
        let fixture = try Course.scratch("axe-fixture") + "/lessons"
        try FileManager.default.copyItem(atPath: Accessibility.showcase, toPath: fixture)
        try Data("title: Showcase\nlessons:\n  - showcase.md\n".utf8).write(to: URL(fileURLWithPath: fixture + "/course.yml"))
        let fixtureSite = try Course.scratch("axe-fixture-site") + "/site"
        let fixtureBuilt = try Course.run(["build", "--solutions", "--lessons", fixture, "--out", fixtureSite, "--no-cache"])
        #expect(fixtureBuilt.status == 0 && fixtureBuilt.stdout.contains("(2 pages)"), "\(fixtureBuilt.stderr)")
        #expect(FileManager.default.fileExists(atPath: fixtureSite + "/images/bowl.svg"))

        let pages = try Self.pages(courseSite) + Self.pages(fixtureSite)
        #expect(pages.count >= 15)
        let axe = try Course.execute(Accessibility.python, [Accessibility.script] + pages, limit: 1200)
        let report = axe.stdout.split(separator: "\n").map(String.init)
        #expect(report.last == "axe: \(pages.count) pages checked in light and dark, 0 violations",
                "\(report.joined(separator: "\n"))\n\(axe.stderr.suffix(2000))")
        #expect(axe.status == 0)
    }
}

/// Where the accessibility check's tools are, and which one is missing.
enum Accessibility {
    static let python = Course.root + "/.build/venv/bin/python"
    static let script = Course.root + "/scripts/axe-check.py"
    static let showcase = Course.root + "/Tests/PagesTests/Fixtures"

    /// Why the check cannot run here, nil when it can.
    static var missing: String? {
        let manager = FileManager.default
        if !manager.isExecutableFile(atPath: "/usr/bin/chromium") { return "chromium is not installed: apt-get install chromium (make test does)" }
        if !manager.isExecutableFile(atPath: "/usr/bin/chromedriver") { return "chromedriver is not installed: apt-get install chromium-driver (make test does)" }
        let packages = (try? manager.contentsOfDirectory(atPath: Course.root + "/.build/venv/lib").first.map { Course.root + "/.build/venv/lib/\($0)/site-packages" }) ?? nil
        guard manager.isExecutableFile(atPath: python), let packages, manager.fileExists(atPath: packages + "/axe_selenium_python") else {
            return "selenium and axe-selenium-python are not in .build/venv: make venv-test (make test does)"
        }
        return nil
    }
}
