import Outputs

/// Renders a notebook run as the JSON documented in docs/run.md.
public enum JSONRenderer {
    public static func render(_ result: NotebookResult) -> String {
        let cells: [JSON] = result.cells.map { cell in
            var fields: [(String, JSON)] = [
                ("index", .int(cell.number)),
                ("line", .int(cell.line)),
                ("status", .string(cell.status.rawValue)),
                ("outputs", .array(cell.outputs.map(output))),
            ]
            if let error = cell.error {
                var errorFields: [(String, JSON)] = [
                    ("message", .string(error.message)),
                    ("line", .int(error.location.line)),
                    ("column", .int(error.location.column)),
                    ("rendered", .string(error.rendered)),
                ]
                if cell.expectedError { errorFields.append(("expected", .bool(true))) }
                if !error.notes.isEmpty {
                    errorFields.append(("notes", .array(error.notes.map {
                        var note: [(String, JSON)] = [("message", .string($0.message))]
                        if let place = $0.location { note += [("line", .int(place.line)), ("column", .int(place.column))] }
                        return .object(note)
                    })))
                }
                if !error.fixIts.isEmpty { errorFields.append(("fixIts", .array(error.fixIts.map { .string($0.message) }))) }
                fields.append(("error", .object(errorFields)))
            }
            return .object(fields)
        }
        return JSON.object([("lesson", .string(result.lesson)), ("cells", .array(cells))]).serialized + "\n"
    }

    static func output(_ output: Output) -> JSON {
        switch output {
        case let .text(text):
            return .object([("type", .string("text")), ("text", .string(text))])
        case let .table(table):
            let rows: [JSON] = table.rows.map { row in
                .array(row.map { cell in
                    switch cell {
                    case let .int(i): return .int(i)
                    case let .number(d): return .number(d)
                    case let .text(t): return .string(t)
                    }
                })
            }
            return .object([
                ("type", .string("table")), ("title", table.title.map(JSON.string) ?? .null),
                ("columns", .array(table.columns.map(JSON.string))), ("rows", .array(rows)),
            ])
        case let .runs(runs):
            let list: [JSON] = runs.runs.map { run in
                var fields: [(String, JSON)] = [("name", .string(run.name)), ("loss", .array(run.loss.map(JSON.number)))]
                if runs.kind == .minimize, !run.points.isEmpty, run.points.allSatisfy({ $0.count == 2 }) {
                    fields.append(("points", .array(run.points.map { .array($0.map(JSON.number)) })))
                }
                if runs.kind == .fit, !run.validationLoss.isEmpty {
                    fields.append(("validationLoss", .array(run.validationLoss.map(JSON.number))))
                }
                fields.append(("stopReason", run.stopReason.map(JSON.string) ?? .null))
                fields.append(("divergedAt", run.divergedAt.map(JSON.int) ?? .null))
                for (key, spread) in [("spread", run.spread), ("validationSpread", run.validationSpread)] {
                    guard let spread else { continue }
                    fields.append((key, .object([
                        ("standardDeviation", .array(spread.map { JSON.number($0.standardDeviation) })),
                        ("minimum", .array(spread.map { JSON.number($0.minimum) })),
                        ("maximum", .array(spread.map { JSON.number($0.maximum) })),
                    ])))
                }
                return .object(fields)
            }
            var object: [(String, JSON)] = [("type", .string("runs")), ("title", .string(runs.title)), ("kind", .string(runs.kind.rawValue))]
            if let seeds = runs.seeds { object.append(("seeds", .array(seeds.map(JSON.int)))) }
            return .object(object + [("runs", .array(list))])
        case let .plot(plot):
            let series: [JSON] = plot.series.map {
                .object([("name", .string($0.name)), ("x", .array($0.x.map(JSON.number))), ("y", .array($0.y.map(JSON.number)))])
            }
            return .object([
                ("type", .string("plot")), ("title", plot.title.map(JSON.string) ?? .null),
                ("logScale", .bool(plot.logScale)), ("series", .array(series)),
            ])
        }
    }
}

/// A JSON value with ordered keys; doubles print in Swift's shortest round-trip form.
enum JSON {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    var serialized: String {
        switch self {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .number(d): return d.isFinite ? String(d) : "null"
        case let .string(s): return Self.quote(s)
        case let .array(items): return "[" + items.map(\.serialized).joined(separator: ",") + "]"
        case let .object(fields): return "{" + fields.map { Self.quote($0.0) + ":" + $0.1.serialized }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let c where c.value < 0x20 || c == "\u{7F}":
                let hex = String(c.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
