import Outputs
import Descent

extension BuiltinRegistry {
    /// `table(columns:rows:)` and `plot(...)`: values that display as structured outputs; `show(_:)` displays one now.
    func registerOutput() {
        // IPython's display(): shows a value where it is called, not only as a cell's last value.
        // An exported script writes each displayed value as show(...), and it must mean the same here.
        function("show", ["_value"]) { args in
            let value = try args.value("value")
            args.interpreter.flushPrinted()
            args.interpreter.outputs += self.display(value)
            return .void
        }
        function("table", ["columns", "rows", "title?"]) { args in
            let columns = try args.array("columns").map { value -> String in
                guard case let .string(name) = value else { throw args.fail("columns", "an array of Strings") }
                return name
            }
            let all = try args.array("rows")
            // Rows past the cell's cap are neither converted nor kept; a last row says how many were left out.
            let meter = Footprint.meter
            let room = meter.map { max(0, $0.tableRowCap - $0.tableRows) } ?? all.count
            var ticker = Ticker()
            var rows = try all.prefix(room).enumerated().map { index, row -> [TableCell] in
                try ticker.tick()
                let cells: [Value]
                switch row {
                case let .array(items): cells = items
                case let .tuple(items, _): cells = items
                default: throw SnippetError("row \(index) of the table must be an array, got \(row.typeName)", at: args.node("rows"))
                }
                guard cells.count == columns.count else {
                    throw SnippetError("row \(index) has \(cells.count) values but the table has \(columns.count) columns", at: args.node("rows"))
                }
                return cells.map(Self.cell)
            }
            meter?.tableRows += rows.count
            if all.count > rows.count, !columns.isEmpty {
                let note = TableCell.text("… output truncated (\(all.count - rows.count) more rows)")
                rows.append([note] + Array(repeating: TableCell.text(""), count: columns.count - 1))
            }
            let title = args.has("title") ? try args.string("title") : nil
            return .output(.table(TableOutput(title: title, columns: columns, rows: rows)))
        }
        function("plot", ["_y", "title?", "xLabel?", "yLabel?", "logScale?"]) { args in
            if case let .dictionary(entries) = try args.value("y") {
                // Sorted by name, as a compiled script must: a Swift dictionary has no order.
                let series = try entries.pairs.map { key, value -> PlotSeries in
                    let y = try BuiltinConversions.doubles(from: value)
                    return PlotSeries(name: Display.description(of: key), x: y.indices.map(Double.init), y: y)
                }.sorted { $0.name < $1.name }
                return try self.plot(args, series, xLabel: "index")
            }
            let y = try args.doubles("y")
            let series = PlotSeries(name: "y", x: y.indices.map(Double.init), y: y)
            return try self.plot(args, [series], xLabel: "index")
        }
        function("plot", ["x", "y", "title?", "xLabel?", "yLabel?", "logScale?"]) { args in
            let x = try args.doubles("x")
            if case let .dictionary(entries) = try args.value("y") {
                // Several curves against one x: sorted by name, as the dictionary form above.
                let series = try entries.pairs.map { key, value -> PlotSeries in
                    let name = Display.description(of: key)
                    guard let y = try? BuiltinConversions.doubles(from: value) else {
                        throw SnippetError("series '\(name)' of plot(x:y:) must be an array of numbers, got \(Display.description(of: value))", at: args.call)
                    }
                    guard x.count == y.count else {
                        throw SnippetError("plot(x:y:) needs as many x values as y values, got \(x.count) and \(y.count) in '\(name)'", at: args.call)
                    }
                    return PlotSeries(name: name, x: x, y: y)
                }.sorted { $0.name < $1.name }
                return try self.plot(args, series, xLabel: "x")
            }
            let y = try args.doubles("y")
            guard x.count == y.count else {
                throw SnippetError("plot(x:y:) needs as many x values as y values, got \(x.count) and \(y.count)", at: args.call)
            }
            return try self.plot(args, [PlotSeries(name: "y", x: x, y: y)], xLabel: "x")
        }
    }

    private func plot(_ args: Arguments, _ series: [PlotSeries], xLabel: String) throws -> Value {
        let title = args.has("title") ? try args.string("title") : nil
        let logScale = args.has("logScale") ? try args.bool("logScale", default: false) : nil
        let x = args.has("xLabel") ? try args.string("xLabel") : xLabel
        let y = args.has("yLabel") ? try args.string("yLabel") : "y"
        return .output(.plot(PlotOutput.automatic(series, title: title, xLabel: x, yLabel: y, logScale: logScale)))
    }

    static func cell(_ value: Value) -> TableCell {
        switch value {
        case let .int(i): return .int(i)
        case let .double(d): return .number(d)
        default: return .text(Display.description(of: value))
        }
    }
}
