import Foundation
import Pages

/// The page template and stylesheet a build uses: the compiled-in defaults, or a course's own.
///
/// A course overrides either file by putting `theme/page.html` or `theme/style.css` next to
/// its `course.yml`; the other file keeps its default.
public struct Theme: Sendable {
    public var page: PageTemplate
    public var style: String

    /// The default theme.
    public static var standard: Theme {
        Theme(page: PageTemplate(trusted: DefaultTheme.page), style: DefaultTheme.style)
    }

    init(page: PageTemplate, style: String) {
        self.page = page
        self.style = style
    }

    /// The theme for the course in `lessonsDirectory`, with any `theme/` overrides applied.
    public static func load(lessonsDirectory: String) throws(SiteError) -> Theme {
        var theme = standard
        let folder = (lessonsDirectory as NSString).appendingPathComponent("theme")
        let pagePath = folder + "/page.html", stylePath = folder + "/style.css"
        if FileManager.default.fileExists(atPath: pagePath) {
            theme.page = try PageTemplate(try read(pagePath), origin: pagePath)
        }
        if FileManager.default.fileExists(atPath: stylePath) {
            theme.style = try read(stylePath)
        }
        return theme
    }

    private static func read(_ path: String) throws(SiteError) -> String {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw SiteError("\(path): cannot read the theme file as UTF-8 text")
        }
        return text
    }
}
