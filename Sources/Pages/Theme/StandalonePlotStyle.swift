extension DefaultTheme {
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
