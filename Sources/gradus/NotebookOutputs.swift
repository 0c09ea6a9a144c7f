import Lessons
import Outputs
import Pages
import Site
import Snippets

/// Cell results as nbformat outputs: printed text as `stream`, tables as HTML with a text
/// fallback, plots as standalone SVG with an alt text, failures as `error` outputs.
///
/// The one place where a notebook meets the site's renderers (`OutputHTML`, `LinePlot`,
/// `ContourPlot`), so a notebook's tables and plots are the very ones the page shows; the
/// notebook model itself (Lessons) stays pure JSON.
enum NotebookOutputs {
    /// The lesson as a notebook, with `records` (nil: not run) as its cells' outputs.
    static func notebook(_ lesson: Lesson, records: [CellResult]?) -> JupyterNotebook {
        JupyterNotebook.export(lesson, results: records.map(results) ?? [:])
    }

    /// Outputs and execution counts by `Cell.index`; counts number the cells that ran, from 1.
    static func results(_ records: [CellResult]) -> [Int: JupyterNotebook.Results] {
        var count = 0
        var results: [Int: JupyterNotebook.Results] = [:]
        for record in records.sorted(by: { $0.number < $1.number }) {
            let ran = record.status != .skipped || record.failureKind == .notCompleted
            if ran { count += 1 }
            results[record.cell] = JupyterNotebook.Results(outputs: outputs(record), executionCount: ran ? count : nil)
        }
        return results
    }

    static func outputs(_ record: CellResult) -> [JSON] {
        var outputs = record.outputs.flatMap(bundles)
        if let error = record.error, record.status == .error || record.expectedError {
            let name: String = switch record.failureKind {
            case _ where record.expectedError: "ExpectedError"
            case .expectation: "ExpectationFailed"
            case .crashed: "KernelCrashed"
            case .notCompleted: "NotCompleted"
            case .error: "Error"
            }
            outputs.append(.object([
                "ename": .string(name),
                "evalue": .string(error.message),
                "output_type": .string("error"),
                "traceback": .array(error.rendered.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) }),
            ]))
        }
        return outputs
    }

    /// One output as nbformat outputs: a comparison gives its tables and its plots, one output each.
    static func bundles(_ output: Output) -> [JSON] {
        switch output {
        case .text(let text):
            return [.object(["name": .string("stdout"), "output_type": .string("stream"), "text": .string(text)])]
        case .table(let table):
            return [display(["text/html": OutputHTML.table(table), "text/plain": OutputText.render(output, color: false)])]
        case .plot(let plot):
            let svg = LinePlot.svg(plot.series, title: plot.title, xLabel: plot.xLabel, yLabel: plot.yLabel, logScale: plot.logScale)
            let alt = "Line plot \(plot.title.map { "'\($0)'" } ?? "of \(plot.yLabel) against \(plot.xLabel)"): "
                + curves(plot.series.map(\.name)) + "; x: \(plot.xLabel), y: \(plot.yLabel)\(plot.logScale ? " on a log scale" : "")."
            return [image(svg, text: OutputText.render(output, color: false), alt: alt)]
        case .runs(let runs):
            var parts = [runs.lossTable()]
            if runs.runs.contains(where: { !$0.validationLoss.isEmpty }) { parts.append(runs.lossTable(validation: true)) }
            if let spread = runs.spreadTable() { parts.append(spread) }
            var bundles = parts.map { display(["text/html": OutputHTML.table($0), "text/plain": OutputText.render(.table($0), color: false)]) }
            let names = runs.runs.map(\.name)
            let curvesPlot = PlotOutput(title: "loss", series: runs.lossCurves, xLabel: runs.unit, yLabel: "loss", logScale: runs.usesLogScale)
            let band = runs.bandCaption.map { ", \($0) (shaded)" } ?? ""
            bundles.append(image(OutputHTML.lossPlot(runs), text: OutputText.render(.plot(curvesPlot), color: false),
                                 alt: "Loss per \(runs.unit) of \(runs.title)\(band): " + curves(names) + (runs.usesLogScale ? ", on a log scale." : ".")))
            if let map = OutputHTML.contourMap(runs) {
                let alt = "Contour map of \(runs.title) with the path of each optimizer: " + names.joined(separator: ", ") + "."
                bundles.append(image(map, text: alt, alt: alt))
            }
            return bundles
        }
    }

    static func curves(_ names: [String]) -> String {
        "\(names.count) curve\(names.count == 1 ? "" : "s")" + (names.isEmpty ? "" : " (" + names.joined(separator: ", ") + ")")
    }

    static func display(_ data: KeyValuePairs<String, String>) -> JSON {
        .object([
            "data": .object(data.map { JSON.Member($0.key, .string($0.value)) }),
            "metadata": .object([]),
            "output_type": .string("display_data"),
        ])
    }

    /// A plot as `image/svg+xml`, made standalone (namespace, its own colours: no page stylesheet
    /// reaches an SVG shown as an image), with a text fallback and the alt text in the metadata.
    static func image(_ svg: String, text: String, alt: String) -> JSON {
        var standalone = svg
        if standalone.hasPrefix("<svg ") {
            standalone = "<svg xmlns=\"http://www.w3.org/2000/svg\" " + standalone.dropFirst(5)
        }
        if let end = standalone.firstIndex(of: ">") {
            standalone.insert(contentsOf: "<style>" + DefaultTheme.standalonePlotStyle + "</style>", at: standalone.index(after: end))
        }
        return .object([
            "data": .object(["image/svg+xml": .string(standalone), "text/plain": .string(text)]),
            "metadata": .object(["image/svg+xml": .object(["alt": .string(alt)])]),
            "output_type": .string("display_data"),
        ])
    }
}
