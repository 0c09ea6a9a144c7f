import Foundation

/// Copies KaTeX from Debian's `libjs-katex` into the site, so formulas render offline.
///
/// Only what pages load is copied: the minified script and stylesheet, the WOFF2 fonts the
/// stylesheet names (relative `fonts/` URLs), and the auto-render extension.
public enum KaTeXAssets {
    /// Where `apt-get install libjs-katex` puts KaTeX.
    public static let debianDirectory = "/usr/share/javascript/katex"

    /// Copies KaTeX from `source` into `destination/katex`.
    public static func copy(from source: String, to destination: String) throws(AssetError) {
        let manager = FileManager.default
        let required = ["katex.min.js", "katex.min.css", "fonts"]
        for name in required where !manager.fileExists(atPath: source + "/" + name) {
            throw AssetError("KaTeX not found: \(source)/\(name) is missing; install it with `apt-get install libjs-katex` (or `make site`)")
        }
        let autoRender = ["contrib/auto-render.min.js", "contrib/auto-render.js"].first { manager.fileExists(atPath: source + "/" + $0) }
        guard let autoRender else {
            throw AssetError("KaTeX's auto-render extension is missing from \(source)/contrib; reinstall libjs-katex")
        }
        let target = destination + "/katex"
        do {
            try manager.createDirectory(atPath: target + "/contrib", withIntermediateDirectories: true)
            for name in ["katex.min.js", "katex.min.css"] {
                try copyResolvingLinks(source + "/" + name, to: target + "/" + name)
            }
            // Only the WOFF2 fonts: the stylesheet lists them first and every current browser
            // reads them, so the WOFF and TTF copies would never be fetched (and cost 40 files).
            let fonts = URL(fileURLWithPath: source + "/fonts").resolvingSymlinksInPath().path
            try manager.createDirectory(atPath: target + "/fonts", withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: fonts).sorted() where name.hasSuffix(".woff2") {
                try copyResolvingLinks(fonts + "/" + name, to: target + "/fonts/" + name)
            }
            try copyResolvingLinks(source + "/" + autoRender, to: target + "/contrib/auto-render.min.js")
        } catch {
            throw AssetError("cannot copy KaTeX from \(source) into \(target): \(error.localizedDescription)")
        }
    }

    /// Copies a file or folder, following symbolic links: Debian links `katex.min.js` to
    /// `katex.js` and `fonts` to `/usr/share/fonts/truetype/katex`, and a site must hold the files.
    public static func copyResolvingLinks(_ source: String, to destination: String) throws {
        let manager = FileManager.default
        let resolved = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            throw AssetError("\(source) is a broken link")
        }
        if isDirectory.boolValue {
            try manager.createDirectory(atPath: destination, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: resolved).sorted() {
                try copyResolvingLinks(resolved + "/" + name, to: destination + "/" + name)
            }
        } else {
            try manager.copyItem(atPath: resolved, toPath: destination)
        }
    }
}

/// Why assets a page needs (KaTeX, a linked file) could not be copied: the message says what and where.
public struct AssetError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The script that renders a page's formulas with KaTeX's auto-render, for pages outside the site.
///
/// The site's own script (`SiteScript`) does the same among other things; feedback pages load
/// only this, with KaTeX copied beside them (`KaTeXAssets`), so formulas render offline.
public enum MathScript {
    /// The `<link>` and `<script>` tags for KaTeX in `folder` (relative to the page), then the renderer.
    public static func head(katex folder: String = "katex") -> String {
        """
        <link rel="stylesheet" href="\(folder)/katex.min.css">
        <script defer src="\(folder)/katex.min.js"></script>
        <script defer src="\(folder)/contrib/auto-render.min.js"></script>
        <script>
        window.addEventListener("DOMContentLoaded", function () {
          if (typeof window.renderMathInElement !== "function") return;
          var options = {delimiters: [{left: "\\\\[", right: "\\\\]", display: true}, {left: "\\\\(", right: "\\\\)", display: false}], throwOnError: false};
          document.querySelectorAll(".math").forEach(function (element) { window.renderMathInElement(element, options); });
        });
        </script>
        """
    }
}
