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
