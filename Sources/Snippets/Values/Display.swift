import Descent

/// How values print: the way Swift's `print` and `description` show them.
enum Display {
    /// `custom` gives the text of a declared type's value that has its own `description`.
    static func description(of value: Value, custom: ((Value) -> String?)? = nil) -> String {
        switch value {
        case .void: return "()"
        case let .int(i): return String(i)
        case let .double(d): return String(d)
        case let .bool(b): return String(b)
        case let .string(s): return s
        case let .array(items): return "[" + items.map { literal($0, custom: custom) }.joined(separator: ", ") + "]"
        case let .set(set): return description(of: .array(set.elements), custom: custom)
        case let .dictionary(dictionary):
            if dictionary.count == 0 { return "[:]" }
            return "[" + dictionary.pairs.map { literal($0.key, custom: custom) + ": " + literal($0.value, custom: custom) }.joined(separator: ", ") + "]"
        case let .tuple(items, labels):
            return "(" + zip(items, labels).map { ($1.map { "\($0): " } ?? "") + literal($0, custom: custom) }.joined(separator: ", ") + ")"
        case let .range(lower, upper): return "\(lower)..<\(upper)"
        case let .function(function): return function.name == "closure" ? "(closure)" : "(function \(function.name))"
        case let .tensor(tensor): return tensor.description
        case let .jet(jet): return jet.description
        case let .variable(variable): return variable.description
        case .null: return "nil"
        case let .implicitMember(member): return "." + member.name
        case let .native(native):
            if let described = native.payload as? CustomStringConvertible { return described.description }
            return native.sourceText ?? native.typeName
        case let .output(output):
            switch output {
            case let .text(text): return text
            case let .table(table): return "Table(columns: \(table.columns), rows: \(table.rows.count))"
            case let .runs(runs): return "Comparison(\(runs.title), runs: \(runs.runs.map(\.name)))"
            case let .plot(plot): return "Plot(\(plot.series.map(\.name)))"
            }
        case let .object(object):
            // Swift prints `Module.Name`; a lesson has no module, so the class's name alone.
            return custom?(value) ?? object.type.name
        case let .record(record):
            if let text = custom?(value) { return text }
            // Swift shows a lazy property by its hidden storage: nil until read, then Optional(value).
            let parts = zip(record.type.stored, record.fields).map { property, field in
                guard property.isLazy else { return "\(property.name): " + literal(field, custom: custom) }
                return "$__lazy_storage_$_\(property.name): " + (field.isVoid ? "nil" : "Optional(" + literal(field, custom: custom) + ")")
            }
            return record.type.name + "(" + parts.joined(separator: ", ") + ")"
        case let .enumCase(item):
            if let text = custom?(value) { return text }
            if item.values.isEmpty { return item.name }
            return item.name + "(" + zip(item.values, item.labels).map { ($1.map { "\($0): " } ?? "") + literal($0, custom: custom) }.joined(separator: ", ") + ")"
        case let .metatype(type): return type.name
        }
    }

    /// The form a value takes inside a collection: strings quoted.
    static func literal(_ value: Value, custom: ((Value) -> String?)? = nil) -> String {
        if case let .string(s) = value { return "\"" + s + "\"" }
        return description(of: value, custom: custom)
    }
}
