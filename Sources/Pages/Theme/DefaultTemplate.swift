/// The page template compiled into gradus; a course's `theme/page.html` replaces it.
///
/// A Swift literal rather than a bundle resource, so the gradus binary is self-contained: it
/// builds a site from any directory without a resource bundle beside it. Placeholders are
/// `{{lang}}`, `{{title}}`, `{{course}}`, `{{description}}`, `{{sidebar}}`, `{{content}}`
/// (required) and `{{pager}}`; each is replaced once, already HTML-escaped where it is text.
public enum DefaultTheme {
    public static let page = #"""
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="description" content="{{description}}">
        <title>{{title}}</title>
        <link rel="stylesheet" href="katex/katex.min.css">
        <link rel="stylesheet" href="assets/style.css">
        <script defer src="katex/katex.min.js"></script>
        <script defer src="katex/contrib/auto-render.min.js"></script>
        <script defer src="assets/gradus.js"></script>
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="topbar">
        <button class="menu-toggle" type="button" aria-controls="sidebar" aria-expanded="false">☰ Contents</button>
        <a class="brand" href="index.html">{{course}}</a>
        </header>
        <div class="layout">
        <nav id="sidebar" class="sidebar" aria-label="Course contents">
        {{sidebar}}
        </nav>
        <main id="main">
        <article class="lesson">
        {{content}}
        </article>
        {{pager}}
        </main>
        </div>
        </body>
        </html>
        """#
}
