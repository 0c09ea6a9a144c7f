extension DefaultTheme {
    /// The stylesheet compiled into gradus; a course's `theme/style.css` replaces it.
    ///
    /// Colours are custom properties switched by `prefers-color-scheme`, so plots (whose SVG
    /// uses the same properties) follow light and dark mode too; a print section drops the
    /// navigation and prints black on white.
    public static let style = #"""
        :root {
          --bg: #ffffff; --fg: #1f2328; --muted: #5d6571; --border: #d8dee4; --accent: #0b5cad;
          --sidebar-bg: #f6f8fa; --code-bg: #f6f8fa; --output-bg: #fbfcfd; --mark: #fff3a3;
          --error-bg: #fff1f0; --error-border: #d1242f; --error-fg: #a40e26;
          --raised-bg: #f4f1ff; --raised-border: #8250df;
          --best-bg: #dafbe1; --best-fg: #116329;
          --banner-bg: #fff8c5; --banner-border: #9a6700; --banner-fg: #3b2300;
          --tok-kw: #a626a4; --tok-lit: #8a5d00; --tok-str: #2e7a2e; --tok-com: #5f6670; --tok-type: #0f6f8a; --tok-id: #1f2328;
          --grid: #e6e9ed; --axis: #57606a; --contour: #3b6ea8;
          --s0: #1f77b4; --s1: #d62728; --s2: #2ca02c; --s3: #9467bd; --s4: #e6850e; --s5: #17becf; --s6: #8c564b; --s7: #e377c2;
          --radius: 6px;
          --mono: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace;
          color-scheme: light dark;
        }
        @media screen and (prefers-color-scheme: dark) {
          :root {
            --bg: #0f1419; --fg: #e6e6e6; --muted: #9aa4b1; --border: #30363d; --accent: #6cb6ff;
            --sidebar-bg: #161b22; --code-bg: #161b22; --output-bg: #12171d; --mark: #6b5b00;
            --error-bg: #2d1417; --error-border: #f85149; --error-fg: #ffa198;
            --raised-bg: #221a38; --raised-border: #a371f7;
            --best-bg: #12361f; --best-fg: #7ee2a1;
            --banner-bg: #2e2405; --banner-border: #d29922; --banner-fg: #f2cc60;
            --tok-kw: #ff7ab2; --tok-lit: #d9c97c; --tok-str: #a5d6a7; --tok-com: #8b949e; --tok-type: #6bdfff; --tok-id: #e6e6e6;
            --grid: #262d36; --axis: #8b949e; --contour: #79a8e0;
            --s0: #58a6ff; --s1: #ff7b72; --s2: #56d364; --s3: #d2a8ff; --s4: #ffa657; --s5: #39c5cf; --s6: #e0a47a; --s7: #ff9bce;
          }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 17px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; }
        a { color: var(--accent); }
        .skip-link { position: absolute; left: -999px; }
        .skip-link:focus { left: 8px; top: 8px; background: var(--bg); padding: 4px 8px; z-index: 10; }
        .topbar { display: none; }
        .layout { display: grid; grid-template-columns: 17rem minmax(0, 1fr); min-height: 100vh; }
        .sidebar { background: var(--sidebar-bg); border-right: 1px solid var(--border); padding: 1.2rem 1rem; position: sticky; top: 0; height: 100vh; overflow-y: auto; font-size: 0.92rem; }
        .sidebar .course-title { display: block; font-weight: 700; font-size: 1.05rem; color: var(--fg); text-decoration: none; margin-bottom: 0.8rem; }
        .sidebar ol { list-style: none; margin: 0; padding: 0; }
        .sidebar li { margin: 0.15rem 0; }
        .sidebar li a { color: var(--fg); text-decoration: none; display: block; padding: 0.15rem 0.4rem; border-radius: 4px; }
        .sidebar li a:hover { background: var(--border); }
        .sidebar li a[aria-current="page"] { font-weight: 700; color: var(--accent); }
        .sidebar ol ol { margin: 0.1rem 0 0.4rem 0.8rem; border-left: 2px solid var(--border); padding-left: 0.4rem; font-size: 0.88rem; }
        .sidebar ol ol a { color: var(--muted); }
        .lesson-number { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 0.3rem; }
        .search input { width: 100%; padding: 0.4rem 0.6rem; border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg); color: var(--fg); font: inherit; margin-bottom: 1rem; }
        main { padding: 2rem clamp(1rem, 4vw, 3.5rem) 4rem; max-width: 54rem; width: 100%; }
        @media (min-width: 1360px) { main { max-width: 68rem; } }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        .math-tail { white-space: nowrap; }
        h1, h2, h3, h4 { line-height: 1.25; margin: 1.8em 0 0.6em; }
        h1 { margin-top: 0.2em; font-size: 2rem; }
        h2 { font-size: 1.45rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25em; }
        h2 > .anchor, h3 > .anchor, h4 > .anchor { visibility: hidden; margin-left: 0.4rem; text-decoration: none; color: var(--muted); }
        h2:hover > .anchor, h3:hover > .anchor, h4:hover > .anchor { visibility: visible; }
        .summary { color: var(--muted); font-size: 1.1rem; margin-top: -0.4rem; }
        code { font-family: var(--mono); font-size: 0.88em; }
        :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
        pre { font-family: var(--mono); font-size: 0.85rem; line-height: 1.5; overflow-x: auto; margin: 0; padding: 0.8rem 1rem; }
        .cell { margin: 1.2rem 0; border: 1px solid var(--border); border-radius: var(--radius); overflow: hidden; }
        .cell > pre.code { background: var(--code-bg); }
        .cell .outputs { border-top: 1px solid var(--border); background: var(--output-bg); padding: 0.4rem 0; }
        .cell.hidden-code .outputs { border-top: 0; }
        .cell-badges { display: flex; justify-content: flex-end; gap: 0.8rem; background: var(--code-bg); padding: 0.3rem 0.8rem 0; }
        .cell .badge { font: 0.75rem system-ui, sans-serif; color: var(--muted); }
        pre.output { padding: 0.4rem 1rem; white-space: pre-wrap; }
        .tok-kw { color: var(--tok-kw); } .tok-lit { color: var(--tok-lit); } .tok-str { color: var(--tok-str); }
        .tok-com { color: var(--tok-com); font-style: italic; } .tok-type { color: var(--tok-type); } .tok-id { color: var(--tok-id); }
        .output-table { overflow-x: auto; padding: 0.4rem 1rem; }
        table.prose-table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
        .prose-table th, .prose-table td { padding: 0.3rem 0.8rem; border: 1px solid var(--border); }
        .prose-table thead th { background: var(--sidebar-bg); }
        img { max-width: 100%; height: auto; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .output-table table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
        .output-table caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; white-space: nowrap; }
        .output-table th, .output-table td { padding: 0.2rem 0.7rem; border-bottom: 1px solid var(--border); text-align: left; white-space: nowrap; }
        .output-table thead th { border-bottom: 2px solid var(--axis); }
        .output-table thead th:not(:first-child) { text-align: right; }
        .cell .badge.grading { color: var(--accent, var(--muted)); font-weight: 600; }
        .output-table .num { text-align: right; font-family: var(--mono); }
        .output-table .best { background: var(--best-bg); color: var(--best-fg); }
        .output-table .best strong::after { content: " ★"; font-size: 0.8em; }
        .table-note { font-size: 0.8rem; color: var(--muted); margin: 0.3rem 0 0; }
        figure.output-plot { margin: 0.4rem 1rem; }
        svg.plot { width: 100%; height: auto; max-width: 720px; display: block; font: 12px system-ui, sans-serif; }
        svg.plot text { fill: var(--fg); }
        svg.plot .plot-title { font-weight: 600; font-size: 14px; }
        svg.plot .tick-label { fill: var(--muted); font-size: 11px; }
        svg.plot .grid line { stroke: var(--grid); stroke-width: 1; }
        svg.plot .axes line, svg.plot .ticks line { stroke: var(--axis); stroke-width: 1; }
        svg.plot path.line { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
        svg.plot .contour { fill: none; stroke: var(--contour); stroke-width: 1; }
        svg.plot text.minimum { fill: var(--fg); stroke: var(--bg); stroke-width: 3px; paint-order: stroke; font-size: 18px; }
        svg.plot path.line.dashed, svg.plot .legend line.dashed { stroke-dasharray: 7 4; }
        svg.plot path.line.diverged { stroke-dasharray: 2 3; }
        svg.plot text.diverged-mark { fill: var(--error-fg); stroke: none; font-size: 14px; font-weight: 700; }
        svg.plot path.band, svg.plot .legend rect.band-swatch { stroke: none; fill-opacity: 0.2; }
        svg.plot path.band.dashed, svg.plot .legend rect.band-swatch.dashed { fill-opacity: 0.1; }
        svg.plot .band.s0 { fill: var(--s0); } svg.plot .band.s1 { fill: var(--s1); } svg.plot .band.s2 { fill: var(--s2); } svg.plot .band.s3 { fill: var(--s3); }
        svg.plot .band.s4 { fill: var(--s4); } svg.plot .band.s5 { fill: var(--s5); } svg.plot .band.s6 { fill: var(--s6); } svg.plot .band.s7 { fill: var(--s7); }
        svg.plot .band-swatch.s0 { fill: var(--s0); } svg.plot .band-swatch.s1 { fill: var(--s1); } svg.plot .band-swatch.s2 { fill: var(--s2); } svg.plot .band-swatch.s3 { fill: var(--s3); }
        svg.plot .band-swatch.s4 { fill: var(--s4); } svg.plot .band-swatch.s5 { fill: var(--s5); } svg.plot .band-swatch.s6 { fill: var(--s6); } svg.plot .band-swatch.s7 { fill: var(--s7); }
        svg.plot .run circle.start { fill: var(--bg); stroke-width: 2; }
        svg.plot .legend line { stroke-width: 3; }
        svg.plot .s0 { stroke: var(--s0); } svg.plot .s1 { stroke: var(--s1); } svg.plot .s2 { stroke: var(--s2); } svg.plot .s3 { stroke: var(--s3); }
        svg.plot .s4 { stroke: var(--s4); } svg.plot .s5 { stroke: var(--s5); } svg.plot .s6 { stroke: var(--s6); } svg.plot .s7 { stroke: var(--s7); }
        svg.plot circle.marker.s0 { fill: var(--s0); } svg.plot circle.marker.s1 { fill: var(--s1); } svg.plot circle.marker.s2 { fill: var(--s2); } svg.plot circle.marker.s3 { fill: var(--s3); }
        svg.plot circle.marker.s4 { fill: var(--s4); } svg.plot circle.marker.s5 { fill: var(--s5); } svg.plot circle.marker.s6 { fill: var(--s6); } svg.plot circle.marker.s7 { fill: var(--s7); }
        .error-box, .raised-box { margin: 0; padding: 0.6rem 1rem; border-top: 1px solid var(--border); }
        .error-box { background: var(--error-bg); border-left: 4px solid var(--error-border); }
        .raised-box { background: var(--raised-bg); border-left: 4px solid var(--raised-border); }
        .error-box .error-title, .raised-box .error-title { margin: 0 0 0.3rem; font-weight: 600; font-size: 0.9rem; }
        .cell-note { margin: 0; padding: 0.5rem 1rem; border-top: 1px solid var(--border); background: var(--output-bg); color: var(--muted); font-size: 0.88rem; }
        p.download { margin: 0; text-align: right; font-size: 0.9rem; }
        .view-banner { margin: 0 0 1.5rem; padding: 0.7rem 1rem; border: 1px solid var(--banner-border); border-left-width: 4px; border-radius: var(--radius); background: var(--banner-bg); color: var(--banner-fg); }
        .view-banner code { background: transparent; color: inherit; }
        .cell-note code { white-space: nowrap; }
        .error-box .error-title { color: var(--error-fg); }
        .error-box p, .raised-box p { margin: 0 0 0.3rem; font-size: 0.9rem; }
        .error-box pre, .raised-box pre { padding: 0; white-space: pre; }
        .math.display { display: block; overflow-x: auto; overflow-y: hidden; margin: 1rem 0; }
        .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); }
        .pager a { text-decoration: none; max-width: 48%; }
        .pager .next { margin-left: auto; text-align: right; }
        .pager small { display: block; color: var(--muted); }
        .toc-list { padding-left: 1.4rem; }
        .toc-list li { margin: 0.5rem 0; }
        .toc-list .summary { display: block; font-size: 0.95rem; margin: 0; }
        .search-results { border: 1px solid var(--border); border-radius: var(--radius); padding: 0.6rem 1rem; margin-bottom: 1.5rem; background: var(--sidebar-bg); }
        .search-results ol { padding-left: 1.2rem; margin: 0.4rem 0 0; }
        .search-results li { margin: 0.5rem 0; }
        .search-results p { margin: 0.1rem 0 0; font-size: 0.88rem; color: var(--muted); }
        .search-results mark { background: var(--mark); color: inherit; }
        @media (max-width: 820px) {
          body { font-size: 16px; }
          .topbar { display: flex; align-items: center; gap: 0.8rem; position: sticky; top: 0; z-index: 5; background: var(--sidebar-bg); border-bottom: 1px solid var(--border); padding: 0.5rem 0.8rem; }
          .topbar .brand { color: var(--fg); font-weight: 700; text-decoration: none; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
          .menu-toggle { font: inherit; background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.25rem 0.6rem; }
          .layout { display: block; }
          .sidebar { display: none; position: static; height: auto; border-right: 0; border-bottom: 1px solid var(--border); }
          .sidebar.open { display: block; }
          main { padding: 1.2rem 1rem 3rem; }
          h1 { font-size: 1.6rem; }
          pre { font-size: 0.8rem; }
          figure.output-plot { overflow-x: auto; margin: 0.4rem 0.6rem; }
          svg.plot { min-width: 520px; }
        }
        @media print {
          :root { --bg: #fff; --fg: #000; --muted: #444; --code-bg: #f4f4f4; --output-bg: #fff; --border: #bbb; }
          body { font-size: 11pt; background: #fff; color: #000; }
          .topbar, .sidebar, .pager, .search-results, .skip-link, .anchor { display: none !important; }
          .layout { display: block; }
          main { max-width: none; padding: 0; }
          .cell, figure, table, .error-box { break-inside: avoid; }
          pre { white-space: pre-wrap; }
          a { color: inherit; text-decoration: none; }
        }
        """#

    /// The series colours of the light scheme, `--s0` … `--s7` in `style`.
    static let lightSeriesColors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#e6850e", "#17becf", "#8c564b", "#e377c2"]

    /// The plot rules of `style` with its light colours written out, on a white ground, for an SVG
    /// shown on its own.
    ///
    /// No page stylesheet reaches an SVG a notebook shows as an `image/svg+xml` output, so
    /// `gradus export` puts this inside each plot. It must style every mark the plots draw: a mark
    /// left out here is drawn in the browser's defaults (a dashed validation curve solid, a band
    /// black, the ★ of a minimum invisible); `PlotStyleTests` checks each one.
    public static let standalonePlotStyle = """
        svg.plot{background:#fff;font:12px system-ui,sans-serif}svg.plot text{fill:#1f2328}\
        svg.plot .plot-title{font-weight:600;font-size:14px}svg.plot .tick-label{fill:#5d6571;font-size:11px}\
        svg.plot .grid line{stroke:#e6e9ed;stroke-width:1}svg.plot .axes line,svg.plot .ticks line{stroke:#57606a;stroke-width:1}\
        svg.plot path.line{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}\
        svg.plot .contour{fill:none;stroke:#3b6ea8;stroke-width:1}\
        svg.plot text.minimum{fill:#1f2328;stroke:#fff;stroke-width:3px;paint-order:stroke;font-size:18px}\
        svg.plot path.line.dashed,svg.plot .legend line.dashed{stroke-dasharray:7 4}svg.plot path.line.diverged{stroke-dasharray:2 3}\
        svg.plot text.diverged-mark{fill:#a40e26;stroke:none;font-size:14px;font-weight:700}\
        svg.plot path.band,svg.plot .legend rect.band-swatch{stroke:none;fill-opacity:.2}\
        svg.plot path.band.dashed,svg.plot .legend rect.band-swatch.dashed{fill-opacity:.1}\
        svg.plot .run circle.start{fill:#fff;stroke-width:2}svg.plot .legend line{stroke-width:3}
        """ + zip(0..., lightSeriesColors).map { index, color in
            "svg.plot .s\(index){stroke:\(color)}svg.plot circle.marker.s\(index){fill:\(color)}"
                + "svg.plot .band.s\(index),svg.plot .band-swatch.s\(index){fill:\(color)}"
        }.joined()
}
